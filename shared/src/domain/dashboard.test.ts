import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../ids';
import type { Checkin } from './checkin';
import { achievementByPeriod, computeDashboard, quarterOf, quartersBack, summariseGoal, teamRow } from './dashboard';
import type { Goal, KeyResult } from './goal';

const owner = uuidv7();
const kr = (over: Partial<KeyResult> = {}): KeyResult => ({
  id: 'a',
  title: 'KR',
  kind: 'number',
  start: 0,
  target: 100,
  unit: '',
  weight: 1,
  current: null,
  ...over,
});
const goal = (over: Partial<Goal> = {}): Goal => ({
  id: uuidv7(),
  ownerId: owner,
  title: 'Goal',
  description: '',
  periodStart: '2026-10-01',
  dueDate: '2026-12-31',
  visibility: 'manager',
  status: 'active',
  parentId: null,
  proposedBy: null,
  keyResults: [kr()],
  createdAt: 0,
  updatedAt: 0,
  version: 1,
  deleted: false,
  ...over,
});
let seq = 0;
const checkin = (g: Goal, krId: string, date: string, value: number, confidence = 5): Checkin => ({
  id: uuidv7(),
  ownerId: g.ownerId,
  goalId: g.id,
  krId,
  value,
  confidence,
  note: '',
  date,
  goalVisibility: g.visibility,
  createdAt: ++seq,
  updatedAt: seq,
  version: seq,
  deleted: false,
});

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

  it('review deadlines: a typed slot, upcoming only, soonest first; none means none', () => {
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
      ],
    });
    expect(d.deadlines.map((x) => x.id)).toEqual(['3', '1']);
  });
});

describe('achievement rate over past periods', () => {
  it('per quarter of the due date, threshold configurable; late check-ins record the final value', () => {
    const q2 = goal({ dueDate: '2026-06-30', keyResults: [kr(), kr({ id: 'b' })] });
    const q3 = goal({ dueDate: '2026-09-15' });
    const dropped = goal({ dueDate: '2026-09-15', status: 'dropped' });
    const open = goal();
    const cs = [
      checkin(q2, 'a', '2026-06-01', 70),
      checkin(q2, 'b', '2026-06-01', 69),
      checkin(q3, 'a', '2026-09-10', 10),
      checkin(q3, 'a', '2026-09-20', 80),
      checkin(dropped, 'a', '2026-09-01', 100),
    ];
    const summaries = [q2, q3, dropped, open].map((g) =>
      summariseGoal(
        g,
        cs.filter((c) => c.goalId === g.id),
      ),
    );
    expect(achievementByPeriod(summaries, '2026-11-20')).toEqual([
      { period: '2026-Q2', achieved: 1, total: 2, rate: 0.5 },
      { period: '2026-Q3', achieved: 1, total: 1, rate: 1 },
    ]);
    expect(achievementByPeriod(summaries, '2026-11-20', 0.9).map((p) => p.rate)).toEqual([0, 0]);
  });

  it('quarters back, across years', () => {
    expect(quartersBack('2026-11-20', 0)).toBe('2026-10-01');
    expect(quartersBack('2026-11-20', 3)).toBe('2026-01-01');
    expect(quartersBack('2026-02-01', 3)).toBe('2025-04-01');
    expect(quartersBack('2026-02-01', 8)).toBe('2024-01-01');
  });

  it('quarters', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-12-31'].map(quarterOf)).toEqual(['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q4']);
  });

  it('property: every rate is in [0, 1], totals add up to the ended key results, and a lower threshold never lowers a rate', () => {
    const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            due: fc.integer({ min: 0, max: 700 }),
            krs: fc.array(
              fc.record({
                start: fc.integer({ min: -50, max: 50 }),
                target: fc.integer({ min: -50, max: 50 }),
                value: fc.integer({ min: -100, max: 100 }),
              }),
              {
                minLength: 1,
                maxLength: 4,
              },
            ),
          }),
          { maxLength: 20 },
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (specs, t) => {
          const today = day(500);
          const summaries = specs.map((s) => {
            const g = goal({ dueDate: day(s.due), keyResults: s.krs.map((k, i) => kr({ id: `k${i}`, start: k.start, target: k.target })) });
            return summariseGoal(
              g,
              s.krs.map((k, i) => checkin(g, `k${i}`, day(s.due), k.value)),
            );
          });
          const high = achievementByPeriod(summaries, today, t);
          const low = achievementByPeriod(summaries, today, t / 2);
          const ended = specs.filter((s) => day(s.due) < today).reduce((n, s) => n + s.krs.length, 0);
          expect(high.reduce((n, p) => n + p.total, 0)).toBe(ended);
          for (const [i, p] of high.entries()) {
            expect(p.rate ?? 0).toBeGreaterThanOrEqual(0);
            expect(p.rate ?? 0).toBeLessThanOrEqual(1);
            expect(low[i]?.achieved ?? 0).toBeGreaterThanOrEqual(p.achieved);
          }
        },
      ),
      { seed: 17, numRuns: 300 },
    );
  });

  it('property: objective progress stays in [0, 1] and the alert list is a subset of open active goals', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: -200, max: 300 })), { maxLength: 8 }),
        fc.integer({ min: -100, max: 100 }),
        fc.integer({ min: -100, max: 100 }),
        (points, start, target) => {
          const g = goal({ keyResults: [kr({ start, target })] });
          const day = (n: number) => new Date(Date.UTC(2026, 9, 1) + n * 86_400_000).toISOString().slice(0, 10);
          const d = computeDashboard({
            goals: [g],
            checkins: points.map(([n, v]) => checkin(g, 'a', day(n), v)),
            wins: [],
            today: '2026-11-20',
          });
          const p = d.goals[0]?.progress ?? 0;
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
          for (const s of d.atRisk) expect(s.goal.status).toBe('active');
        },
      ),
      { seed: 23, numRuns: 300 },
    );
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
