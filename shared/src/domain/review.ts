import * as z from 'zod/mini';
import { fail, ok, type RuleResult } from '../errors';
import { Id, text } from './common';
import type { LongText } from './long-text';
import type { RuleContext, Synced } from './record';
import { answeredBySide, isAnswered, missingRequired, questionsOf } from './review-answers';
import { ANSWER_TEXT_MAX, Answer, type Answers, type Section } from './review-template';

// The answer helpers live in review-answers.ts; re-exported so callers keep one import for reviews.
export { answeredBySide, isAnswered, missingRequired, questionsOf };

/**
 * A review (DESIGN.md section 4): one synced row in the REVIEWEE's space holding both sides' answers, so every
 * review mutation sees the whole state and a signed-off review stays locked whichever device writes.
 *
 * State machine (the one transition table below, used by every rule here and by HR's reopen):
 *
 *   not_started -(self answer)-> self_in_progress -(submitSelf)-> self_submitted
 *   self_submitted -(first manager answer)-> manager_in_progress -(submitManager)-> manager_submitted
 *   manager_submitted -(signOff)-> signed_off -(acknowledge)-> acknowledged
 *   signed_off | acknowledged -(HR reopen)-> manager_in_progress   (reopenCount + 1; signed off again)
 *
 * Decisions: a self-review with no required self question may be submitted straight from `not_started`, and
 * the manager may submit straight from `self_submitted` when nothing on their side is required. The manager
 * writes only after the self-review is submitted (they cannot see it before). Self answers and the self submit
 * are refused after the self deadline (end of `selfDeadline`, UTC, by the server's clock); manager answers, the
 * manager submit and the sign-off after the manager deadline (the manager phase lasts until sign-off, as the
 * completion counts say). HR extends a phase by moving its deadline (per cycle or per review). A review HR
 * reopened is out of the manager deadline: the reopen is HR's decision that it be changed and signed again,
 * usually after that deadline. After `signed_off` every answer and submit is refused (LOCKED) with a message that
 * says the text is kept: the push files the refused mutation, args and all, in the person's inbox (S5).
 */

export const REVIEW_STATES = [
  'not_started',
  'self_in_progress',
  'self_submitted',
  'manager_in_progress',
  'manager_submitted',
  'signed_off',
  'acknowledged',
] as const;
export const ReviewState = z.enum(REVIEW_STATES);
export type ReviewState = z.infer<typeof ReviewState>;

export const Side = z.enum(['self', 'manager']);
export type Side = z.infer<typeof Side>;

export interface Review extends Synced {
  cycleId: string;
  managerId: string | null;
  cycleName: string;
  periodStart: string;
  periodEnd: string;
  /** The template's sections as they were at launch. */
  template: Section[];
  state: ReviewState;
  selfDeadline: string;
  managerDeadline: string;
  selfSubmittedAt: number | null;
  managerSubmittedAt: number | null;
  signedOffAt: number | null;
  acknowledgedAt: number | null;
  ackComment: string;
  selfAnswers: Answers;
  managerAnswers: Answers;
  reopenCount: number;
}

/** Everything that moves a review. `selfAnswer`/`managerAnswer` are the first answer of a side. */
export type ReviewEvent = 'selfAnswer' | 'submitSelf' | 'managerAnswer' | 'submitManager' | 'signOff' | 'acknowledge' | 'reopen';

/** The transition table: for each event, the states it may start from and the state it leads to. */
export const TRANSITIONS: Record<ReviewEvent, { from: readonly ReviewState[]; to: ReviewState }> = {
  selfAnswer: { from: ['not_started', 'self_in_progress'], to: 'self_in_progress' },
  submitSelf: { from: ['not_started', 'self_in_progress'], to: 'self_submitted' },
  managerAnswer: { from: ['self_submitted', 'manager_in_progress'], to: 'manager_in_progress' },
  submitManager: { from: ['self_submitted', 'manager_in_progress'], to: 'manager_submitted' },
  signOff: { from: ['manager_submitted'], to: 'signed_off' },
  acknowledge: { from: ['signed_off'], to: 'acknowledged' },
  reopen: { from: ['signed_off', 'acknowledged'], to: 'manager_in_progress' },
};

/** The state after `event`, or null when the event is not allowed in `state`. Pure. */
export function transition(state: ReviewState, event: ReviewEvent): ReviewState | null {
  const t = TRANSITIONS[event];
  return t.from.includes(state) ? t.to : null;
}

