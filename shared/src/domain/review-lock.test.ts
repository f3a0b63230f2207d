import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MUTATIONS } from '../mutations';
import { ctx, EMP, HR, MGR, NOW, OTHER, RID, review } from './review.fixtures';

describe('a signed-off review is locked (property)', () => {
  const actors = fc.constantFrom(EMP, MGR, OTHER, HR);
  const qid = fc.constantFrom('q-self', 'q-both', 'q-mgr', 'q-comp', 'nope');
  const answer = fc.record(
    {
      rating: fc.option(fc.integer({ min: -1, max: 7 }), { nil: undefined }),
      text: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
    },
    { requiredKeys: [] },
  );
  const mutation = fc.oneof(
    fc.record({
      name: fc.constant('review.answer@1' as const),
      side: fc.constantFrom('self' as const, 'manager' as const),
      qid,
      answer,
      who: actors,
    }),
    fc.record({
      name: fc.constantFrom(
        'review.submitSelf@1' as const,
        'review.submitManager@1' as const,
        'review.signOff@1' as const,
        'review.acknowledge@1' as const,
      ),
      who: actors,
    }),
  );

  it('no sequence of mutations from any person changes a signed-off review’s answers', () => {
    fc.assert(
      fc.property(fc.constantFrom('signed_off' as const, 'acknowledged' as const), fc.array(mutation, { maxLength: 30 }), (state, seq) => {
        const start = review(state);
        let r = start;
        for (const m of seq) {
          const c = ctx(m.who, { now: NOW + 1 });
          const out =
            m.name === 'review.answer@1'
              ? MUTATIONS[m.name].apply(r, { id: RID, side: m.side, questionId: m.qid, answer: m.answer }, c)
              : MUTATIONS[m.name].apply(r, { id: RID }, c);
          if (out.ok) r = out.value;
        }
        expect(r.selfAnswers).toEqual(start.selfAnswers);
        expect(r.managerAnswers).toEqual(start.managerAnswers);
        expect(['signed_off', 'acknowledged']).toContain(r.state);
      }),
      { seed: 6, numRuns: 300 },
    );
  });
});
