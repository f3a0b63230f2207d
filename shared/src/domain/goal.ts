import * as z from 'zod/mini';
import { fail, ok, type RuleResult } from '../errors';
import { LIMITS } from '../limits';
import { baseText, Day, Id, requiredText, text } from './common';
import { mergeKeyResults } from './key-result-merge';
import { created, ownedEditable, type RuleContext, softDelete } from './record';

export const GoalVisibility = z.enum(['private', 'manager', 'org']);
export type GoalVisibility = z.infer<typeof GoalVisibility>;
/** `proposed`: a manager suggested it and the owner has not accepted it yet. */
export const GoalStatus = z.enum(['proposed', 'active', 'achieved', 'missed', 'dropped']);
export type GoalStatus = z.infer<typeof GoalStatus>;
/** The statuses a person may set by hand (a proposal only ends through `goal.accept`). */
const SettableStatus = z.enum(['active', 'achieved', 'missed', 'dropped']);
export const KrKind = z.enum(['number', 'percent', 'currency', 'done']);
export type KrKind = z.infer<typeof KrKind>;

const Num = z.number().check(z.refine(Number.isFinite, 'must be a finite number'));

/** A key result lives inside its goal's row: one owner, one record, one rule sees all of them. */
export const KeyResultSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(LIMITS.krIdMax)),
  title: requiredText(LIMITS.titleMax),
  kind: KrKind,
  start: Num,
  target: Num,
  unit: text(LIMITS.unitMax),
  weight: z.number().check(z.minimum(0), z.maximum(100)),
  /** A value set by hand; check-ins, when there are any, override it (the latest by date). */
  current: z.nullable(Num),
});
export type KeyResult = z.infer<typeof KeyResultSchema>;

const KeyResults = z.array(KeyResultSchema).check(
  z.minLength(1),
  z.maxLength(LIMITS.krsMax),
  z.refine((krs) => new Set(krs.map((k) => k.id)).size === krs.length, 'must have distinct ids'),
);

export const GoalSchema = z.object({
  id: Id,
  ownerId: Id,
  title: z.string(),
  description: z.string(),
  periodStart: Day,
  dueDate: Day,
  visibility: GoalVisibility,
  status: GoalStatus,
  /** A goal (usually a manager's or the organisation's) this one supports. */
  parentId: z.nullable(Id),
  /** The manager who proposed it, when it started as a proposal. */
  proposedBy: z.nullable(Id),
  keyResults: z.array(KeyResultSchema),
  createdAt: z.number(),
  updatedAt: z.number(),
  version: z.number(),
  deleted: z.boolean(),
});
export type Goal = z.infer<typeof GoalSchema>;

export const GoalFields = {
  title: requiredText(LIMITS.titleMax),
  description: text(LIMITS.descriptionMax),
  periodStart: Day,
  dueDate: Day,
  visibility: GoalVisibility,
  parentId: z.nullable(Id),
  keyResults: KeyResults,
};

const periodOk = (a: { periodStart?: string | undefined; dueDate?: string | undefined }) =>
  a.periodStart === undefined || a.dueDate === undefined || a.periodStart <= a.dueDate;
const PERIOD_WORDS = 'dueDate must be on or after periodStart';
const periodCheck = <T extends { periodStart: string; dueDate: string }>() =>
  z.refine<T>(periodOk, { message: PERIOD_WORDS, path: ['dueDate'] });

export const GoalCreateArgs = z
  .strictObject({
    id: Id,
    title: GoalFields.title,
    description: z.optional(GoalFields.description),
    periodStart: GoalFields.periodStart,
    dueDate: GoalFields.dueDate,
    visibility: GoalFields.visibility,
    parentId: z.optional(GoalFields.parentId),
    keyResults: GoalFields.keyResults,
  })
  .check(periodCheck());
export type GoalCreateArgs = z.infer<typeof GoalCreateArgs>;

