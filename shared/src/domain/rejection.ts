import * as z from 'zod/mini';
import { ERROR_CODES, fail, ok, type RuleResult } from '../errors';
import { Id } from './common';
import type { RuleContext } from './win';

/**
 * A mutation the server refused. It keeps what the person typed (`args`) and syncs to every device of
 * theirs, so nothing they wrote is silently dropped. Dismissal is itself a mutation, so it syncs too.
 */
export const RejectionSchema = z.object({
  id: Id,
  ownerId: Id,
  deviceId: Id,
  mutationId: z.number(),
  name: z.string(),
  args: z.unknown(),
  code: z.enum(ERROR_CODES),
  message: z.string(),
  createdAt: z.number(),
  dismissed: z.boolean(),
  version: z.number(),
  deleted: z.boolean(),
});
export type Rejection = z.infer<typeof RejectionSchema>;

export const InboxDismissArgs = z.strictObject({ id: Id });
export type InboxDismissArgs = z.infer<typeof InboxDismissArgs>;

/**
 * A device sets aside the first entry of its outbox after the server kept failing on it (S41): in its place it
 * sends this, which files the entry in the person's inbox ("could not be sent"), so the queue behind it moves.
 * `args` are the set-aside mutation's own, made storable by the device (shared/src/text-rule.ts).
 */
export const InboxSetAsideArgs = z.strictObject({
  id: Id,
  deviceId: Id,
  mutationId: z.int().check(z.positive()),
  name: z.string().check(z.maxLength(64)),
  args: z.unknown(),
});
export type InboxSetAsideArgs = z.infer<typeof InboxSetAsideArgs>;

export const NOT_SENT_MESSAGE =
  'This change could not be sent: the server kept failing on it. It was set aside so your other changes could sync.';

export function setAsideMutation(prev: Rejection | undefined, args: InboxSetAsideArgs, ctx: RuleContext): RuleResult<Rejection> {
  if (prev) return fail('CONFLICT', 'This item is already in your inbox', 'id');
  return ok({
    id: args.id,
    ownerId: ctx.actor.personId,
    deviceId: args.deviceId,
    mutationId: args.mutationId,
    name: args.name,
    args: args.args ?? null,
    code: 'NOT_SENT',
    message: NOT_SENT_MESSAGE,
    createdAt: ctx.now,
    dismissed: false,
    version: 0,
    deleted: false,
  });
}

export function dismissRejection(prev: Rejection | undefined, _args: InboxDismissArgs, ctx: RuleContext): RuleResult<Rejection> {
  if (!prev || prev.ownerId !== ctx.actor.personId) return fail('NOT_FOUND', 'This item is no longer in your inbox');
  return ok({ ...prev, dismissed: true });
}
