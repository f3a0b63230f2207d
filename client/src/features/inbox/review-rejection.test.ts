import type { Rejection } from '@merit/shared/domain/rejection';
import { MGR, NOW, RID, review } from '@merit/shared/domain/review.fixtures';
import { describe, expect, it } from 'vitest';
import { reapplyPlan } from './reapply';
import { copyableText, labelledText, reviewAbout, reviewWords, typedText, whatItWas, whyText } from './rejection-text';

describe('a refused review change in the inbox (S5)', () => {
  const r = {
    name: 'review.answer@1',
    code: 'LOCKED' as const,
    message: 'This review was signed off on 2026-11-20; your text is kept in your inbox',
    args: { id: '0190', side: 'manager', questionId: 'summary', answer: { text: 'Late phone edit', rating: 4 } },
  };

  it('shows the answer text the person typed, not the ids, and the review’s own words', () => {
    expect(whatItWas(r.name)).toBe('An answer in a review');
    expect(typedText(r.args)).toEqual([
      { label: 'Text', text: 'Late phone edit' },
      { label: 'Rating', text: '4' },
    ]);
    expect(copyableText(r)).toBe('Late phone edit\n\n4');
    expect(reviewWords(r)).toBe(r.message);
    expect(whyText(r)).toBe(r.message);
    expect(reviewWords({ ...r, name: 'win.update@1' })).toBeNull();
  });

  it('names the review, the side and the question from the review on the device', () => {
    const row = review('signed_off');
    const answer = { ...r, args: { ...r.args, id: RID, questionId: 'q-both' } };
    expect(reviewAbout(answer, row)).toEqual({ about: 'H2 2026 · Your review as their manager', question: 'Overall' });
    expect(labelledText(answer, row)).toEqual([
      { label: 'Overall (text)', text: 'Late phone edit' },
      { label: 'Overall (rating)', text: '4' },
    ]);
    expect(reviewAbout({ name: 'review.submitSelf@1', args: { id: RID } }, row)).toEqual({ about: 'H2 2026', question: null });
    // Not a review, or the review is not on this device (yet): the plain labels stay.
    expect(reviewAbout(answer, undefined)).toBeNull();
    expect(labelledText(answer, undefined)[1]).toEqual({ label: 'Rating', text: '4' });
    expect(reviewAbout({ name: 'win.update@1', args: {} }, row)).toBeNull();
  });

  it('keeps an acknowledgement comment', () => {
    expect(typedText({ id: '0190', comment: 'Fair, thanks' })).toEqual([{ label: 'Comment', text: 'Fair, thanks' }]);
  });
});

describe('a manager answer refused after the manager-review deadline', () => {
  const late: Rejection = {
    id: '01900000-0000-7000-8000-0000000000f1',
    ownerId: MGR,
    deviceId: '01900000-0000-7000-8000-0000000000f2',
    mutationId: 4,
    name: 'review.answer@1',
    args: { id: RID, side: 'manager', questionId: 'q-mgr', answer: { text: 'Written on the train' } },
    code: 'DEADLINE_PASSED',
    message: 'The manager-review deadline (2026-11-19) has passed; ask HR to extend it. Your text is kept in your inbox',
    createdAt: NOW,
    dismissed: false,
    version: 1,
    deleted: false,
  };
  const manager = { personId: MGR, role: 'employee' as const };

  it('says in plain words which deadline passed and what to do, and keeps the text', () => {
    expect(whatItWas(late.name)).toBe('An answer in a review');
    expect(whyText(late)).toBe(late.message);
    expect(copyableText(late)).toBe('Written on the train');
  });

  it('S1, S51: offers "Apply again" whatever the device clock says of the deadline: the server decides on its own', () => {
    expect(reapplyPlan(late, review('manager_in_progress', { managerDeadline: '2026-11-19' }), manager, NOW, RID)).toMatchObject({
      label: 'Apply again',
    });
    expect(reapplyPlan(late, review('signed_off', { managerDeadline: '2026-11-19' }), manager, NOW, RID)).toBeNull();
    const extended = review('manager_in_progress', { managerDeadline: '2026-12-01' });
    expect(reapplyPlan(late, extended, manager, NOW, RID)).toMatchObject({ label: 'Apply again', args: late.args });
  });
});
