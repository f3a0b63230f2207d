import * as z from 'zod/mini';
import { Day, Id, requiredText, text } from './common';
import { parseCsv } from './people-csv';
import { REVIEW_STATES, type ReviewState } from './review';
import { MANAGER_PENDING, SELF_PENDING } from './review-due';

/** How HR chose a cycle's participants (kept with the cycle, for the record). */
export const Selection = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('org') }),
  z.strictObject({ kind: z.literal('department'), department: requiredText(120) }),
  z.strictObject({ kind: z.literal('subtree'), managerId: Id }),
  z.strictObject({ kind: z.literal('list'), personIds: z.array(Id).check(z.minLength(1), z.maxLength(50_000)) }),
  z.strictObject({ kind: z.literal('csv'), csv: z.string().check(z.maxLength(2_000_000)) }),
]);
export type Selection = z.infer<typeof Selection>;

const cycleFields = {
  name: requiredText(120),
  templateId: Id,
  periodStart: Day,
  periodEnd: Day,
  selfDeadline: Day,
  managerDeadline: Day,
  selection: Selection,
};

/** Dates must follow each other: the period, then the self-review deadline, then the manager's. */
function datesInOrder(v: { periodStart?: string; periodEnd?: string; selfDeadline?: string; managerDeadline?: string }) {
  const okPair = (a?: string, b?: string) => a === undefined || b === undefined || a <= b;
  return okPair(v.periodStart, v.periodEnd) && okPair(v.selfDeadline, v.managerDeadline);
}
const DATES_MESSAGE = 'dates must be in order: period start <= period end, self deadline <= manager deadline';

export const CycleCreateInput = z
  .strictObject({ id: z.optional(Id), ...cycleFields })
  .check(z.refine(datesInOrder, { message: DATES_MESSAGE, path: ['managerDeadline'] }));
export type CycleCreateInput = z.infer<typeof CycleCreateInput>;

export const CycleUpdateInput = z
  .strictObject({
    id: Id,
    name: z.optional(cycleFields.name),
    templateId: z.optional(Id),
    periodStart: z.optional(Day),
    periodEnd: z.optional(Day),
    selfDeadline: z.optional(Day),
    managerDeadline: z.optional(Day),
    selection: z.optional(Selection),
  })
  .check(z.refine(datesInOrder, { message: DATES_MESSAGE, path: ['managerDeadline'] }));
export type CycleUpdateInput = z.infer<typeof CycleUpdateInput>;

export const ExtendDeadlineInput = z
  .strictObject({
    cycleId: Id,
    personId: z.optional(Id),
    selfDeadline: z.optional(Day),
    managerDeadline: z.optional(Day),
    /** HR confirmed moving a deadline to a day already past (which closes that phase at once). */
    allowPast: z.optional(z.boolean()),
  })
  .check(
    z.refine((v) => v.selfDeadline !== undefined || v.managerDeadline !== undefined, {
      message: 'selfDeadline or managerDeadline is required',
      path: ['selfDeadline'],
    }),
  );
export type ExtendDeadlineInput = z.infer<typeof ExtendDeadlineInput>;

export const ReopenInput = z.strictObject({ reviewId: Id, reason: requiredText(2000) });
export const RemindInput = z.strictObject({
  cycleId: Id,
  /**
   * One person or the selected people (the reviewee for `self`, the reviewer for `manager`); neither means
   * everyone still pending in the phase. Only people who can still act (deadline not past) are reminded.
   */
  personId: z.optional(Id),
  personIds: z.optional(z.array(Id).check(z.minLength(1), z.maxLength(50_000))),
  phase: z.enum(['self', 'manager']),
  message: z.optional(text(1000)),
});
export type RemindInput = z.infer<typeof RemindInput>;

export type CycleStatus = 'draft' | 'launched' | 'closed';
export interface Cycle {
  id: string;
  name: string;
  templateId: string;
  templateName: string;
  periodStart: string;
  periodEnd: string;
  selfDeadline: string;
  managerDeadline: string;
  status: CycleStatus;
  selection: Selection;
  launchedAt: string | null;
  reviewCount: number;
}

