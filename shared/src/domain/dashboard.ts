import type { Checkin } from './checkin';
import { type Forecast, forecastKr, type GoalOutlook, goalOutlook, rolledConfidence } from './forecast';
import type { Goal, KeyResult } from './goal';
import { checkinOrder, finalsOf, type GoalFinals } from './goal-finals';
import { achievementRate, DEFAULT_ACHIEVEMENT_THRESHOLD, krProgress, objectiveProgress } from './progress';

/**
 * The home dashboard and the team roll-up, computed on the device from local rows (DESIGN.md section 5).
 * Pure: `today` comes in, so the same rows give the same figures on every device and in every test.
 */

export interface KrStatus {
  kr: KeyResult;
  /** The latest check-in's value by date; without check-ins the value set by hand, else the start. */
  current: number;
  progress: { raw: number; clamped: number };
  latestConfidence: number | null;
  lastCheckin: string | null;
  /** Oldest first. */
  checkins: Checkin[];
  forecast: Forecast;
}

export interface GoalSummary {
  goal: Goal;
  krs: KrStatus[];
  /** Weighted mean of the key results' clamped progress, 0-1. */
  progress: number | null;
  confidence: number | null;
  outlook: GoalOutlook;
  lastCheckin: string | null;
}

/** A review deadline to show on home (the reviews feature fills these in; none means nothing shows). */
export interface ReviewDeadline {
  id: string;
  label: string;
  date: string;
}

export interface PeriodRate {
  /** "2025-Q3": the quarter the goals were due in. */
  period: string;
  achieved: number;
  total: number;
  rate: number | null;
}

export interface Dashboard {
  goals: GoalSummary[];
  atRisk: GoalSummary[];
  winsThisMonth: number;
  winsThisQuarter: number;
  achievement: PeriodRate[];
  deadlines: ReviewDeadline[];
}

/** Check-ins grouped per goal, live ones only, each list oldest first. */
export function checkinsByGoal(checkins: Iterable<Checkin>): Map<string, Checkin[]> {
  const out = new Map<string, Checkin[]>();
  for (const c of checkins) {
    if (c.deleted) continue;
    const list = out.get(c.goalId);
    if (list) list.push(c);
    else out.set(c.goalId, [c]);
  }
  for (const list of out.values()) list.sort(checkinOrder);
  return out;
}

export function krStatus(goal: Pick<Goal, 'dueDate'>, kr: KeyResult, checkins: readonly Checkin[]): KrStatus {
  const mine = checkins.filter((c) => c.krId === kr.id);
  const last = mine[mine.length - 1];
  const current = last ? last.value : (kr.current ?? kr.start);
  return {
    kr,
    current,
    progress: krProgress({ start: kr.start, target: kr.target, current }),
    latestConfidence: last ? last.confidence : null,
    lastCheckin: last ? last.date : null,
    checkins: mine,
    forecast: forecastKr(mine, goal.dueDate, kr.start, kr.target),
  };
}

/** One goal's figures; `checkins` are the goal's own, oldest first (as `checkinsByGoal` gives them). */
export function summariseGoal(goal: Goal, checkins: readonly Checkin[]): GoalSummary {
  const krs = goal.keyResults.map((kr) => krStatus(goal, kr, checkins));
  let lastCheckin: string | null = null;
  for (const k of krs) if (k.lastCheckin && (!lastCheckin || k.lastCheckin > lastCheckin)) lastCheckin = k.lastCheckin;
  return {
    goal,
    krs,
    progress: objectiveProgress(krs.map((k) => ({ start: k.kr.start, target: k.kr.target, current: k.current, weight: k.kr.weight }))),
    confidence: rolledConfidence(krs.map((k) => ({ latestConfidence: k.latestConfidence, weight: k.kr.weight }))),
    outlook: goalOutlook(krs.map((k) => k.forecast)),
    lastCheckin,
  };
}

export const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
/** The first day of the quarter `day` is in. */
export const quarterStart = (day: string) => quartersBack(day, 0);

/** Open goals: what the person is working on, soonest due first. */
export const isOpen = (g: Goal) => !g.deleted && (g.status === 'active' || g.status === 'proposed');
/** An alert is worth raising only for an active goal that can still be saved. */
export const raisesAlert = (s: GoalSummary, today: string) =>
  s.goal.status === 'active' && s.goal.dueDate >= today && s.outlook === 'at-risk';

/** What the achievement rate needs of a goal: each key result's final value. A `GoalSummary` is one. */
export interface GoalFinal {
  goal: Goal;
  krs: readonly { kr: KeyResult; current: number }[];
}

/** A goal's key results at their latest values, as `krStatus` finds them, from its finals instead of its check-ins. */
export function finalValues(goal: Goal, finals: GoalFinals | undefined): GoalFinal {
  return { goal, krs: goal.keyResults.map((kr) => ({ kr, current: finals?.latest[kr.id]?.value ?? kr.current ?? kr.start })) };
}

/**
 * Achievement rate per quarter of the due date, over goals that ended (due before today, or marked achieved
 * or missed); proposals and dropped goals do not count. A key result's final value is its latest check-in,
 * even one logged after the due date: that is the person recording how it ended.
 */
export function achievementByPeriod(
  summaries: readonly GoalFinal[],
  today: string,
  threshold: number = DEFAULT_ACHIEVEMENT_THRESHOLD,
): PeriodRate[] {
  const buckets = new Map<string, { start: number; target: number; current: number }[]>();
  for (const s of summaries) {
    const g = s.goal;
    if (g.deleted || g.status === 'dropped' || g.status === 'proposed') continue;
    if (!(g.dueDate < today || g.status === 'achieved' || g.status === 'missed')) continue;
    const key = quarterOf(g.dueDate);
    const list = buckets.get(key) ?? [];
    for (const k of s.krs) list.push({ start: k.kr.start, target: k.kr.target, current: k.current });
    buckets.set(key, list);
  }
  return [...buckets.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([period, krs]) => ({ period, ...achievementRate(krs, threshold) }));
}

