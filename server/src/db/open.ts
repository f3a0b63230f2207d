import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import type { Env } from '../env';
import type { Db } from './client';
import { acquireDataDirLock } from './lock';
import { migrate } from './migrate';

/** PostgreSQL at DATABASE_URL when set, otherwise embedded PGlite in DATA_DIR; migrated either way. */
export async function openDatabase(env: Pick<Env, 'databaseUrl' | 'dataDir'>): Promise<{ db: Db; release: () => void }> {
  let db: Db;
  let release = () => {};
  if (env.databaseUrl) {
    const { openPg } = await import('./pg');
    db = await openPg(env.databaseUrl);
  } else {
    release = acquireDataDirLock(env.dataDir);
    // Before PGlite compiles its WebAssembly: keep it on V8's baseline compiler. Optimising the hot functions at
    // run time left about 100 MB of compiler memory in the process for a few percent of query speed
    // (docs/ARCHITECTURE.md, "PGlite on a small server").
    setFlagsFromString('--liftoff-only');
    const { openPglite } = await import('./pglite');
    try {
      // Next to the bundle (dist/server/); running from source there is none, and initdb runs as before.
      db = await openPglite(`${env.dataDir}/pg`, fileURLToPath(new URL('./pglite-template.tgz', import.meta.url)));
    } catch (e) {
      release();
      throw e;
    }
  }
  await migrate(db);
  return { db, release };
}
