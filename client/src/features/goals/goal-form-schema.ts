import { today } from '@merit/shared/domain/common';
import { type Goal, GoalFields, type GoalVisibility, type KeyResult, type KrKind } from '@merit/shared/domain/goal';
import { LIMITS } from '@merit/shared/limits';
import * as z from 'zod/mini';
import { labelledResolver } from '@/ui/form-resolver';

/** A key result as the form holds it: numbers as the text typed, so an empty box is an error, not a zero. */
export interface KrFormValues {
  id: string;
  title: string;
  kind: KrKind;
  start: string;
  target: string;
  unit: string;
  weight: string;
  current: number | null;
}

export interface GoalFormValues {
  title: string;
  description: string;
  periodStart: string;
  dueDate: string;
  visibility: GoalVisibility;
  /** '' for none. */
  parentId: string;
  keyResults: KrFormValues[];
}

const isNumber = (s: string) => s.trim() !== '' && Number.isFinite(Number(s));

const numberText = (words: string, check: (n: number) => boolean = () => true) =>
  z.pipe(
    z.string().check(z.refine((s) => s.trim() !== '' && Number.isFinite(Number(s)) && check(Number(s)), words)),
    z.transform((s: string) => Number(s)),
  );

const KrForm = z
  .strictObject({
    id: z.string().check(z.minLength(1), z.maxLength(LIMITS.krIdMax)),
    title: z.string().check(
      z.trim(),
      z.refine((s) => s.length > 0, 'Name the key result'),
      z.refine((s) => s.length <= LIMITS.titleMax, `At most ${LIMITS.titleMax} characters`),
    ),
    kind: z.enum(['number', 'percent', 'currency', 'done']),
    // Checked below with the kind in view: a done/not-done result has no start or target to type.
    start: z.string(),
    target: z.string(),
    unit: z.string().check(
      z.trim(),
      z.refine((s) => s.length <= LIMITS.unitMax, `Unit: at most ${LIMITS.unitMax} characters`),
    ),
    weight: numberText('Weight must be a number from 0 to 100', (n) => n >= 0 && n <= 100),
    current: z.nullable(z.number()),
  })
  .check(
    z.refine((k) => k.kind === 'done' || isNumber(k.start), { message: 'Start must be a number', path: ['start'] }),
    z.refine((k) => k.kind === 'done' || isNumber(k.target), { message: 'Target must be a number', path: ['target'] }),
  );

/**
 * Built from the shared goal fields, so the form refuses what the server would; numbers are checked as typed
 * text and converted, so "abc" or an empty box names its field.
 */
export const GoalFormSchema = z
  .strictObject({
    title: GoalFields.title,
    description: GoalFields.description,
    periodStart: GoalFields.periodStart,
    dueDate: GoalFields.dueDate,
    visibility: GoalFields.visibility,
    parentId: z.string(),
    keyResults: z
      .array(KrForm)
      .check(z.minLength(1, 'Add at least one key result'), z.maxLength(LIMITS.krsMax, `At most ${LIMITS.krsMax} key results`)),
  })
  .check(z.refine((v) => v.periodStart <= v.dueDate, { message: 'Due date must be on or after the start', path: ['dueDate'] }));
export type GoalFormOutput = z.infer<typeof GoalFormSchema>;

export const goalFormResolver = labelledResolver<GoalFormValues, GoalFormOutput>(GoalFormSchema, {
  title: 'Objective',
  description: 'Description',
  periodStart: 'Period start',
  dueDate: 'Due date',
  visibility: 'Visibility',
  keyResults: 'Key results',
});

let krSeq = 0;
/** Short ids, unique within the goal: the id only has to tell a goal's key results apart. */
export const newKrId = () => `kr${Date.now().toString(36)}${(krSeq++).toString(36)}`;

export const blankKr = (): KrFormValues => ({
  id: newKrId(),
  title: '',
  kind: 'number',
  start: '0',
  target: '',
  unit: '',
  weight: '1',
  current: null,
});

/** A quarter from today by default: the usual OKR rhythm. */
export function defaultGoalValues(now: Date = new Date()): GoalFormValues {
  const due = new Date(now);
  due.setMonth(due.getMonth() + 3);
  return {
    title: '',
    description: '',
    periodStart: today(now),
    dueDate: today(due),
    visibility: 'manager',
    parentId: '',
    keyResults: [blankKr()],
  };
}

export function goalToValues(g: Goal): GoalFormValues {
  return {
    title: g.title,
    description: g.description,
    periodStart: g.periodStart,
    dueDate: g.dueDate,
    visibility: g.visibility,
    parentId: g.parentId ?? '',
    keyResults: g.keyResults.map((k) => ({ ...k, start: String(k.start), target: String(k.target), weight: String(k.weight) })),
  };
}

/** The form's answer as the mutation's fields. */
export function valuesToGoal(v: GoalFormOutput): {
  title: string;
  description: string;
  periodStart: string;
  dueDate: string;
  visibility: GoalVisibility;
  parentId: string | null;
  keyResults: KeyResult[];
} {
  return {
    title: v.title,
    description: v.description,
    periodStart: v.periodStart,
    dueDate: v.dueDate,
    visibility: v.visibility,
    parentId: v.parentId === '' ? null : v.parentId,
    keyResults: v.keyResults.map((k) =>
      k.kind === 'done' ? { ...k, start: 0, target: 1, unit: '' } : { ...k, start: Number(k.start), target: Number(k.target) },
    ),
  };
}
