import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { DATE_OID, type Db, INT8_OID, parseInt8, type Queryable } from './client';
import { type Migration, runMigrations } from './migrate-run';

const parsers = { [DATE_OID]: (v: string) => v, [INT8_OID]: parseInt8 };

/**
 * Memory for a small server (docs/ARCHITECTURE.md, "PGlite on a small server"). PGlite is one PostgreSQL backend
 * inside this process, so PostgreSQL's defaults (128 MB of shared buffers, 64 MB for maintenance) are sized for a
 * machine it does not have: the buffers live in the WebAssembly memory and count in the process's RSS as they
 * fill. Reads that miss go to the operating system's page cache, which holds the data files anyway.
 */
export const SMALL_SERVER_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: '16MB',
  wal_buffers: '1MB',
  work_mem: '4MB',
  maintenance_work_mem: '16MB',
  temp_buffers: '2MB',
  // One backend: room for a few connections' locks and slots, not a hundred.
  max_connections: '8',
};
const startParams = [...PGlite.defaultStartParams, ...Object.entries(SMALL_SERVER_SETTINGS).flatMap(([k, v]) => ['-c', `${k}=${v}`])];

/**
 * `dataDir` null keeps everything in memory (tests). `template` is a gzipped tarball of a new cluster with
 * the migrations applied (the build makes one, see `makeTemplate`): a new, empty data directory is filled
 * from it instead of running initdb and every migration, which were most of a first start.
 */
export async function openPglite(dataDir: string | null, template: string | null = null): Promise<Db> {
  const fresh = dataDir !== null && template !== null && existsSync(template) && !existsSync(join(dataDir, 'PG_VERSION'));
  const pg = await PGlite.create(
    dataDir ?? 'memory://',
    fresh && template ? { parsers, startParams, loadDataDir: new Blob([readFileSync(template)]) } : { parsers, startParams },
  );
  return asDb(pg);
}

function asDb(pg: PGlite): Db {
  const wrap = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await q.query<T>(sql, params as unknown[]);
      return r.rows;
    },
  });
  const base = wrap(pg);
  return {
    kind: 'pglite',
    query: base.query,
    // PGlite holds its own mutex for the length of a transaction, so transactions never interleave.
    tx: (fn) => pg.transaction((t) => fn(wrap(t))),
    async listen(channel, onPayload) {
      const stop = await pg.listen(channel, onPayload);
      return async () => stop();
    },
    close: () => pg.close(),
  };
}

/**
 * A gzipped tarball of a new cluster with `migrations` applied, for `openPglite(dir, template)`. The build
 * makes it (server/vite.config.ts); a start still runs the migrations, which then find nothing to do.
 */
export async function makeTemplate(migrations: readonly Migration[]): Promise<Uint8Array> {
  // 1 MB WAL segments instead of 16: a first start writes the segment out in full.
  const pg = await PGlite.create('memory://', { parsers, startParams, initDbStartParams: ['--wal-segsize=1'] });
  try {
    await runMigrations(asDb(pg), migrations);
    // Merit runs in the `postgres` database and never creates another, so the two template databases are a third
    // of the files a first start would unpack for nothing.
    await pg.exec(`update pg_database set datistemplate = false where datname in ('template0', 'template1')`);
    await pg.exec('drop database template0');
    await pg.exec('drop database template1');
    await pg.exec('checkpoint');
    const tarball = await pg.dumpDataDir('gzip');
    return new Uint8Array(await tarball.arrayBuffer());
  } finally {
    await pg.close();
  }
}
