import { PGlite } from '@electric-sql/pglite';
import { DATE_OID, type Db, INT8_OID, parseInt8, type Queryable } from './client';

const parsers = { [DATE_OID]: (v: string) => v, [INT8_OID]: parseInt8 };

/** `dataDir` null keeps everything in memory (tests). */
export async function openPglite(dataDir: string | null): Promise<Db> {
  const pg = await PGlite.create(dataDir ?? 'memory://', { parsers });
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
