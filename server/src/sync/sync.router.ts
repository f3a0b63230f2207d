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
  /** A poke whenever a space this person reads changes; the client answers with a pull (S10). */
  live: signedInProcedure.subscription(async function* ({ ctx, signal }) {
    const spaces = new Set(await readableSpaces(ctx.db, ctx.session.personId));
    yield* pokes(ctx.bus, () => spaces, signal);
  }),
});
