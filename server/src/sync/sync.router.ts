import { PUSH_CHECKED_PER_MUTATION, PullInput, PushInput } from '@merit/shared/sync/protocol';
import { input, router, signedInProcedure } from '../trpc';
import { pokes } from './bus';
import { pull } from './pull';
import { push } from './push';
import { readableSpaces } from './spaces';

export const syncRouter = router({
  push: signedInProcedure.input(input(PushInput, PUSH_CHECKED_PER_MUTATION)).mutation(({ ctx, input }) =>
    push(
      ctx.db,
      ctx.session,
      input,
      (spaces) => {
        ctx.bus.cache.forgetDevice(input.deviceId);
        // After commit, never inside the transaction: a poke for an uncommitted change would race the pull.
        void ctx.bus.publish(spaces).catch(() => undefined);
      },
      (m, err) => ctx.log?.error({ err, mutationId: m.id, name: m.name }, 'mutation failed; filed as FAILED in the inbox (S40)'),
    ),
  ),
  pull: signedInProcedure.input(input(PullInput)).query(({ ctx, input }) => pull(ctx.db, ctx.session, input, ctx.bus.cache)),
  /**
   * A poke whenever a space this person reads changes; the client answers with a pull (S10). A change that
   * names the person (their own writes, and every reporting-line change around them: people changes publish
   * the person, the old and the new manager) re-reads the spaces they read before the poke (S61), so a new
   * report's changes poke the manager and a moved report's stop.
   */
  live: signedInProcedure.subscription(async function* ({ ctx, signal }) {
    const me = ctx.session.personId;
    let spaces: ReadonlySet<string> = new Set(await readableSpaces(ctx.db, me));
    let stale = false;
    const unsubscribe = ctx.bus.subscribe((changed) => {
      if (changed.includes(me)) stale = true;
    });
    try {
      yield* pokes(
        ctx.bus,
        () => spaces,
        signal,
        async () => {
          if (!stale) return;
          stale = false;
          spaces = new Set(await readableSpaces(ctx.db, me));
        },
      );
    } finally {
      unsubscribe();
    }
  }),
});
