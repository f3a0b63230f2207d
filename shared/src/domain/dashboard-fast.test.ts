import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Checkin } from './checkin';
import {
  achievementByPeriod,
  checkinsByGoal,
  computeDashboard,
  type Dashboard,
  type DashboardInput,
  dashboardNeeds,
  isOpen,
  quarterOf,
  quarterStart,
  quartersBack,
  quartersShown,
  raisesAlert,
  summariseGoal,
} from './dashboard';
import { checkin, goal, kr } from './dashboard.fixtures';
import type { Goal, GoalStatus } from './goal';
import { finalsOf, foldCheckin, type GoalFinals } from './goal-finals';
import { DEFAULT_ACHIEVEMENT_THRESHOLD } from './progress';

/** The dashboard as it was computed before the indexed reads: every goal summarised from all its check-ins. */
function everything(input: DashboardInput): Dashboard {
  const { today, threshold = DEFAULT_ACHIEVEMENT_THRESHOLD } = input;
  const grouped = checkinsByGoal(input.checkins);
  const all = [...input.goals].filter((g) => !g.deleted).map((g) => summariseGoal(g, grouped.get(g.id) ?? []));
  const open = all.filter((s) => isOpen(s.goal)).sort((a, b) => a.goal.dueDate.localeCompare(b.goal.dueDate));
  const wins = [...input.wins].filter((w) => !w.deleted && w.date <= today);
  return {
    goals: open,
    atRisk: open.filter((s) => raisesAlert(s, today)),
    winsThisMonth: wins.filter((w) => w.date.startsWith(today.slice(0, 7))).length,
    winsThisQuarter: wins.filter((w) => w.date >= quarterStart(today)).length,
    achievement: achievementByPeriod(all, today, threshold),
    deadlines: [],
  };
}

/** Finals as the device stores them: every write folded in as it lands, rebuilt from the goal's rows when asked. */
function storedFinals(writes: readonly Checkin[]): Map<string, GoalFinals> {
  const rows = new Map<string, Checkin>();
  const out = new Map<string, GoalFinals>();
  for (const w of writes) {
    rows.set(w.id, w);
    const held = out.get(w.goalId) ?? { goalId: w.goalId, latest: {} };
    out.set(w.goalId, foldCheckin(held, w) ?? finalsOf(w.goalId, rows.values()));
  }
  return out;
}

const TODAY = '2026-11-20';
const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
const STATUSES: GoalStatus[] = ['active', 'proposed', 'achieved', 'missed', 'dropped'];

