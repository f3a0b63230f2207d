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

export function dismissRejection(prev: Rejection | undefined, _args: InboxDismissArgs, ctx: RuleContext): RuleResult<Rejection> {
  if (!prev || prev.ownerId !== ctx.actor.personId) return fail('NOT_FOUND', 'This item is no longer in your inbox');
  return ok({ ...prev, dismissed: true });
}
