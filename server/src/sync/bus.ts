import type { Db } from '../db/client';
import { SyncCache } from './sync-cache';

const CHANNEL = 'merit_change';

/**
 * Tells live subscribers that spaces changed. The signal goes through PostgreSQL NOTIFY, so every
 * server process on one database hears every change (DESIGN.md: scaling out). It is a poke, not data.
 */
export interface ChangeBus {
  publish(spaces: readonly string[]): Promise<void>;
  subscribe(fn: (spaces: string[]) => void): () => void;
  close(): Promise<void>;
  /** What pulls read before any row, forgotten on every change heard here (sync-cache.ts). */
  readonly cache: SyncCache;
}

export async function createChangeBus(db: Db): Promise<ChangeBus> {
  const subscribers = new Set<(spaces: string[]) => void>();
  const cache = new SyncCache();
  const stop = await db.listen(CHANNEL, (payload) => {
    const spaces = payload.split(',').filter(Boolean);
    cache.changed(spaces);
    for (const fn of subscribers) fn(spaces);
  });
  return {
    cache,
    async publish(spaces) {
      if (spaces.length === 0) return;
      // This process forgets at once; the others when the NOTIFY reaches them.
      cache.changed(spaces);
      // NOTIFY payloads are limited to 8000 bytes; a huge fan-out is sent in pieces.
      for (let i = 0; i < spaces.length; i += 150) {
        await db.query('select pg_notify($1, $2)', [CHANNEL, spaces.slice(i, i + 150).join(',')]);
      }
    },
    subscribe(fn) {
      subscribers.add(fn);
      return () => subscribers.delete(fn);
    },
    async close() {
      subscribers.clear();
      cache.clear();
      await stop();
    },
  };
}
