import * as z from 'zod/mini';
import { fail, ok, type RuleResult } from '../errors';
import { LIMITS } from '../limits';
import { Day, Id, text } from './common';
import { GoalVisibility } from './goal';
import { created, type RuleContext, softDelete } from './record';

/**
 * One check-in on one key result: a new value, how confident the person is (0-10), a short note, the day.
 * It lives in the goal owner's space; a key result's current value is its latest check-in by date, derived
 * on read, so logging one is a single record and needs no multi-row mutation.
 */
export const CheckinSchema = z.object({
  id: Id,
  ownerId: Id,
  goalId: Id,
  krId: z.string(),
  value: z.number(),
  confidence: z.number(),
  note: z.string(),
  date: Day,
  /**
   * The goal's visibility, copied by the server (never by the device) when the check-in is written and again
   * whenever the goal's visibility changes, so the pull filters check-ins like their goal without a join (S20).
   */
  goalVisibility: GoalVisibility,
  createdAt: z.number(),
  updatedAt: z.number(),
  version: z.number(),
  deleted: z.boolean(),
});
export type Checkin = z.infer<typeof CheckinSchema>;

export const CheckinFields = {
  value: z.number().check(z.refine(Number.isFinite, 'must be a finite number')),
  confidence: z.int().check(z.minimum(0), z.maximum(10)),
  note: text(LIMITS.noteMax),
  date: Day,
};

export const CheckinCreateArgs = z.strictObject({
  id: Id,
  goalId: Id,
  krId: z.string().check(z.minLength(1), z.maxLength(LIMITS.krIdMax)),
  value: CheckinFields.value,
  confidence: CheckinFields.confidence,
  note: z.optional(CheckinFields.note),
  date: CheckinFields.date,
});
export type CheckinCreateArgs = z.infer<typeof CheckinCreateArgs>;
export const CheckinDeleteArgs = z.strictObject({ id: Id });
export type CheckinDeleteArgs = z.infer<typeof CheckinDeleteArgs>;

/**
 * The device cannot know the goal's visibility for sure (another device may have changed it), so it writes
 * `private`, the safe side; the server overwrites it from the goal row and checks the goal is the actor's.
 */
export function createCheckin(prev: Checkin | undefined, args: CheckinCreateArgs, ctx: RuleContext): RuleResult<Checkin> {
  const base = created(prev, args.id, ctx.actor.personId, ctx);
  if (!base.ok) return base;
  return ok({
    ...base.value,
    goalId: args.goalId,
    krId: args.krId,
    value: args.value,
    confidence: args.confidence,
    note: args.note ?? '',
    date: args.date,
    goalVisibility: 'private',
  });
}

export function deleteCheckin(prev: Checkin | undefined, _args: CheckinDeleteArgs, ctx: RuleContext): RuleResult<Checkin> {
  return softDelete(prev, ctx, 'check-in');
}

/** The check-in's goal as the server has it: the check-in must belong to a live goal of the same person and one of its key results. */
export function checkinFitsGoal(
  checkin: Pick<Checkin, 'ownerId' | 'krId'>,
  goal: { ownerId: string; deleted: boolean; keyResults: readonly { id: string }[] } | undefined,
): RuleResult<true> {
  if (!goal || goal.deleted || goal.ownerId !== checkin.ownerId) return fail('NOT_FOUND', 'This goal does not exist', 'goalId');
  if (!goal.keyResults.some((k) => k.id === checkin.krId)) return fail('NOT_FOUND', 'This key result does not exist', 'krId');
  return ok(true);
}