/** A manager's proposal lands in the report's space; it is never private, or the proposer could not follow it. */
export const GoalProposeArgs = z
  .strictObject({
    id: Id,
    ownerId: Id,
    title: GoalFields.title,
    description: z.optional(GoalFields.description),
    periodStart: GoalFields.periodStart,
    dueDate: GoalFields.dueDate,
    visibility: z.enum(['manager', 'org']),
    parentId: z.optional(GoalFields.parentId),
    keyResults: GoalFields.keyResults,
  })
  .check(periodCheck());
export type GoalProposeArgs = z.infer<typeof GoalProposeArgs>;

export const GoalPatch = z.strictObject({
  title: z.optional(GoalFields.title),
  description: z.optional(GoalFields.description),
  periodStart: z.optional(GoalFields.periodStart),
  dueDate: z.optional(GoalFields.dueDate),
  visibility: z.optional(GoalFields.visibility),
  status: z.optional(SettableStatus),
  parentId: z.optional(GoalFields.parentId),
  keyResults: z.optional(GoalFields.keyResults),
});
export type GoalPatch = z.infer<typeof GoalPatch>;

/**
 * `base` is what the device edited from: the description, for the three-way merge of S16 (as for wins), and the
 * key results, for the per key result merge of S21. Without a base a field's value simply replaces the stored one.
 */
export const GoalUpdateBase = z.strictObject({
  description: z.optional(baseText(LIMITS.descriptionMax)),
  keyResults: z.optional(z.array(KeyResultSchema).check(z.maxLength(LIMITS.krsMax))),
});
export type GoalUpdateBase = z.infer<typeof GoalUpdateBase>;
export const GoalUpdateArgs = z.strictObject({
  id: Id,
  patch: GoalPatch,
  base: z.optional(GoalUpdateBase),
});
export type GoalUpdateArgs = z.infer<typeof GoalUpdateArgs>;
export const GoalAcceptArgs = z.strictObject({ id: Id, patch: z.optional(GoalPatch) });
export type GoalAcceptArgs = z.infer<typeof GoalAcceptArgs>;
export const GoalDeleteArgs = z.strictObject({ id: Id });
export type GoalDeleteArgs = z.infer<typeof GoalDeleteArgs>;

/** A done/not-done result is 0 -> 1 whatever was typed, so its progress reads the same everywhere. */
function normaliseKrs(krs: readonly KeyResult[]): KeyResult[] {
  return krs.map((k) =>
    k.kind === 'done' ? { ...k, start: 0, target: 1, unit: '', current: k.current === null ? null : k.current >= 1 ? 1 : 0 } : { ...k },
  );
}

/** A new goal from a create or a propose: the two differ only in whose space it lands in and who proposed it. */
function newGoal(
  prev: Goal | undefined,
  args: GoalCreateArgs | GoalProposeArgs,
  ownerId: string,
  origin: Pick<Goal, 'status' | 'proposedBy'>,
  ctx: RuleContext,
): RuleResult<Goal> {
  const base = created(prev, args.id, ownerId, ctx);
  if (!base.ok) return base;
  return ok({
    ...base.value,
    title: args.title,
    description: args.description ?? '',
    periodStart: args.periodStart,
    dueDate: args.dueDate,
    visibility: args.visibility,
    status: origin.status,
    parentId: args.parentId ?? null,
    proposedBy: origin.proposedBy,
    keyResults: normaliseKrs(args.keyResults),
  });
}

export function createGoal(prev: Goal | undefined, args: GoalCreateArgs, ctx: RuleContext): RuleResult<Goal> {
  return newGoal(prev, args, ctx.actor.personId, { status: 'active', proposedBy: null }, ctx);
}

/**
 * A manager proposes a goal to a direct report. On the device `ctx.reports` is unknown, so the proposal is
 * applied optimistically; the server passes the reports it read from the database and decides.
 */
