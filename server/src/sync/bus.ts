import type { Db } from '../db/client';

const CHANNEL = 'merit_change';

/**
 * Tells live subscribers that spaces changed. The signal goes through PostgreSQL NOTIFY, so every
 * server process on one database hears every change (DESIGN.md: scaling out). It is a poke, not data.
 */
export interface ChangeBus {
  publish(spaces: readonly string[]): Promise<void>;
  subscribe(fn: (spaces: string[]) => void): () => void;
  close(): Promise<void>;
}

export async function createChangeBus(db: Db): Promise<ChangeBus> {
  const subscribers = new Set<(spaces: string[]) => void>();
  const stop = await db.listen(CHANNEL, (payload) => {
    const spaces = payload.split(',').filter(Boolean);
    for (const fn of subscribers) fn(spaces);
  });
  return {
    async publish(spaces) {
      if (spaces.length === 0) return;
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
      await stop();
    },
  };
}
