import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../ids';
import { computeDashboard, summariseGoal, teamRow } from './dashboard';
import { checkin, goal, kr, owner } from './dashboard.fixtures';
import type { Goal } from './goal';

describe('goal summary', () => {
  it('current value is the latest check-in by date, not by when it was typed', () => {
    const g = goal();
    const s = summariseGoal(g, [checkin(g, 'a', '2026-10-01', 10), checkin(g, 'a', '2026-11-01', 40)]);
    expect(s.krs[0]?.current).toBe(40);
    const late = summariseGoal(
      g,
      [checkin(g, 'a', '2026-11-01', 40), checkin(g, 'a', '2026-10-01', 10)].sort((x, y) => x.date.localeCompare(y.date)),
    );
    expect(late.krs[0]?.current).toBe(40);
  });

  it.each([
    ['no check-ins, manual current', [kr({ current: 25 })], [], 0.25, null, 'not-enough-data'],
    ['no check-ins, nothing set: the start', [kr()], [], 0, null, 'not-enough-data'],
    [
      'over-achieved: raw shows 1.5, objective clamps to 1',
      [kr()],
      [
        ['a', '2026-10-10', 50, 9],
        ['a', '2026-10-20', 150, 9],
      ],
      1,
      9,
      'on-track',
    ],
    [
      'reduce result (target below start) on track',
      [kr({ start: 40, target: 10 })],
      [
        ['a', '2026-10-01', 40, 6],
        ['a', '2026-10-31', 30, 6],
      ],
      1 / 3,
      6,
      'on-track',
    ],
    [
      'weighted confidence across two results, one falling behind',
      [kr(), kr({ id: 'b', weight: 3 })],
      [
        ['a', '2026-10-01', 0, 8],
        ['a', '2026-10-31', 40, 8],
        ['b', '2026-10-01', 0, 4],
        ['b', '2026-10-31', 5, 4],
      ],
      (0.4 + 0.05 * 3) / 4,
      5,
      'at-risk',
    ],
  ] as const)('%s', (_, krs, cs, progress, confidence, outlook) => {
    const g = goal({ keyResults: [...krs] });
    const s = summariseGoal(
      g,
      cs.map(([k, d, v, c]) => checkin(g, k, d, v, c)),
    );
    expect(s.progress).toBeCloseTo(progress, 10);
    expect(s.confidence).toEqual(confidence);
    expect(s.outlook).toBe(outlook);
  });

  it('zero-length period: a result due the day it starts is reached or not', () => {
    const g = goal({ periodStart: '2026-11-01', dueDate: '2026-11-01', keyResults: [kr({ start: 5, target: 5 })] });
    expect(summariseGoal(g, [checkin(g, 'a', '2026-11-01', 5)]).progress).toBe(1);
    expect(summariseGoal(g, [checkin(g, 'a', '2026-11-01', 4)]).progress).toBe(0);
  });
});

describe('home dashboard', () => {
  const today = '2026-11-20';

  it('alerts on active goals at risk that are not yet due; proposals and ended goals raise none', () => {
    const risky = goal({ title: 'risky' });
    const fine = goal({ title: 'fine' });
    const past = goal({ title: 'past', dueDate: '2026-11-01' });
    const proposed = goal({ title: 'proposed', status: 'proposed' });
    const low = (g: Goal) => [checkin(g, 'a', '2026-10-01', 0), checkin(g, 'a', '2026-11-01', 5)];
    const d = computeDashboard({
      goals: [risky, fine, past, proposed],
      checkins: [...low(risky), checkin(fine, 'a', '2026-10-01', 0), checkin(fine, 'a', '2026-11-01', 50), ...low(past), ...low(proposed)],
      wins: [],
      today,
    });
    expect(d.atRisk.map((s) => s.goal.title)).toEqual(['risky']);
    expect(d.goals.map((s) => s.goal.title).sort()).toEqual(['fine', 'past', 'proposed', 'risky']);
  });

  it('counts wins this month and this quarter, not future-dated or deleted ones', () => {
    const d = computeDashboard({
      goals: [],
      checkins: [],
      wins: [
        { date: '2026-11-02', deleted: false },
        { date: '2026-10-05', deleted: false },
        { date: '2026-09-30', deleted: false },
        { date: '2026-11-03', deleted: true },
        { date: '2026-11-25', deleted: false },
      ],
      today,
    });
    expect([d.winsThisMonth, d.winsThisQuarter]).toEqual([1, 2]);
  });

  it('review deadlines: a typed slot, upcoming and missed in the last 30 days, soonest first; none means none', () => {
    expect(computeDashboard({ goals: [], checkins: [], wins: [], today }).deadlines).toEqual([]);
    const d = computeDashboard({
      goals: [],
      checkins: [],
      wins: [],
      today,
      deadlines: [
        { id: '1', label: 'Self review', date: '2026-12-10' },
        { id: '2', label: 'Old', date: '2026-11-01' },
        { id: '3', label: 'Kick-off', date: '2026-11-20' },
        { id: '4', label: 'Long over', date: '2026-10-20' },
      ],
    });
    expect(d.deadlines.map((x) => x.id)).toEqual(['2', '3', '1']);
  });
});

describe('team roll-up', () => {
  it("a report's active goals: mean progress, at-risk count, last check-in", () => {
    const a = goal({ keyResults: [kr()] });
    const b = goal({ keyResults: [kr()] });
    const other = goal({ ownerId: uuidv7() });
    const row = teamRow(
      owner,
      [a, b, other, goal({ status: 'achieved' })],
      [
        checkin(a, 'a', '2026-10-01', 0),
        checkin(a, 'a', '2026-11-01', 5),
        checkin(b, 'a', '2026-11-02', 50),
        checkin(other, 'a', '2026-11-10', 1),
      ],
      '2026-11-20',
    );
    expect(row).toEqual({ personId: owner, activeGoals: 2, progress: (0.05 + 0.5) / 2, atRisk: 1, lastCheckin: '2026-11-02' });
    expect(teamRow(owner, [], [], '2026-11-20')).toEqual({ personId: owner, activeGoals: 0, progress: null, atRisk: 0, lastCheckin: null });
  });
});
