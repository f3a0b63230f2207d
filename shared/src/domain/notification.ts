import * as z from 'zod/mini';
import { fail, ok, type RuleResult } from '../errors';
import { Id } from './common';
import type { RuleContext } from './record';

/** An in-app message to one person (reminders, a reopened review). It lives in the recipient's space. */
export const NotificationSchema = z.object({
  id: Id,
  ownerId: Id,
  kind: z.enum(['reminder', 'reopened', 'info']),
  title: z.string(),
  body: z.string(),
  /** An in-app path, e.g. /reviews/<id>. */
  link: z.string(),
  createdAt: z.number(),
  read: z.boolean(),
  version: z.number(),
  deleted: z.boolean(),
});
export type Notification = z.infer<typeof NotificationSchema>;
export type NotificationKind = Notification['kind'];

export const NotificationReadArgs = z.strictObject({ id: Id });
export type NotificationReadArgs = z.infer<typeof NotificationReadArgs>;

export function readNotification(prev: Notification | undefined, _args: NotificationReadArgs, ctx: RuleContext): RuleResult<Notification> {
  if (!prev || prev.deleted || prev.ownerId !== ctx.actor.personId) return fail('NOT_FOUND', 'This notification is gone');
  return ok({ ...prev, read: true });
}