export const isLocked = (r: Pick<Review, 'state'>) => r.state === 'signed_off' || r.state === 'acknowledged';
/** The manager may see the self side only once it is submitted. */
export const selfVisibleToManager = (r: Pick<Review, 'state'>) => r.state !== 'not_started' && r.state !== 'self_in_progress';
/** The reviewee sees the manager side only once it is signed off. */
export const managerVisibleToReviewee = (r: Pick<Review, 'state'>) => isLocked(r);

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The deadline passes at the end of its day (UTC). */
export const deadlinePassed = (deadline: string, now: number) => now >= Date.parse(`${deadline}T00:00:00Z`) + 86_400_000;
/** A rule refuses on a deadline only on the server's clock: a device's clock may be wrong, so it queues (S1, S51). */
const lateBy = (deadline: string, ctx: RuleContext) => ctx.clock !== 'device' && deadlinePassed(deadline, ctx.now);

/** The manager phase is open: its deadline is not past, or HR reopened the review to be signed again. */
export const managerPhaseOpen = (r: Pick<Review, 'managerDeadline' | 'reopenCount'>, now: number) =>
  r.reopenCount > 0 || !deadlinePassed(r.managerDeadline, now);

export const lockedMessage = (r: Pick<Review, 'signedOffAt'>) =>
  `This review was signed off on ${r.signedOffAt === null ? 'an earlier date' : day(r.signedOffAt)}; your text is kept in your inbox`;

// ---------------------------------------------------------------------------------------------------------
// Arguments

/**
 * `base.text` is the answer's text as the device had it when the person started typing: with it a concurrent
 * edit on another device merges, or comes back as a conflict copy, instead of being overwritten (S16, S50).
 */
export const ReviewAnswerArgs = z.strictObject({
  id: Id,
  side: Side,
  questionId: z.string().check(z.minLength(1), z.maxLength(64)),
  answer: Answer,
  base: z.optional(z.strictObject({ text: z.string().check(z.maxLength(ANSWER_TEXT_MAX)) })),
});
export type ReviewAnswerArgs = z.infer<typeof ReviewAnswerArgs>;
export const ReviewIdArgs = z.strictObject({ id: Id });
export type ReviewIdArgs = z.infer<typeof ReviewIdArgs>;
export const ReviewAckArgs = z.strictObject({ id: Id, comment: z.optional(text(2000)) });
export type ReviewAckArgs = z.infer<typeof ReviewAckArgs>;

// ---------------------------------------------------------------------------------------------------------
// Helpers

type Role = 'reviewee' | 'manager';

/** Who the actor is for this review. The server also checks the reviewee is still one of their reports. */
function roleOf(r: Review, ctx: RuleContext): Role | null {
  const me = ctx.actor.personId;
  if (r.ownerId === me) return 'reviewee';
  if (r.managerId === me && (ctx.reports === undefined || ctx.reports.includes(r.ownerId))) return 'manager';
  return null;
}

/** The shared guard: the review exists, is not deleted, the actor has `role` in it, and it is not locked. */
function guard(prev: Review | undefined, ctx: RuleContext, role: Role, allowLocked = false): RuleResult<Review> {
  if (!prev) return fail('NOT_FOUND', 'This review does not exist');
  if (prev.deleted) return fail('DELETED', 'This review was withdrawn');
  const who = roleOf(prev, ctx);
  if (who !== role)
    return fail('FORBIDDEN', role === 'reviewee' ? 'Only the person reviewed can do this' : 'Only the reviewing manager can do this');
  if (!allowLocked && isLocked(prev)) return fail('LOCKED', lockedMessage(prev));
  return ok(prev);
}

function move(prev: Review, event: ReviewEvent, whatIsWrong: () => string): RuleResult<ReviewState> {
  const to = transition(prev.state, event);
  return to === null ? fail('CONFLICT', whatIsWrong(), 'state') : ok(to);
}

const selfDone = (r: Review) =>
  `You submitted your self-review${r.selfSubmittedAt === null ? '' : ` on ${day(r.selfSubmittedAt)}`}; your text is kept in your inbox`;