const goalSpec = fc.record({
  due: fc.integer({ min: 0, max: 1200 }),
  length: fc.integer({ min: 0, max: 120 }),
  status: fc.constantFrom(...STATUSES),
  deleted: fc.nat(4).map((n) => n === 0),
  krs: fc.array(
    fc.record({
      start: fc.integer({ min: -50, max: 50 }),
      target: fc.integer({ min: -50, max: 50 }),
      current: fc.option(fc.integer({ min: -80, max: 80 })),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  checkins: fc.array(
    fc.record({ kr: fc.nat(3), at: fc.integer({ min: -10, max: 140 }), value: fc.integer({ min: -100, max: 100 }), deleted: fc.boolean() }),
    { maxLength: 8 },
  ),
});

describe('home dashboard from indexed reads', () => {
  it("property: open goals with their check-ins, recent goals with stored finals and this quarter's wins give the old full figures", () => {
    fc.assert(
      fc.property(
        fc.array(goalSpec, { maxLength: 12 }),
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 1100 }), deleted: fc.boolean() }), { maxLength: 30 }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        (specs, winSpecs, threshold) => {
          const goals: Goal[] = [];
          const writes: Checkin[] = [];
          for (const s of specs) {
            const g = goal({
              periodStart: day(s.due - s.length),
              dueDate: day(s.due),
              status: s.status,
              deleted: s.deleted,
              keyResults: s.krs.map((k, i) => kr({ id: `k${i}`, ...k })),
            });
            goals.push(g);
            for (const c of s.checkins) {
              const row = checkin(g, `k${c.kr}`, day(s.due - s.length + c.at), c.value, c.kr * 3);
              writes.push(row);
              if (c.deleted) writes.push({ ...row, deleted: true });
            }
          }
          const rows = [...new Map(writes.map((w) => [w.id, w])).values()];
          const wins = winSpecs.map((w) => ({ date: day(w.at), deleted: w.deleted }));
          const since = quartersBack(TODAY, 3);
          const needed = goals.filter((g) => dashboardNeeds(g, since));
          const open = new Set(needed.filter(isOpen).map((g) => g.id));
          const fast = computeDashboard({
            goals: needed,
            checkins: rows.filter((c) => open.has(c.goalId)),
            finals: storedFinals(writes),
            wins: wins.filter((w) => w.date >= quarterStart(TODAY) && w.date <= TODAY),
            today: TODAY,
            threshold,
            since,
          });
          const full = everything({ goals, checkins: rows, wins, today: TODAY, threshold });
          expect(fast.goals).toEqual(full.goals);
          expect(fast.atRisk).toEqual(full.atRisk);
          expect([fast.winsThisMonth, fast.winsThisQuarter]).toEqual([full.winsThisMonth, full.winsThisQuarter]);
          expect(fast.achievement).toEqual(full.achievement.filter((p) => p.period >= quarterOf(since)));
        },
      ),
      { seed: 53, numRuns: 400 },
    );
  });

  it('at a period boundary: the first day of a quarter starts new counts, and the goal due the day before has ended', () => {
    const lastQ = goal({ dueDate: '2026-09-30', keyResults: [kr()] });
    const old = goal({ dueDate: '2025-09-30', status: 'achieved', keyResults: [kr()] });
    const checkins = [checkin(lastQ, 'a', '2026-09-30', 80)];
    const finals = new Map([[old.id, finalsOf(old.id, [checkin(old, 'a', '2025-09-01', 10)])]]);
    const wins = [{ date: '2026-09-30', deleted: false }];
    const at = (today: string) => {
      const since = quartersBack(today, 3);
      const goals = [lastQ, old].filter((g) => dashboardNeeds(g, since));
      return computeDashboard({ goals, checkins, finals, wins: wins.filter((w) => w.date >= quarterStart(today)), today, since });
    };
    expect(at('2026-09-30')).toMatchObject({ winsThisMonth: 1, winsThisQuarter: 1, achievement: [] });
    expect(at('2026-10-01')).toMatchObject({ winsThisMonth: 0, winsThisQuarter: 0 });
    expect(at('2026-10-01').achievement).toEqual([{ period: '2026-Q3', achieved: 1, total: 1, rate: 1 }]);
    expect(at('2025-12-31').achievement).toEqual([{ period: '2025-Q3', achieved: 0, total: 1, rate: 0 }]);
  });

  it.each([
    ['every quarter shown, empty ones as such', ['2026-Q2'], '2026-01-01', '2026-11-20', ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']],
    [
      'across a year, goals closed early in a later quarter kept',
      ['2025-Q4', '2027-Q1'],
      '2025-04-01',
      '2026-02-01',
      ['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2027-Q1'],
    ],
    ['one quarter', [], '2026-10-01', '2026-10-01', ['2026-Q4']],
  ])('quarters shown: %s', (_, names, since, today, expected) => {
    const periods = names.map((period) => ({ period, achieved: 1, total: 2, rate: 0.5 }));
    const shown = quartersShown(periods, since, today);
    expect(shown.map((p) => p.period)).toEqual(expected);
    expect(shown.filter((p) => p.total > 0).map((p) => p.period)).toEqual(names);
    expect(shown.filter((p) => p.total === 0).every((p) => p.rate === null)).toBe(true);
  });
});
