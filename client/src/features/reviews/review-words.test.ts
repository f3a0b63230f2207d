import { REVIEW_STATES } from '@merit/shared/domain/review';
import { describe, expect, it } from 'vitest';
import { deadlineFor, localRefusal, needsAction, stateWords } from './review-words';

describe('review words', () => {
  it('names every state for both people, and asks for action only from the one whose turn it is', () => {
    const turn = {
      reviewee: REVIEW_STATES.filter((s) => needsAction(s, 'reviewee')),
      manager: REVIEW_STATES.filter((s) => needsAction(s, 'manager')),
    };
    expect(turn).toEqual({
      reviewee: ['not_started', 'self_in_progress', 'signed_off'],
      manager: ['self_submitted', 'manager_in_progress', 'manager_submitted'],
    });
    for (const s of REVIEW_STATES) expect(stateWords(s, 'reviewee').label && stateWords(s, 'manager').label).toBeTruthy();
  });

  it('shows the deadline of the person whose part is open', () => {
    const r = { selfDeadline: '2026-11-30', managerDeadline: '2026-12-15' };
    expect(deadlineFor({ ...r, state: 'self_in_progress' }, 'reviewee')).toBe('2026-11-30');
    expect(deadlineFor({ ...r, state: 'self_submitted' }, 'reviewee')).toBeNull();
    expect(deadlineFor({ ...r, state: 'self_submitted' }, 'manager')).toBe('2026-12-15');
    expect(deadlineFor({ ...r, state: 'signed_off' }, 'manager')).toBeNull();
  });

  it('drops "kept in your inbox" from a local refusal: nothing was sent, the text is still in the field', () => {
    expect(localRefusal('This review was signed off on 2026-11-18; your text is kept in your inbox')).toBe(
      'This review was signed off on 2026-11-18.',
    );
    expect(localRefusal('The self-review deadline (2026-11-19) has passed; ask HR to extend it. Your text is kept in your inbox')).toBe(
      'The self-review deadline (2026-11-19) has passed; ask HR to extend it.',
    );
  });
});