/**
 * The first day of the quarter `back` quarters before the one `day` is in: the home screen shows the achievement
 * rate of the last four quarters, so the device reads only goals due since then (and their check-ins).
 */
export function quartersBack(day: string, back: number): string {
  const y = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3) - back;
  const year = y + Math.floor(q / 4);
  const month = (((q % 4) + 4) % 4) * 3 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

/**
 * The quarters from the one `since` is in to the one `today` is in, each with its rate or an empty one: a quarter in
 * which no goal ended shows as such rather than disappearing. Quarters after today (goals closed early) are kept.
 */
export function quartersShown(periods: readonly PeriodRate[], since: string, today: string): PeriodRate[] {
  const byName = new Map(periods.map((p) => [p.period, p]));
  const out: PeriodRate[] = [];
  for (let back = 0; ; back++) {
    const start = quartersBack(today, back);
    if (start < quarterStart(since)) break;
    const period = quarterOf(start);
    out.unshift(byName.get(period) ?? { period, achieved: 0, total: 0, rate: null });
  }
  const last = quarterOf(today);
  return [...out, ...periods.filter((p) => p.period > last)];
}

/** Goals the home dashboard needs: open ones, and the others due on or after `since` (for the achievement rate). */
export const dashboardNeeds = (g: Goal, since: string) => !g.deleted && (isOpen(g) || g.dueDate >= since);

export interface DashboardInput {
  goals: Iterable<Goal>;
  /** The goals' check-ins; with `finals`, only the open goals' are used. */
  checkins: Iterable<Checkin>;
  /**
   * The stored finals by goal id (goal-finals.ts). Given, a goal that is not open takes its final values from
   * them, so the device reads no check-ins of ended goals; a goal without an entry has none.
   */
  finals?: ReadonlyMap<string, GoalFinals>;
  /** The achievement rate counts only goals due on or after this day (the quarters shown); all when absent. */
  since?: string;
  wins: Iterable<{ date: string; deleted: boolean }>;
  today: string;
  threshold?: number;
  deadlines?: readonly ReviewDeadline[];
}

const OVERDUE_DAYS = 30;
const overdueSince = (today: string) => new Date(Date.parse(`${today}T00:00:00Z`) - OVERDUE_DAYS * 86_400_000).toISOString().slice(0, 10);

export function computeDashboard(input: DashboardInput): Dashboard {
  const { today, threshold = DEFAULT_ACHIEVEMENT_THRESHOLD, since = '' } = input;
  const grouped = checkinsByGoal(input.checkins);
  const open: GoalSummary[] = [];
  // An open goal past its due date counts in the achievement rate too, with the figures its card shows.
  const ended: GoalFinal[] = [];
  for (const g of input.goals) {
    if (g.deleted) continue;
    if (isOpen(g)) {
      const s = summariseGoal(g, grouped.get(g.id) ?? []);
      open.push(s);
      ended.push(s);
    } else ended.push(finalValues(g, input.finals ? input.finals.get(g.id) : finalsOf(g.id, grouped.get(g.id) ?? [])));
  }
  open.sort((a, b) => a.goal.dueDate.localeCompare(b.goal.dueDate));
  const month = today.slice(0, 7);
  const qStart = quarterStart(today);
  let winsThisMonth = 0;
  let winsThisQuarter = 0;
  for (const w of input.wins) {
    if (w.deleted || w.date > today) continue;
    if (w.date.startsWith(month)) winsThisMonth++;
    if (w.date >= qStart) winsThisQuarter++;
  }
  return {
    goals: open,
    atRisk: open.filter((s) => raisesAlert(s, today)),
    winsThisMonth,
    winsThisQuarter,
    achievement: achievementByPeriod(
      ended.filter((e) => e.goal.dueDate >= since),
      today,
      threshold,
    ),
    // A deadline missed in the last month stays (the review is still open, the most urgent thing on the list);
    // one older than that belongs to a cycle long over.
    deadlines: (input.deadlines ?? []).filter((d) => d.date >= overdueSince(today)).sort((a, b) => a.date.localeCompare(b.date)),
  };
}

export interface TeamRow {
  personId: string;
  activeGoals: number;
  /** Mean progress of the active goals, 0-1; null without any. */
  progress: number | null;
  atRisk: number;
  lastCheckin: string | null;
}

/** One report's line in the manager's team view, from the goals and check-ins the manager may see. */
export function teamRow(personId: string, goals: Iterable<Goal>, checkins: Iterable<Checkin>, today: string): TeamRow {
  const grouped = checkinsByGoal(checkins);
  const active: GoalSummary[] = [];
  let lastCheckin: string | null = null;
  for (const g of goals) {
    if (g.deleted || g.ownerId !== personId) continue;
    const s = summariseGoal(g, grouped.get(g.id) ?? []);
    if (s.lastCheckin && (!lastCheckin || s.lastCheckin > lastCheckin)) lastCheckin = s.lastCheckin;
    if (g.status === 'active') active.push(s);
  }
  const progresses = active.flatMap((s) => (s.progress === null ? [] : [s.progress]));
  return {
    personId,
    activeGoals: active.length,
    progress: progresses.length === 0 ? null : progresses.reduce((a, b) => a + b, 0) / progresses.length,
    atRisk: active.filter((s) => raisesAlert(s, today)).length,
    lastCheckin,
  };
}