export interface CsvEmailError {
  line: number;
  message: string;
}

/**
 * A participants CSV: a header with an `email` column (other columns are ignored), or, with no header,
 * one e-mail per line. Row-level errors name the line; `known` maps e-mail -> person id.
 */
export function parseParticipantCsv(input: string, known: ReadonlyMap<string, string>): { ids: string[]; errors: CsvEmailError[] } {
  const table = parseCsv(input);
  const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
  const col = header.indexOf('email');
  const start = col >= 0 ? 1 : 0;
  const at = Math.max(col, 0);
  const ids: string[] = [];
  const errors: CsvEmailError[] = [];
  const seen = new Map<string, number>();
  if (table.length <= start)
    return { ids, errors: [{ line: 1, message: 'The file lists nobody: one e-mail per line, or an email column' }] };
  table.slice(start).forEach((r, i) => {
    const line = i + start + 1;
    const email = (r[at] ?? '').trim().toLowerCase();
    if (!z.email().safeParse(email).success) errors.push({ line, message: `"${email}" is not a valid email` });
    else if (seen.has(email)) errors.push({ line, message: `${email} already appears on line ${seen.get(email)}` });
    else {
      seen.set(email, line);
      const id = known.get(email);
      if (id === undefined) errors.push({ line, message: `${email} is not an active person in Merit` });
      else ids.push(id);
    }
  });
  return { ids, errors };
}

// The states are the review rules' own (review.ts), and the states in which each side still has work to do are
// those home's review deadlines use (review-due.ts): one list each, re-exported for HR's counting.
export { MANAGER_PENDING, REVIEW_STATES, type ReviewState, SELF_PENDING };
export type Phase = 'self' | 'manager';

/** The phase a review is waiting in, or null once it is signed off. */
export function pendingPhase(state: ReviewState): Phase | null {
  if ((SELF_PENDING as readonly string[]).includes(state)) return 'self';
  if ((MANAGER_PENDING as readonly string[]).includes(state)) return 'manager';
  return null;
}

/** Overdue: still waiting in a phase whose deadline (a day, inclusive) is before `today`. */
export function overduePhase(state: ReviewState, selfDeadline: string, managerDeadline: string, today: string): Phase | null {
  const phase = pendingPhase(state);
  if (phase === 'self') return selfDeadline < today ? 'self' : null;
  if (phase === 'manager') return managerDeadline < today ? 'manager' : null;
  return null;
}

export interface CompletionCounts {
  total: number;
  selfDone: number;
  managerDone: number;
  signedOff: number;
  acknowledged: number;
}
export interface OverduePerson {
  reviewId: string;
  personId: string;
  name: string;
  department: string;
  managerId: string | null;
  managerName: string | null;
  state: ReviewState;
  phase: Phase;
  deadline: string;
}
export interface Completion {
  cycleId: string;
  byState: Record<ReviewState, number>;
  overall: CompletionCounts;
  byDepartment: ({ department: string } & CompletionCounts)[];
  byManager: ({ managerId: string | null; managerName: string | null } & CompletionCounts)[];
  /** The first overdue people (at most 200); `overdueCount` has every overdue review per phase. */
  overdue: OverduePerson[];
  overdueCount: Record<Phase, number>;
}

export const emptyCounts = (): CompletionCounts => ({ total: 0, selfDone: 0, managerDone: 0, signedOff: 0, acknowledged: 0 });

/** Adds `n` reviews in `state` to running counts: self done once submitted, manager done once signed off. */
export function addToCounts(c: CompletionCounts, state: ReviewState, n: number): void {
  c.total += n;
  const i = REVIEW_STATES.indexOf(state);
  if (i >= REVIEW_STATES.indexOf('self_submitted')) c.selfDone += n;
  if (i >= REVIEW_STATES.indexOf('signed_off')) {
    c.managerDone += n;
    c.signedOff += n;
  }
  if (state === 'acknowledged') c.acknowledged += n;
}