const managerEarly = () => 'The self-review is not submitted yet; you can write yours once it is';
const managerDone = (r: Review) =>
  `You submitted this review${r.managerSubmittedAt === null ? '' : ` on ${day(r.managerSubmittedAt)}`}; your text is kept in your inbox`;
const selfLate = (r: Review) =>
  `The self-review deadline (${r.selfDeadline}) has passed; ask HR to extend it. Your text is kept in your inbox`;
const managerLate = (r: Review) =>
  `The manager-review deadline (${r.managerDeadline}) has passed; ask HR to extend it. Your text is kept in your inbox`;
const managerDeadlineCheck = (r: Review, ctx: RuleContext): RuleResult<Review> =>
  ctx.clock === 'device' || managerPhaseOpen(r, ctx.now) ? ok(r) : fail('DEADLINE_PASSED', managerLate(r), 'managerDeadline');

// ---------------------------------------------------------------------------------------------------------
// Rules

/**
 * `review.answer@1`: merges ONE question's answer into the side's answers (fields given replace fields
 * stored, others stay), so edits of different questions, or of the rating and the text of one question, on
 * two devices both survive. The first self answer moves `not_started` to `self_in_progress`; the first
 * manager answer moves `self_submitted` to `manager_in_progress`.
 */
export function answerReview(prev: Review | undefined, args: ReviewAnswerArgs, ctx: RuleContext): RuleResult<Review> {
  const g = guard(prev, ctx, args.side === 'self' ? 'reviewee' : 'manager');
  if (!g.ok) return g;
  const r = g.value;
  const q = questionsOf(r.template).find((x) => x.id === args.questionId);
  if (!q) return fail('VALIDATION', 'questionId is not a question of this review', 'questionId');
  if (!answeredBySide(q, args.side)) return fail('VALIDATION', `questionId is not answered by the ${args.side} side`, 'questionId');
  const a = args.answer;
  if (a.rating !== undefined && a.rating !== null) {
    if (q.kind === 'text') return fail('VALIDATION', 'answer.rating is not allowed on a text question', 'answer.rating');
    if (a.rating < q.scale.min || a.rating > q.scale.max)
      return fail('VALIDATION', `answer.rating must be between ${q.scale.min} and ${q.scale.max}`, 'answer.rating');
  }
  let state: ReviewState;
  if (args.side === 'self') {
    // The transition table refuses a self answer once the self-review is submitted, before the deadline is looked at.
    const m = move(r, 'selfAnswer', () => selfDone(r));
    if (!m.ok) return m;
    if (lateBy(r.selfDeadline, ctx)) return fail('DEADLINE_PASSED', selfLate(r), 'selfDeadline');
    state = m.value;
  } else {
    const m = move(r, 'managerAnswer', () => (r.state === 'manager_submitted' ? managerDone(r) : managerEarly()));
    if (!m.ok) return m;
    const late = managerDeadlineCheck(r, ctx);
    if (!late.ok) return late;
    state = m.value;
  }
  const key = args.side === 'self' ? 'selfAnswers' : 'managerAnswers';
  const before = r[key][q.id] ?? {};
  const merged: Answer = { ...before };
  if (a.rating !== undefined) merged.rating = a.rating;
  if (a.text !== undefined) merged.text = a.text;
  if (a.cites !== undefined) merged.cites = a.cites;
  return ok({ ...r, state, [key]: { ...r[key], [q.id]: merged }, updatedAt: ctx.now });
}

const answersKey = (side: Side) => (side === 'self' ? 'selfAnswers' : 'managerAnswers');

/** The text of a review answer is long text (S50), declared on `review.answer@1` in the registry. */
export const reviewAnswerText: LongText<ReviewAnswerArgs, Review> = {
  label: 'answer',
  field: 'answer.text',
  mine: (a) => a.answer.text,
  base: (a) => a.base?.text,
  stored: (r, a) => r[answersKey(a.side)][a.questionId]?.text ?? '',
  put: (r, a, text) => {
    const key = answersKey(a.side);
    return { ...r, [key]: { ...r[key], [a.questionId]: { ...r[key][a.questionId], text } } };
  },
  withBase: (a, base) => ({ ...a, base: { text: base } }),
  only: (a, base) => ({ id: a.id, side: a.side, questionId: a.questionId, answer: { text: a.answer.text }, base: { text: base } }),
};

