import { describe, expect, it } from 'vitest';
import {
  acknowledgeReview,
  answerReview,
  deadlinePassed,
  missingRequired,
  REVIEW_STATES,
  type Review,
  type ReviewEvent,
  type ReviewState,
  reopenReview,
  signOffReview,
  submitManager,
  submitSelf,
  TRANSITIONS,
  transition,
} from './review';
import { ctx, EMP, HR, MGR, mgrAnswer, NOW, OTHER, RID, review, selfAnswer } from './review.fixtures';

/** Each event as the rule that performs it, run by the person allowed to. */
const RUN: Record<Exclude<ReviewEvent, 'reopen'>, (r: Review) => ReturnType<typeof answerReview>> = {
  selfAnswer: (r) => answerReview(r, selfAnswer, ctx(EMP)),
  submitSelf: (r) => submitSelf(r, { id: RID }, ctx(EMP)),
  managerAnswer: (r) => answerReview(r, mgrAnswer, ctx(MGR)),
  submitManager: (r) => submitManager(r, { id: RID }, ctx(MGR)),
  signOff: (r) => signOffReview(r, { id: RID }, ctx(MGR)),
  acknowledge: (r) => acknowledgeReview(r, { id: RID, comment: 'Thanks' }, ctx(EMP)),
};

describe('review state machine: the transition table', () => {
  const expected: Record<ReviewEvent, Partial<Record<ReviewState, ReviewState>>> = {
    selfAnswer: { not_started: 'self_in_progress', self_in_progress: 'self_in_progress' },
    submitSelf: { not_started: 'self_submitted', self_in_progress: 'self_submitted' },
    managerAnswer: { self_submitted: 'manager_in_progress', manager_in_progress: 'manager_in_progress' },
    submitManager: { self_submitted: 'manager_submitted', manager_in_progress: 'manager_submitted' },
    signOff: { manager_submitted: 'signed_off' },
    acknowledge: { signed_off: 'acknowledged' },
    reopen: { signed_off: 'manager_in_progress', acknowledged: 'manager_in_progress' },
  };
  for (const event of Object.keys(TRANSITIONS) as ReviewEvent[]) {
    for (const state of REVIEW_STATES) {
      const to = expected[event][state] ?? null;
      it(`${event} from ${state} -> ${to ?? 'refused'}`, () => {
        expect(transition(state, event)).toBe(to);
        const result = event === 'reopen' ? reopenReview(review(state), 'Typo in rating', ctx(HR)) : RUN[event](review(state));
        if (to === null) expect(result.ok).toBe(false);
        else {
          expect(result.ok && result.value.state).toBe(to);
        }
      });
    }
  }
});

describe('review.answer@1', () => {
  it('merges one question at a time: edits of different questions and of rating vs text both survive', () => {
    const start = review('self_in_progress', { selfAnswers: {} });
    const a = answerReview(start, { id: RID, side: 'self', questionId: 'q-self', answer: { text: 'A' } }, ctx(EMP));
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    const b = answerReview(a.value, { id: RID, side: 'self', questionId: 'q-comp', answer: { rating: 3 } }, ctx(EMP));
    if (!b.ok) throw new Error(b.error.message);
    const c = answerReview(b.value, { id: RID, side: 'self', questionId: 'q-comp', answer: { text: 'Pairing' } }, ctx(EMP));
    if (!c.ok) throw new Error(c.error.message);
    expect(c.value.selfAnswers).toEqual({ 'q-self': { text: 'A' }, 'q-comp': { rating: 3, text: 'Pairing' } });
    expect(c.value.managerAnswers).toEqual(start.managerAnswers);
    expect(c.value.updatedAt).toBe(NOW);
  });

  it('keeps cites with the answer', () => {
    const cites = [{ table: 'wins', id: OTHER }];
    const r = answerReview(review('not_started'), { ...selfAnswer, answer: { text: 'x', cites } }, ctx(EMP));
    expect(r.ok && r.value.selfAnswers['q-self']).toEqual({ text: 'x', cites });
  });

  it.each([
    ['self side by the manager', { ...selfAnswer }, MGR, 'FORBIDDEN'],
    ['manager side by the reviewee', { ...mgrAnswer }, EMP, 'FORBIDDEN'],
    ['self side by someone else', { ...selfAnswer }, OTHER, 'FORBIDDEN'],
    ['HR writing an answer', { ...mgrAnswer }, HR, 'FORBIDDEN'],
    ['an unknown question', { ...selfAnswer, questionId: 'nope' }, EMP, 'VALIDATION'],
    ['a manager-only question on the self side', { ...selfAnswer, questionId: 'q-mgr' }, EMP, 'VALIDATION'],
    ['a rating above the scale', { ...selfAnswer, questionId: 'q-both', answer: { rating: 6 } }, EMP, 'VALIDATION'],
    ['a rating below the scale', { ...selfAnswer, questionId: 'q-both', answer: { rating: 0 } }, EMP, 'VALIDATION'],
    ['a rating on a text question', { ...selfAnswer, answer: { rating: 3 } }, EMP, 'VALIDATION'],
  ] as const)('refuses %s', (_label, args, who, code) => {
    const r = answerReview(review('self_in_progress'), args, ctx(who));
    expect(r.ok ? 'applied' : r.error.code).toBe(code);
  });

  it('names the field of a bad rating', () => {
    const r = answerReview(review('self_in_progress'), { ...selfAnswer, questionId: 'q-both', answer: { rating: 9 } }, ctx(EMP));
    expect(r.ok ? null : r.error).toEqual({ code: 'VALIDATION', message: 'answer.rating must be between 1 and 5', field: 'answer.rating' });
  });

  it('refuses the reviewing manager once the reviewee is no longer their report (server context)', () => {
    const r = answerReview(review('self_submitted'), mgrAnswer, ctx(MGR, { reports: [] }));
    expect(r.ok ? 'applied' : r.error.code).toBe('FORBIDDEN');
  });

  it('refuses the manager before the self-review is submitted', () => {
    const r = answerReview(review('self_in_progress'), mgrAnswer, ctx(MGR));
    expect(r.ok ? '' : r.error.message).toMatch(/not submitted yet/);
  });

  it('refuses self answers after the self deadline and keeps the text for the inbox', () => {
    const r = answerReview(review('self_in_progress', { selfDeadline: '2026-11-19' }), selfAnswer, ctx(EMP));
    expect(r.ok ? null : r.error.code).toBe('DEADLINE_PASSED');
    expect(r.ok ? '' : r.error.message).toMatch(/kept in your inbox/);
  });

  it('refuses any answer after sign-off with the plain locked message', () => {
    for (const state of ['signed_off', 'acknowledged'] as const) {
      for (const [args, who] of [
        [selfAnswer, EMP],
        [mgrAnswer, MGR],
      ] as const) {
        const r = answerReview(review(state), args, ctx(who));
        expect(r.ok ? null : r.error).toEqual({
          code: 'LOCKED',
          message: 'This review was signed off on 2026-11-18; your text is kept in your inbox',
        });
      }
    }
  });

  it('refuses a missing or withdrawn review', () => {
    expect(answerReview(undefined, selfAnswer, ctx(EMP)).ok).toBe(false);
    const r = answerReview(review('not_started', { deleted: true }), selfAnswer, ctx(EMP));
    expect(r.ok ? null : r.error.code).toBe('DELETED');
  });
});

