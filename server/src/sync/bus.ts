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

/**
 * Live pokes for one subscriber: yields `{ at }` at once, then whenever the bus announces a change to a space
 * in `watching()`. Pokes that arrive while the consumer is busy coalesce into one. `beforePoke` may refresh
 * what is watched (it runs before each poke after the first). Ends when `signal` aborts.
 */
export async function* pokes(
  bus: ChangeBus,
  watching: () => ReadonlySet<string>,
  signal: AbortSignal | undefined,
  beforePoke?: () => Promise<void>,
): AsyncGenerator<{ at: number }> {
  let pending = false;
  let wake: (() => void) | null = null;
  const unsubscribe = bus.subscribe((changed) => {
    const spaces = watching();
    if (!changed.some((s) => spaces.has(s))) return;
    pending = true;
    wake?.();
  });
  // ONE abort listener for the stream's life (S62): one per wait would pile up on a long-lived signal.
  const onAbort = () => wake?.();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    yield { at: Date.now() };
    while (!signal?.aborted) {
      if (!pending) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
      wake = null;
      if (signal?.aborted) break;
      pending = false;
      await beforePoke?.();
      yield { at: Date.now() };
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    unsubscribe();
  }
}
