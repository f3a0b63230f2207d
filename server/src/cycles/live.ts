import type { Context } from '../context';

const REFRESH_MS = 30_000;

/**
 * Yields `{ at }` at once and then whenever a reviewee of the cycle had a change (a submit, a sign-off, an
 * answer), as heard on the change bus, so the dashboard refetches. Pokes that arrive while the consumer is
 * busy coalesce into one. The participant set is re-read at most every 30 s (people added after launch).
 */
export async function* liveCycle(ctx: Pick<Context, 'db' | 'bus'>, cycleId: string, signal: AbortSignal | undefined) {
  const load = async () =>
    new Set(
      (await ctx.db.query<{ owner_id: string }>('select owner_id from review where cycle_id = $1', [cycleId])).map((r) => r.owner_id),
    );
  let people = await load();
  let loadedAt = Date.now();
  let pending = false;
  let wake: (() => void) | null = null;
  const unsubscribe = ctx.bus.subscribe((changed) => {
    if (!changed.some((s) => people.has(s))) return;
    pending = true;
    wake?.();
  });
  try {
    yield { at: Date.now() };
    while (!signal?.aborted) {
      if (!pending) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          signal?.addEventListener('abort', () => resolve(), { once: true });
        });
      }
      wake = null;
      if (signal?.aborted) break;
      pending = false;
      if (Date.now() - loadedAt > REFRESH_MS) {
        people = await load();
        loadedAt = Date.now();
      }
      yield { at: Date.now() };
    }
  } finally {
    unsubscribe();
  }
}
