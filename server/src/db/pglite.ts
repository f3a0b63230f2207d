import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { DATE_OID, type Db, INT8_OID, parseInt8, type Queryable } from './client';
import { type Migration, runMigrations } from './migrate-run';

const parsers = { [DATE_OID]: (v: string) => v, [INT8_OID]: parseInt8 };

/**
 * `dataDir` null keeps everything in memory (tests). `template` is a gzipped tarball of a new cluster with
 * the migrations applied (the build makes one, see `makeTemplate`): a new, empty data directory is filled
 * from it instead of running initdb and every migration, which were most of a first start.
 */
export async function openPglite(dataDir: string | null, template: string | null = null): Promise<Db> {
  const fresh = dataDir !== null && template !== null && existsSync(template) && !existsSync(join(dataDir, 'PG_VERSION'));
  const pg = await PGlite.create(
    dataDir ?? 'memory://',
    fresh && template ? { parsers, loadDataDir: new Blob([readFileSync(template)]) } : { parsers },
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
  const pg = await PGlite.create('memory://', { parsers });
  try {
    await runMigrations(asDb(pg), migrations);
    const tarball = await pg.dumpDataDir('gzip');
    return new Uint8Array(await tarball.arrayBuffer());
  } finally {
    await pg.close();
  }
}
