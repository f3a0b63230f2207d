import * as z from 'zod/mini';
import { fail, ok, type RuleResult } from '../errors';
import { LIMITS } from '../limits';
import { baseText, Day, Id, requiredText } from './common';
import { created, ownedEditable, type RuleContext, softDelete } from './record';

/** Private to the recipient by default; `manager` shares it with the recipient's manager (through the pull). */
export const FeedbackVisibility = z.enum(['private', 'manager']);
export type FeedbackVisibility = z.infer<typeof FeedbackVisibility>;

/**
 * Feedback a person received, kept in the recipient's space. `fromId` is a person of the organisation when
 * the device knew them, null for someone outside; `fromName` is always the name as shown.
 */
export const FeedbackSchema = z.object({
  id: Id,
  ownerId: Id,
  fromId: z.nullable(Id),
  fromName: z.string(),
  date: Day,
  body: z.string(),
  visibility: FeedbackVisibility,
  createdAt: z.number(),
  updatedAt: z.number(),
  version: z.number(),
  deleted: z.boolean(),
});
export type Feedback = z.infer<typeof FeedbackSchema>;

export const FeedbackFields = {
  fromId: z.nullable(Id),
  fromName: requiredText(LIMITS.nameMax),
  date: Day,
  body: z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.descriptionMax)),
  visibility: FeedbackVisibility,
};

export const FeedbackCreateArgs = z.strictObject({
  id: Id,
  fromId: z.optional(FeedbackFields.fromId),
  fromName: FeedbackFields.fromName,
  date: FeedbackFields.date,
  body: FeedbackFields.body,
  visibility: z.optional(FeedbackFields.visibility),
});
export type FeedbackCreateArgs = z.infer<typeof FeedbackCreateArgs>;

export const FeedbackPatch = z.strictObject({
  fromId: z.optional(FeedbackFields.fromId),
  fromName: z.optional(FeedbackFields.fromName),
  date: z.optional(FeedbackFields.date),
  body: z.optional(FeedbackFields.body),
  visibility: z.optional(FeedbackFields.visibility),
});
export const FeedbackUpdateArgs = z.strictObject({
  id: Id,
  patch: FeedbackPatch,
  base: z.optional(z.strictObject({ body: baseText(LIMITS.descriptionMax) })),
});
export type FeedbackUpdateArgs = z.infer<typeof FeedbackUpdateArgs>;
export const FeedbackDeleteArgs = z.strictObject({ id: Id });
export type FeedbackDeleteArgs = z.infer<typeof FeedbackDeleteArgs>;

export function createFeedback(prev: Feedback | undefined, args: FeedbackCreateArgs, ctx: RuleContext): RuleResult<Feedback> {
  const base = created(prev, args.id, ctx.actor.personId, ctx);
  if (!base.ok) return base;
  // Feedback "from yourself" is a note, not feedback; refusing it keeps the manager's view honest.
  if (args.fromId === ctx.actor.personId) return fail('VALIDATION', 'Feedback must come from someone else', 'fromId');
  return ok({
    ...base.value,
    fromId: args.fromId ?? null,
    fromName: args.fromName,
    date: args.date,
    body: args.body,
    visibility: args.visibility ?? 'private',
  });
}

export function updateFeedback(prev: Feedback | undefined, args: FeedbackUpdateArgs, ctx: RuleContext): RuleResult<Feedback> {
  const base = ownedEditable(prev, ctx, 'feedback');
  if (!base.ok) return base;
  const p = args.patch;
  if (p.fromId === ctx.actor.personId) return fail('VALIDATION', 'Feedback must come from someone else', 'patch.fromId');
  const next: Feedback = { ...base.value, updatedAt: ctx.now };
  if (p.fromId !== undefined) next.fromId = p.fromId;
  if (p.fromName !== undefined) next.fromName = p.fromName;
  if (p.date !== undefined) next.date = p.date;
  if (p.visibility !== undefined) next.visibility = p.visibility;
  // The body is long text: the registry merges it with `args.base` (S16, `longText` in mutations.ts).
  if (p.body !== undefined) next.body = p.body;
  return ok(next);
}

export function deleteFeedback(prev: Feedback | undefined, _args: FeedbackDeleteArgs, ctx: RuleContext): RuleResult<Feedback> {
  return softDelete(prev, ctx, 'feedback');
}

/** Who may read feedback: its recipient always; the recipient's manager only when it is shared. */
export function feedbackVisibleTo(f: Pick<Feedback, 'ownerId' | 'visibility'>, viewerId: string, viewerManagesOwner: boolean): boolean {
  return f.ownerId === viewerId || (viewerManagesOwner && f.visibility === 'manager');
}

export function matchesFeedbackQuery(f: Pick<Feedback, 'fromName' | 'body'>, query: string): boolean {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hay = `${f.fromName}\n${f.body}`.toLowerCase();
  return terms.every((t) => hay.includes(t));
}