describe('submits, sign-off, acknowledgement', () => {
  it('submitSelf needs every required self question answered and names the first missing one', () => {
    const r = submitSelf(review('self_in_progress', { selfAnswers: { 'q-self': { text: '  ' } } }), { id: RID }, ctx(EMP));
    expect(r.ok ? null : r.error).toEqual({
      code: 'VALIDATION',
      message: 'Answer every required question first: "What went well?" and 1 more',
      field: 'q-self',
    });
  });

  it('submitSelf records when, and is refused after the self deadline (the server clock decides) unless extended', () => {
    const ok = submitSelf(review('self_in_progress'), { id: RID }, ctx(EMP));
    expect(ok.ok && ok.value.selfSubmittedAt).toBe(NOW);
    const late = submitSelf(review('self_in_progress', { selfDeadline: '2026-11-19' }), { id: RID }, ctx(EMP));
    expect(late.ok ? null : late.error.code).toBe('DEADLINE_PASSED');
    // The deadline day itself is still in time; HR's extension moves selfDeadline.
    const onTheDay = submitSelf(review('self_in_progress', { selfDeadline: '2026-11-20' }), { id: RID }, ctx(EMP));
    expect(onTheDay.ok).toBe(true);
    expect(deadlinePassed('2026-11-20', Date.parse('2026-11-21T00:00:00Z'))).toBe(true);
  });

  it('submitManager needs the required manager questions; only the reviewing manager may submit or sign off', () => {
    const missing = submitManager(review('manager_in_progress', { managerAnswers: {} }), { id: RID }, ctx(MGR));
    expect(missing.ok ? null : missing.error.code).toBe('VALIDATION');
    expect(missingRequired(review('manager_in_progress', { managerAnswers: {} }), 'manager').map((q) => q.id)).toEqual(['q-both', 'q-mgr']);
    for (const who of [EMP, OTHER, HR]) {
      expect(submitManager(review('manager_in_progress'), { id: RID }, ctx(who)).ok).toBe(false);
      expect(signOffReview(review('manager_submitted'), { id: RID }, ctx(who)).ok).toBe(false);
    }
  });

  it('signOff stamps the time; acknowledge keeps the comment and changes no answer', () => {
    const s = signOffReview(review('manager_submitted'), { id: RID }, ctx(MGR));
    if (!s.ok) throw new Error(s.error.message);
    expect(s.value.signedOffAt).toBe(NOW);
    const a = acknowledgeReview(s.value, { id: RID, comment: 'Fair' }, ctx(EMP));
    if (!a.ok) throw new Error(a.error.message);
    expect(a.value).toMatchObject({ state: 'acknowledged', acknowledgedAt: NOW, ackComment: 'Fair' });
    expect(a.value.selfAnswers).toEqual(s.value.selfAnswers);
    expect(a.value.managerAnswers).toEqual(s.value.managerAnswers);
    expect(acknowledgeReview(a.value, { id: RID }, ctx(EMP)).ok).toBe(false);
    expect(acknowledgeReview(s.value, { id: RID }, ctx(MGR)).ok).toBe(false);
  });

  it('reopen: HR only, with a reason; counts and clears the sign-off so it must be signed off again', () => {
    expect(reopenReview(review('signed_off'), 'Wrong rating', ctx(MGR)).ok).toBe(false);
    const noReason = reopenReview(review('signed_off'), '  ', ctx(HR));
    expect(noReason.ok ? null : noReason.error.field).toBe('reason');
    const r = reopenReview(review('acknowledged', { acknowledgedAt: NOW, ackComment: 'x' }), 'Wrong rating', ctx(HR));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ state: 'manager_in_progress', reopenCount: 1, signedOffAt: null, acknowledgedAt: null });
    const again = answerReview(r.value, mgrAnswer, ctx(MGR));
    expect(again.ok).toBe(true);
  });
});
