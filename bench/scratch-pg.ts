import pg from 'pg';

const ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Runs `fn` with the URL of a fresh PostgreSQL database on 127.0.0.1, and drops it afterwards, even on failure. */
export async function withScratchPg<T>(prefix: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    try {
      return await fn(`postgres://postgres@127.0.0.1:5432/${name}`);
    } finally {
      // `with (force)` ends connections a crashed server process may have left behind.
      await admin.query(`drop database if exists ${name} with (force)`);
    }
  } finally {
    await admin.end();
  }
}
