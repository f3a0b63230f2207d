import { uuidv7 } from '@merit/shared/ids';
import * as z from 'zod/mini';
import { domainError } from '../errors';
import { input, router, signedInProcedure } from '../trpc';
import { allowedEndpoint, vapidKeys } from './vapid';

const Key = z.string().check(z.minLength(8), z.maxLength(200), z.regex(/^[A-Za-z0-9_-]+=*$/));
const SubscribeInput = z.strictObject({
  endpoint: z.string().check(z.maxLength(1000)),
  keys: z.strictObject({ p256dh: Key, auth: Key }),
});
const EndpointInput = z.strictObject({ endpoint: z.string().check(z.maxLength(1000)) });

/** Web push, per device: the device subscribes with the server's VAPID key and hands the subscription here. */
export const pushRouter = router({
  config: signedInProcedure.query(async ({ ctx }) => ({ publicKey: (await vapidKeys(ctx.db)).publicKey })),

  subscribe: signedInProcedure.input(input(SubscribeInput)).mutation(async ({ ctx, input }) => {
    if (!allowedEndpoint(input.endpoint, ctx.env)) throw domainError('VALIDATION', 'endpoint is not a known push service', 'endpoint');
    // One row per device (endpoint): a device handed to someone else now notifies its new person only.
    await ctx.db.query(
      `insert into push_subscription (id, person_id, endpoint, p256dh, auth, user_agent) values ($1, $2, $3, $4, $5, $6)
       on conflict (endpoint) do update set person_id = excluded.person_id, p256dh = excluded.p256dh, auth = excluded.auth,
         user_agent = excluded.user_agent`,
      [uuidv7(), ctx.session.personId, input.endpoint, input.keys.p256dh, input.keys.auth, ctx.userAgent.slice(0, 300)],
    );
    return { ok: true as const };
  }),

  unsubscribe: signedInProcedure.input(input(EndpointInput)).mutation(async ({ ctx, input }) => {
    await ctx.db.query('delete from push_subscription where endpoint = $1 and person_id = $2', [input.endpoint, ctx.session.personId]);
    return { ok: true as const };
  }),
});
