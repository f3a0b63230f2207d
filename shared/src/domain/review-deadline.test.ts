import { describe, expect, it } from 'vitest';
import {
  acknowledgeReview,
  answerReview,
  managerPhaseOpen,
  type Review,
  type ReviewState,
  signOffReview,
  submitManager,
  submitSelf,
} from './review';
import { ctx, EMP, MGR, mgrAnswer, NOW, RID, review, selfAnswer } from './review.fixtures';

// NOW is 2026-11-20T12:00Z. A deadline passes at the END of its day (UTC).
const PAST = '2026-11-19';
const TODAY = '2026-11-20';
const LATER = '2026-12-15';

type Step = 'selfAnswer' | 'submitSelf' | 'managerAnswer' | 'submitManager' | 'signOff' | 'acknowledge';
const STEP: Record<Step, { from: ReviewState; run: (r: Review) => ReturnType<typeof answerReview> }> = {
  selfAnswer: { from: 'self_in_progress', run: (r) => answerReview(r, selfAnswer, ctx(EMP)) },
  submitSelf: { from: 'self_in_progress', run: (r) => submitSelf(r, { id: RID }, ctx(EMP)) },
  managerAnswer: { from: 'manager_in_progress', run: (r) => answerReview(r, mgrAnswer, ctx(MGR)) },
  submitManager: { from: 'manager_in_progress', run: (r) => submitManager(r, { id: RID }, ctx(MGR)) },
  signOff: { from: 'manager_submitted', run: (r) => signOffReview(r, { id: RID }, ctx(MGR)) },
  acknowledge: { from: 'signed_off', run: (r) => acknowledgeReview(r, { id: RID }, ctx(EMP)) },
};

const outcome = (r: ReturnType<typeof answerReview>) => (r.ok ? 'applied' : r.error.code);

describe('deadlines: each phase refuses its steps after its own deadline (DESIGN.md 4, issue 6 items 3-4)', () => {
  // [step, selfDeadline, managerDeadline, reopenCount, expected]
  const table: [Step, string, string, number, string][] = [
    ['selfAnswer', TODAY, LATER, 0, 'applied'],
    ['selfAnswer', PAST, LATER, 0, 'DEADLINE_PASSED'],
    ['submitSelf', TODAY, LATER, 0, 'applied'],
    ['submitSelf', PAST, LATER, 0, 'DEADLINE_PASSED'],
    // The manager side only looks at its own deadline: a passed self deadline does not stop it.
    ['managerAnswer', PAST, TODAY, 0, 'applied'],
    ['managerAnswer', PAST, PAST, 0, 'DEADLINE_PASSED'],
    ['submitManager', PAST, TODAY, 0, 'applied'],
    ['submitManager', PAST, PAST, 0, 'DEADLINE_PASSED'],
    ['signOff', PAST, TODAY, 0, 'applied'],
    ['signOff', PAST, PAST, 0, 'DEADLINE_PASSED'],
    // HR reopened it: the manager changes and signs again whatever the deadline.
    ['managerAnswer', PAST, PAST, 1, 'applied'],
    ['submitManager', PAST, PAST, 1, 'applied'],
    ['signOff', PAST, PAST, 1, 'applied'],
    // Acknowledging is the employee reading the result: no deadline.
    ['acknowledge', PAST, PAST, 0, 'applied'],
  ];
  it.each(table)('%s with self deadline %s, manager deadline %s, reopened %i times -> %s', (step, self, manager, reopenCount, expected) => {
    const s = STEP[step];
    expect(outcome(s.run(review(s.from, { selfDeadline: self, managerDeadline: manager, reopenCount })))).toBe(expected);
  });

  it('HR moving the manager deadline reopens the phase for the same step', () => {
    const late = review('manager_submitted', { managerDeadline: PAST });
    expect(outcome(signOffReview(late, { id: RID }, ctx(MGR)))).toBe('DEADLINE_PASSED');
    expect(outcome(signOffReview({ ...late, managerDeadline: LATER }, { id: RID }, ctx(MGR)))).toBe('applied');
  });

  it('says which deadline passed, names the field, and that the text is kept', () => {
    const r = answerReview(review('manager_in_progress', { managerDeadline: PAST }), mgrAnswer, ctx(MGR));
    expect(r.ok ? null : r.error).toEqual({
      code: 'DEADLINE_PASSED',
      message: 'The manager-review deadline (2026-11-19) has passed; ask HR to extend it. Your text is kept in your inbox',
      field: 'managerDeadline',
    });
  });

  it('a state error wins over a deadline: a manager writing before the self-review is in hears that', () => {
    const r = answerReview(review('self_in_progress', { managerDeadline: PAST }), mgrAnswer, ctx(MGR));
    expect(r.ok ? '' : r.error.message).toMatch(/not submitted yet/);
  });

  it('managerPhaseOpen: open through the last day, closed the day after, open again once reopened', () => {
    expect(managerPhaseOpen({ managerDeadline: TODAY, reopenCount: 0 }, NOW)).toBe(true);
    expect(managerPhaseOpen({ managerDeadline: TODAY, reopenCount: 0 }, Date.parse('2026-11-21T00:00:00Z'))).toBe(false);
    expect(managerPhaseOpen({ managerDeadline: PAST, reopenCount: 2 }, NOW)).toBe(true);
  });

  it.each(Object.keys(STEP) as Step[])(
    'S1, S51: on the device clock (ctx.clock = device) %s is never refused for a deadline: it queues and the server decides',
    (step) => {
      const s = STEP[step];
      const late = review(s.from, { selfDeadline: PAST, managerDeadline: PAST });
      expect(outcome(s.run(late))).toBe(step === 'acknowledge' ? 'applied' : 'DEADLINE_PASSED');
      const onDevice = { ...late };
      const r =
        step === 'selfAnswer'
          ? answerReview(onDevice, selfAnswer, ctx(EMP, { clock: 'device' }))
          : step === 'managerAnswer'
            ? answerReview(onDevice, mgrAnswer, ctx(MGR, { clock: 'device' }))
            : step === 'submitSelf'
              ? submitSelf(onDevice, { id: RID }, ctx(EMP, { clock: 'device' }))
              : step === 'submitManager'
                ? submitManager(onDevice, { id: RID }, ctx(MGR, { clock: 'device' }))
                : step === 'signOff'
                  ? signOffReview(onDevice, { id: RID }, ctx(MGR, { clock: 'device' }))
                  : acknowledgeReview(onDevice, { id: RID }, ctx(EMP, { clock: 'device' }));
      expect(outcome(r)).toBe('applied');
    },
  );
});
