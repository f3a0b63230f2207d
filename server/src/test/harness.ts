import pg from 'pg';
import { inject } from 'vitest';
import type { Db } from '../db/client';
import { migrate } from '../db/migrate';
import { openPg } from '../db/pg';
import { openPglite } from '../db/pglite';

let counter = 0;

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or (MERIT_TEST_DB=pg) a clone of the
 * run's template on the real PostgreSQL server. The same suite runs against both.
 */
export async function openTestDb(): Promise<Db> {
  if (process.env.MERIT_TEST_DB !== 'pg') {
    const db = await openPglite(null);
    await migrate(db);
    return db;
  }
  const { run, adminUrl } = inject('pgRun');
  const name = `${run}_${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${run}_tpl`);
  } finally {
    await admin.end();
  }
  return openPg(adminUrl.replace(/\/[^/]*$/, `/${name}`), 10);
}

export const testDbKind = () => (process.env.MERIT_TEST_DB === 'pg' ? 'pg' : 'pglite');
