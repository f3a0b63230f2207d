import { describe, expect, it } from 'vitest';
import { EMP, MGR, OTHER, review } from './review.fixtures';
import { upcomingReviewDeadlines } from './review-due';

const name = (id: string) => (id === EMP ? 'Eli' : id === OTHER ? 'Olga' : 'someone');

describe('upcoming review deadlines on home', () => {
  it.each([
    ['not_started', true],
    ['self_in_progress', true],
    ['self_submitted', false],
    ['signed_off', false],
    ['acknowledged', false],
  ] as const)('my own review in %s is listed: %s', (state, listed) => {
    const got = upcomingReviewDeadlines([review(state)], EMP, name);
    expect(got).toEqual(listed ? [{ id: expect.any(String), label: 'Your self-review · H2 2026', date: '2026-11-30' }] : []);
  });

  it.each([
    ['not_started', false],
    ['self_submitted', true],
    ['manager_in_progress', true],
    ['manager_submitted', true],
    ['signed_off', false],
  ] as const)('a report’s review in %s is on the manager’s list: %s', (state, listed) => {
    const got = upcomingReviewDeadlines([review(state)], MGR, name);
    expect(got.map((d) => d.label)).toEqual(listed ? ['Review of Eli · H2 2026'] : []);
  });

  it('groups a manager’s reviews per cycle and date, soonest first, and skips withdrawn ones', () => {
    const reviews = [
      review('self_submitted'),
      review('manager_in_progress', { id: '01900000-0000-7000-8000-0000000000ab', ownerId: OTHER }),
      review('self_submitted', { id: '01900000-0000-7000-8000-0000000000ac', ownerId: OTHER, deleted: true }),
      review('not_started', { id: '01900000-0000-7000-8000-0000000000ad', ownerId: MGR, managerId: OTHER, selfDeadline: '2026-11-25' }),
    ];
    expect(upcomingReviewDeadlines(reviews, MGR, name)).toEqual([
      { id: expect.any(String), label: 'Your self-review · H2 2026', date: '2026-11-25' },
      { id: expect.any(String), label: '2 reviews to write · H2 2026', date: '2026-12-15' },
    ]);
  });
});
