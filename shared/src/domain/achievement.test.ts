import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { achievementByPeriod, computeDashboard, quarterOf, quartersBack, summariseGoal } from './dashboard';
import { checkin, goal, kr } from './dashboard.fixtures';

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
