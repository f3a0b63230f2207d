import { describe, expect, it } from 'vitest';
import { checkin, goal, kr } from './dashboard.fixtures';
import { inReviewPeriod, reviewGoals } from './review-goals';

// The review's period: the second half of 2026.
const FROM = '2026-07-01';
const TO = '2026-12-31';

describe('the goals section of a review: the period and the progress', () => {
  it.each([
    ['inside the period', { periodStart: '2026-07-01', dueDate: '2026-09-30' }, true],
    ['starting before, due inside', { periodStart: '2026-04-01', dueDate: '2026-07-01' }, true],
    ['starting inside, due after', { periodStart: '2026-12-31', dueDate: '2027-03-31' }, true],
    ['spanning the whole period', { periodStart: '2026-01-01', dueDate: '2027-06-30' }, true],
    ['due the day before', { periodStart: '2026-04-01', dueDate: '2026-06-30' }, false],
    ['starting the day after', { periodStart: '2027-01-01', dueDate: '2027-03-31' }, false],
    ['private (the manager and HR read the review)', { visibility: 'private' as const }, false],
    ['shared with the organisation', { visibility: 'org' as const }, true],
    ['deleted', { deleted: true }, false],
  ])('a goal %s -> %s', (_label, over, expected) => {
    expect(inReviewPeriod(goal(over), FROM, TO)).toBe(expected);
  });

  it('gives each goal its status, progress and key results with current against target, soonest due first', () => {
    const late = goal({
      title: 'Grow revenue',
      dueDate: '2026-12-31',
      keyResults: [kr({ id: 'rev', title: 'Revenue', start: 0, target: 200, unit: 'k€' })],
    });
    const soon = goal({
      title: 'Ship search',
      dueDate: '2026-09-30',
      status: 'achieved',
      keyResults: [
        kr({ id: 'a', title: 'Latency', start: 0, target: 100, weight: 1 }),
        kr({ id: 'b', title: 'Launch', kind: 'done', start: 0, target: 1, weight: 1, current: 1 }),
      ],
    });
    const out = reviewGoals(
      [late, soon, goal({ visibility: 'private' })],
      [checkin(late, 'rev', '2026-08-01', 50), checkin(late, 'rev', '2026-09-01', 300), checkin(soon, 'a', '2026-08-10', 50)],
      FROM,
      TO,
    );
    expect(out.map((g) => [g.title, g.status, g.progress])).toEqual([
      ['Ship search', 'achieved', 0.75],
      ['Grow revenue', 'active', 1],
    ]);
    expect(out[1]?.krs).toEqual([
      { id: 'rev', title: 'Revenue', kind: 'number', unit: 'k€', start: 0, current: 300, target: 200, progress: 1.5 },
    ]);
    expect(out[0]?.krs.map((k) => [k.title, k.current, k.target])).toEqual([
      ['Latency', 50, 100],
      ['Launch', 1, 1],
    ]);
  });
});
