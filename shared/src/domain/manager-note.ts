import * as z from 'zod/mini';
import { fail, ok, type RuleResult } from '../errors';
import { LIMITS } from '../limits';
import { baseText, Day, Id } from './common';
import { created, ownedEditable, type RuleContext, softDelete } from './record';

/**
 * A manager's private note about one of their reports, kept in the MANAGER's space. Only that manager reads
 * it, and only while `subjectId` reports to them: the subject never sees it, nor HR, nor a later manager.
 */
export const ManagerNoteSchema = z.object({
  id: Id,
  ownerId: Id,
  subjectId: Id,
  body: z.string(),
  date: Day,
  createdAt: z.number(),
  updatedAt: z.number(),
  version: z.number(),
  deleted: z.boolean(),
});
export type ManagerNote = z.infer<typeof ManagerNoteSchema>;

const Body = z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.descriptionMax));

export const ManagerNoteCreateArgs = z.strictObject({ id: Id, subjectId: Id, body: Body, date: Day });
export type ManagerNoteCreateArgs = z.infer<typeof ManagerNoteCreateArgs>;
export const ManagerNoteUpdateArgs = z.strictObject({
  id: Id,
  patch: z.strictObject({ body: z.optional(Body), date: z.optional(Day) }),
  base: z.optional(z.strictObject({ body: baseText(LIMITS.descriptionMax) })),
});
export type ManagerNoteUpdateArgs = z.infer<typeof ManagerNoteUpdateArgs>;
export const ManagerNoteDeleteArgs = z.strictObject({ id: Id });
export type ManagerNoteDeleteArgs = z.infer<typeof ManagerNoteDeleteArgs>;

/**
 * `ctx.reports` comes from the database on the server; the device does not know it for sure (undefined),
 * so it allows optimistically and the server's refusal lands in the inbox with the text.
 */
function managesSubject(subjectId: string, ctx: RuleContext): boolean {
  return ctx.reports === undefined || ctx.reports.includes(subjectId);
}
const NOT_YOUR_REPORT = 'You can keep notes only about people who report to you';

export function createManagerNote(prev: ManagerNote | undefined, args: ManagerNoteCreateArgs, ctx: RuleContext): RuleResult<ManagerNote> {
  if (!managesSubject(args.subjectId, ctx)) return fail('FORBIDDEN', NOT_YOUR_REPORT, 'subjectId');
  const base = created(prev, args.id, ctx.actor.personId, ctx);
  if (!base.ok) return base;
  return ok({ ...base.value, subjectId: args.subjectId, body: args.body, date: args.date });
}

export function updateManagerNote(prev: ManagerNote | undefined, args: ManagerNoteUpdateArgs, ctx: RuleContext): RuleResult<ManagerNote> {
  const base = ownedEditable(prev, ctx, 'note');
  if (!base.ok) return base;
  if (!managesSubject(base.value.subjectId, ctx)) return fail('FORBIDDEN', NOT_YOUR_REPORT, 'subjectId');
  const next: ManagerNote = { ...base.value, updatedAt: ctx.now };
  if (args.patch.date !== undefined) next.date = args.patch.date;
  // The body is long text: the registry merges it with `args.base` (S16, `longText` in mutations.ts).
  if (args.patch.body !== undefined) next.body = args.patch.body;
  return ok(next);
}

/** Deleting stays possible after the person moved on: it removes the manager's own words. */
export function deleteManagerNote(prev: ManagerNote | undefined, _args: ManagerNoteDeleteArgs, ctx: RuleContext): RuleResult<ManagerNote> {
  return softDelete(prev, ctx, 'note');
}
