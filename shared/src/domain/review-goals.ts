import type { Checkin } from './checkin';
import { checkinsByGoal, summariseGoal } from './dashboard';
import type { Goal, GoalStatus, KrKind } from './goal';

/**
 * The goals section of a review (DESIGN.md 4, issue 6 item 1): the reviewee's goals of the cycle's period with
 * their progress, computed the same way everywhere (the employee's and the manager's devices offline, HR's
 * print view on the server) from the goals and check-ins each one holds.
 */
export interface ReviewGoalKr {
  id: string;
  title: string;
  kind: KrKind;
  unit: string;
  start: number;
  current: number;
  target: number;
  /** Share of the way from start to target, unclamped (over-achievement shows). */
  progress: number;
}
export interface ReviewGoal {
  id: string;
  title: string;
  status: GoalStatus;
  periodStart: string;
  dueDate: string;
  /** Weighted mean of the key results' clamped progress, 0-1; null without key results. */
  progress: number | null;
  krs: ReviewGoalKr[];
}

/**
 * A goal belongs to the period when its own span [periodStart, dueDate] overlaps it. Private goals are left out:
 * the review is read by the manager (and printed by HR), so it lists only goals the reviewee shares.
 */
export const inReviewPeriod = (g: Pick<Goal, 'periodStart' | 'dueDate' | 'visibility' | 'deleted'>, from: string, to: string) =>
  !g.deleted && g.visibility !== 'private' && g.periodStart <= to && g.dueDate >= from;

/** The reviewee's goals of the period, soonest due first, each with its progress and key results. Pure. */
export function reviewGoals(goals: readonly Goal[], checkins: readonly Checkin[], from: string, to: string): ReviewGoal[] {
  const byGoal = checkinsByGoal(checkins);
  return goals
    .filter((g) => inReviewPeriod(g, from, to))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title))
    .map((g) => {
      const s = summariseGoal(g, byGoal.get(g.id) ?? []);
      return {
        id: g.id,
        title: g.title,
        status: g.status,
        periodStart: g.periodStart,
        dueDate: g.dueDate,
        progress: s.progress,
        krs: s.krs.map((k) => ({
          id: k.kr.id,
          title: k.kr.title,
          kind: k.kr.kind,
          unit: k.kr.unit,
          start: k.kr.start,
          current: k.current,
          target: k.kr.target,
          progress: k.progress.raw,
        })),
      };
    });
}
