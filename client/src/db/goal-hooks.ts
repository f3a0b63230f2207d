import type { Checkin } from '@merit/shared/domain/checkin';
import {
  checkinsByGoal,
  computeDashboard,
  type Dashboard,
  dashboardNeeds,
  type GoalSummary,
  quarterStart,
  quartersBack,
  type ReviewDeadline,
  summariseGoal,
  type TeamRow,
  teamRow,
} from '@merit/shared/domain/dashboard';
import type { Goal } from '@merit/shared/domain/goal';
import type { DirectoryGoal, TeamMember } from '@merit/shared/domain/goal-directory';
import type { Win } from '@merit/shared/domain/win';
import { useLiveQuery } from 'dexie-react-hooks';
import type { MeritDb } from './db';
import { useDb } from './hooks';

/** Goals of one person (the signed-in one by default), live ones, soonest due first; `undefined` while loading. */
export function useGoals(ownerId?: string): Goal[] | undefined {
  const { db, actor } = useDb();
  const owner = ownerId ?? actor.personId;
  return useLiveQuery(async () => {
    const rows = await db.goals.where('ownerId').equals(owner).toArray();
    return rows.filter((g) => !g.deleted).sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.createdAt - b.createdAt);
  }, [db, owner]);
}

/** Figures of each live goal of one person (the signed-in one by default), soonest due first. */
export function useGoalSummaries(ownerId?: string): GoalSummary[] | undefined {
  const { db, actor } = useDb();
  const owner = ownerId ?? actor.personId;
  return useLiveQuery(async () => {
    const [goals, checkins] = await Promise.all([
      db.goals.where('ownerId').equals(owner).toArray(),
      db.checkins.where('ownerId').equals(owner).toArray(),
    ]);
    const grouped = checkinsByGoal(checkins);
    return goals
      .filter((g) => !g.deleted)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.createdAt - b.createdAt)
      .map((g) => summariseGoal(g, grouped.get(g.id) ?? []));
  }, [db, owner]);
}

/** One goal with its figures; `null` when it is not on this device (or deleted), `undefined` while loading. */
export function useGoalSummary(id: string): GoalSummary | null | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => {
    const g = await db.goals.get(id);
    if (!g || g.deleted) return null;
    const checkins = await db.checkins.where('goalId').equals(id).toArray();
    return summariseGoal(g, checkinsByGoal(checkins).get(id) ?? []);
  }, [db, id]);
}

/** One goal; `null` when it is not on this device (or deleted), `undefined` while loading. */
export function useGoal(id: string): Goal | null | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => {
    const g = await db.goals.get(id);
    return g && !g.deleted ? g : null;
  }, [db, id]);
}

/** A goal's live check-ins, oldest first. */
export function useCheckins(goalId: string): Checkin[] | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => {
    const rows = await db.checkins.where('goalId').equals(goalId).toArray();
    return rows.filter((c) => !c.deleted).sort((a, b) => a.date.localeCompare(b.date) || a.createdAt - b.createdAt);
  }, [db, goalId]);
}

/** Wins linked to a goal, newest first. */
export function useWinsForGoal(goalId: string): Win[] | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => {
    const rows = await db.wins.filter((w) => w.goalId === goalId && !w.deleted).toArray();
    return rows.sort((a, b) => b.date.localeCompare(a.date));
  }, [db, goalId]);
}

/** Wins of one person (a report's shared wins on the manager's device), newest first. */
export function useWinsOf(ownerId: string): Win[] | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => {
    const rows = await db.wins.filter((w) => w.ownerId === ownerId && !w.deleted).toArray();
    return rows.sort((a, b) => b.date.localeCompare(a.date));
  }, [db, ownerId]);
}

/** Quarters of achievement rate the home screen shows. */
export const DASHBOARD_QUARTERS = 4;

/**
 * The rows the home dashboard needs, read through indexes: the person's goals, check-ins only of open goals and of
 * goals due in the quarters shown, wins only of this quarter. Five years of history stay on disk. Only the
 * person's own rows count: a manager's device also holds the reports' shared rows.
 */
export async function loadDashboard(db: MeritDb, me: string, today: string, threshold: number, deadlines: readonly ReviewDeadline[] = []) {
  const since = quartersBack(today, DASHBOARD_QUARTERS - 1);
  const goals = (await db.goals.where('ownerId').equals(me).toArray()).filter((g) => dashboardNeeds(g, since));
  const [checkins, wins] = await Promise.all([
    db.checkins
      .where('goalId')
      .anyOf(goals.map((g) => g.id))
      .toArray(),
    db.wins.where('date').between(quarterStart(today), today, true, true).toArray(),
  ]);
  return computeDashboard({ goals, checkins, wins: wins.filter((w) => w.ownerId === me), today, threshold, deadlines });
}

const NO_DEADLINES: readonly ReviewDeadline[] = [];

export function useDashboard(today: string, threshold: number, deadlines: readonly ReviewDeadline[] = NO_DEADLINES): Dashboard | undefined {
  const { db, actor } = useDb();
  const me = actor.personId;
  return useLiveQuery(() => loadDashboard(db, me, today, threshold, deadlines), [db, me, today, threshold, deadlines]);
}

/** The team roll-up: one row per report the device knows, from the goals and check-ins shared with the manager. */
export function useTeamRows(members: readonly TeamMember[], today: string): TeamRow[] | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => {
    const [goals, checkins] = await Promise.all([db.goals.toArray(), db.checkins.toArray()]);
    return members.map((m) => teamRow(m.id, goals, checkins, today));
  }, [db, members, today]);
}

/** The cached answers of online-only lists (the goal directory, the team), for offline use. */
export function useCachedList<K extends CacheKey>(key: K): CacheValues[K] | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => (await db.cache.get(key))?.value as CacheValues[K] | undefined, [db, key]);
}

export async function writeCachedList<K extends CacheKey>(
  db: ReturnType<typeof useDb>['db'],
  key: K,
  value: CacheValues[K],
): Promise<void> {
  await db.cache.put({ key, value, at: Date.now() });
}

export interface CacheValues {
  goalDirectory: DirectoryGoal[];
  team: TeamMember[];
}
export type CacheKey = keyof CacheValues;
