import type { Context } from '../context';
import { pokes } from '../sync/bus';

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
  yield* pokes(
    ctx.bus,
    () => people,
    signal,
    async () => {
      if (Date.now() - loadedAt <= REFRESH_MS) return;
      people = await load();
      loadedAt = Date.now();
    },
  );
}