export function proposeGoal(prev: Goal | undefined, args: GoalProposeArgs, ctx: RuleContext): RuleResult<Goal> {
  if (args.ownerId === ctx.actor.personId)
    return fail('FORBIDDEN', 'Propose goals to your reports; create your own goals directly', 'ownerId');
  if (ctx.reports !== undefined && !ctx.reports.includes(args.ownerId))
    return fail('FORBIDDEN', 'You can only propose goals to your direct reports', 'ownerId');
  return newGoal(prev, args, args.ownerId, { status: 'proposed', proposedBy: ctx.actor.personId }, ctx);
}

function applyPatch(prev: Goal, patch: GoalPatch, base: GoalUpdateBase | undefined, now: number): RuleResult<Goal> {
  const next: Goal = { ...prev, updatedAt: now };
  if (patch.title !== undefined) next.title = patch.title;
  if (patch.periodStart !== undefined) next.periodStart = patch.periodStart;
  if (patch.dueDate !== undefined) next.dueDate = patch.dueDate;
  if (patch.visibility !== undefined) next.visibility = patch.visibility;
  if (patch.status !== undefined) next.status = patch.status;
  if (patch.parentId !== undefined) next.parentId = patch.parentId === prev.id ? prev.parentId : patch.parentId;
  if (patch.keyResults !== undefined) {
    const krs =
      base?.keyResults === undefined
        ? patch.keyResults
        : mergeKeyResults(prev.keyResults, normaliseKrs(base.keyResults), normaliseKrs(patch.keyResults));
    // A merge can empty the list or overfill it (both devices removed, or both added); refused, the edit goes to the inbox (S5).
    if (krs.length === 0)
      return fail('VALIDATION', 'A goal needs at least one key result; the others were removed on another device', 'keyResults');
    if (krs.length > LIMITS.krsMax) return fail('VALIDATION', `At most ${LIMITS.krsMax} key results`, 'keyResults');
    next.keyResults = normaliseKrs(krs);
  }
  // Each field wins on its own (S16), but the pair must still make a period.
  if (next.periodStart > next.dueDate) return fail('VALIDATION', PERIOD_WORDS, 'dueDate');
  // The description is long text: the registry merges it with `base.description` (S16, `longText` in mutations.ts).
  if (patch.description !== undefined) next.description = patch.description;
  return ok(next);
}

/** Only the owner edits a goal, a manager included: they propose, the report decides. */
export function updateGoal(prev: Goal | undefined, args: GoalUpdateArgs, ctx: RuleContext): RuleResult<Goal> {
  const base = ownedEditable(prev, ctx, 'goal');
  if (!base.ok) return base;
  return applyPatch(base.value, args.patch, args.base, ctx.now);
}

/** The owner takes a proposal on, optionally edited on the way; it becomes an ordinary active goal. */
export function acceptGoal(prev: Goal | undefined, args: GoalAcceptArgs, ctx: RuleContext): RuleResult<Goal> {
  const base = ownedEditable(prev, ctx, 'goal');
  if (!base.ok) return base;
  if (base.value.status !== 'proposed') return fail('CONFLICT', 'This goal is not a proposal any more', 'status');
  const patched = applyPatch(base.value, args.patch ?? {}, undefined, ctx.now);
  if (!patched.ok) return patched;
  const status = args.patch?.status ?? 'active';
  return ok({ ...patched.value, status });
}

/** The owner deletes; the proposer may also withdraw a proposal nobody accepted yet. */
export function deleteGoal(prev: Goal | undefined, _args: GoalDeleteArgs, ctx: RuleContext): RuleResult<Goal> {
  const withdrawing = prev?.status === 'proposed' && prev.proposedBy === ctx.actor.personId;
  if (withdrawing && prev && !prev.deleted) return ok({ ...prev, deleted: true, updatedAt: ctx.now });
  return softDelete(prev, ctx, 'goal');
}

/** Who may see a goal: its owner always; the owner's manager when shared with them or the organisation. */
export function goalVisibleTo(goal: Pick<Goal, 'ownerId' | 'visibility'>, viewerId: string, viewerManagesOwner: boolean): boolean {
  return goal.ownerId === viewerId || (viewerManagesOwner && goal.visibility !== 'private');
}