function requiredCheck(r: Review, side: Side): RuleResult<Review> {
  const missing = missingRequired(r, side);
  const first = missing[0];
  if (!first) return ok(r);
  return fail(
    'VALIDATION',
    `Answer every required question first: "${first.prompt}"${missing.length > 1 ? ` and ${missing.length - 1} more` : ''}`,
    first.id,
  );
}

/** `review.submitSelf@1`: the reviewee, before the self deadline, with every required self question answered. */
export function submitSelf(prev: Review | undefined, _args: ReviewIdArgs, ctx: RuleContext): RuleResult<Review> {
  const g = guard(prev, ctx, 'reviewee');
  if (!g.ok) return g;
  const r = g.value;
  const m = move(r, 'submitSelf', () => selfDone(r));
  if (!m.ok) return m;
  if (lateBy(r.selfDeadline, ctx)) return fail('DEADLINE_PASSED', selfLate(r), 'selfDeadline');
  const req = requiredCheck(r, 'self');
  if (!req.ok) return req;
  return ok({ ...r, state: m.value, selfSubmittedAt: ctx.now, updatedAt: ctx.now });
}

/** `review.submitManager@1`: the reviewing manager, before the manager deadline, with every required manager question answered. */
export function submitManager(prev: Review | undefined, _args: ReviewIdArgs, ctx: RuleContext): RuleResult<Review> {
  const g = guard(prev, ctx, 'manager');
  if (!g.ok) return g;
  const r = g.value;
  const m = move(r, 'submitManager', () => (r.state === 'manager_submitted' ? managerDone(r) : managerEarly()));
  if (!m.ok) return m;
  const late = managerDeadlineCheck(r, ctx);
  if (!late.ok) return late;
  const req = requiredCheck(r, 'manager');
  if (!req.ok) return req;
  return ok({ ...r, state: m.value, managerSubmittedAt: ctx.now, updatedAt: ctx.now });
}

/** `review.signOff@1`: the reviewing manager, after submitting, before the manager deadline. From here on the review is locked. */
export function signOffReview(prev: Review | undefined, _args: ReviewIdArgs, ctx: RuleContext): RuleResult<Review> {
  const g = guard(prev, ctx, 'manager');
  if (!g.ok) return g;
  const r = g.value;
  const m = move(r, 'signOff', () => 'Submit the review before signing it off');
  if (!m.ok) return m;
  const late = managerDeadlineCheck(r, ctx);
  if (!late.ok) return late;
  return ok({ ...r, state: m.value, signedOffAt: ctx.now, updatedAt: ctx.now });
}

/** `review.acknowledge@1`: the reviewee, once signed off, with an optional comment. Changes no answer. */
export function acknowledgeReview(prev: Review | undefined, args: ReviewAckArgs, ctx: RuleContext): RuleResult<Review> {
  const g = guard(prev, ctx, 'reviewee', true);
  if (!g.ok) return g;
  const r = g.value;
  const m = move(r, 'acknowledge', () =>
    r.state === 'acknowledged' ? 'You already acknowledged this review' : 'This review is not signed off yet',
  );
  if (!m.ok) return m;
  return ok({ ...r, state: m.value, acknowledgedAt: ctx.now, ackComment: args.comment ?? '', updatedAt: ctx.now });
}

/**
 * HR reopens a signed-off (or acknowledged) review with a required reason: back to `manager_in_progress`,
 * `reopenCount` + 1, sign-off and acknowledgement cleared so it must be signed off again. Server-side only
 * (HR procedure); the caller audits the reason.
 */
export function reopenReview(prev: Review | undefined, reason: string, ctx: RuleContext): RuleResult<Review> {
  if (!prev) return fail('NOT_FOUND', 'This review does not exist');
  if (prev.deleted) return fail('DELETED', 'This review was withdrawn');
  if (ctx.actor.role !== 'hr') return fail('FORBIDDEN', 'Only HR can reopen a review');
  if (!reason.trim()) return fail('VALIDATION', 'reason is required', 'reason');
  const to = transition(prev.state, 'reopen');
  if (to === null) return fail('CONFLICT', 'Only a signed-off review can be reopened', 'state');
  return ok({
    ...prev,
    state: to,
    reopenCount: prev.reopenCount + 1,
    managerSubmittedAt: null,
    signedOffAt: null,
    acknowledgedAt: null,
    ackComment: '',
    updatedAt: ctx.now,
  });
}
