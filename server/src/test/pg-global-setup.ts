import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../db/migrate';
import { openPg } from '../db/pg';

export const ADMIN_URL = process.env.MERIT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const withDb = (url: string, db: string) => url.replace(/\/[^/]*$/, `/${db}`);

/**
 * One scratch template database per run, migrated once; each test file clones it (CREATE DATABASE ...
 * TEMPLATE), and everything this run created is dropped at the end.
 */
export default async function setup(project: TestProject) {
  const run = `merit_t${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${run}_tpl`);
  const db = await openPg(withDb(ADMIN_URL, `${run}_tpl`), 2);
  await migrate(db);
  await db.close();
  project.provide('pgRun', { run, adminUrl: ADMIN_URL });
  return async () => {
    const dbs = await admin.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${run}%`]);
    for (const { datname } of dbs.rows) await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgRun: { run: string; adminUrl: string };
  }
}
