import { describe, expect, it } from 'vitest';
import { copyableText, reviewWords, typedText, whatItWas, whyText } from './rejection-text';

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

  it('keeps an acknowledgement comment', () => {
    expect(typedText({ id: '0190', comment: 'Fair, thanks' })).toEqual([{ label: 'Comment', text: 'Fair, thanks' }]);
  });
});
