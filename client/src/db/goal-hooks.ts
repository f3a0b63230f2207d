import type { Checkin } from '@merit/shared/domain/checkin';
import {
  checkinsByGoal,
  computeDashboard,
  type Dashboard,
  type GoalSummary,
  isOpen,
  quarterStart,
  quartersBack,
  type ReviewDeadline,
  summariseGoal,
  type TeamRow,
  teamRow,
} from '@merit/shared/domain/dashboard';
import type { Goal } from '@merit/shared/domain/goal';
import type { DirectoryGoal, TeamMember } from '@merit/shared/domain/goal-directory';
import type { GoalFinals } from '@merit/shared/domain/goal-finals';
import type { Win } from '@merit/shared/domain/win';
import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { MeritDb } from './db';
import { useDb, useSyncRow } from './hooks';

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
  return useSyncRow('goals', id);
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
    // Through [ownerId+date]: only this person's wins, not a scan of every win on the device.
    const rows = await db.wins.where('[ownerId+date]').between([ownerId, Dexie.minKey], [ownerId, Dexie.maxKey]).toArray();
    return rows.filter((w) => !w.deleted).sort((a, b) => b.date.localeCompare(a.date));
  }, [db, ownerId]);
}

/** Quarters of achievement rate the home screen shows. */
export const DASHBOARD_QUARTERS = 4;

export interface DashboardRows {
  goals: Goal[];
  checkins: Checkin[];
  finals: Map<string, GoalFinals>;
  wins: Win[];
  since: string;
}

/**
 * The rows the home dashboard needs, read through indexes in one transaction: the person's open goals and goals due
 * in the quarters shown, the check-ins of the open ones only (for the forecast), the stored finals of the others
 * (goal-finals.ts) and this quarter's wins. Five years of history stay on disk. Only the person's own rows count: a
 * manager's device also holds the reports' shared rows.
 */
export function readDashboardRows(db: MeritDb, me: string, today: string): Promise<DashboardRows> {
  const since = quartersBack(today, DASHBOARD_QUARTERS - 1);
  return db.transaction('r', [db.goals, db.checkins, db.goalFinals, db.wins], async () => {
    const [recent, active, proposed, wins] = await Promise.all([
      db.goals.where('[ownerId+dueDate]').between([me, since], [me, Dexie.maxKey]).toArray(),
      db.goals.where('[ownerId+status]').equals([me, 'active']).toArray(),
      db.goals.where('[ownerId+status]').equals([me, 'proposed']).toArray(),
      db.wins
        .where('[ownerId+date]')
        .between([me, quarterStart(today)], [me, today], true, true)
        .toArray(),
    ]);
    // In id order, as one index read gave them before, so goals due the same day keep their order.
    const goals = [...new Map([...recent, ...active, ...proposed].map((g) => [g.id, g])).values()]
      .filter((g) => !g.deleted)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    const ended = goals.filter((g) => !isOpen(g)).map((g) => g.id);
    // One getAll per goal: far cheaper than Dexie's cursor walk for `anyOf`.
    const [checkins, finals] = await Promise.all([
      Promise.all(goals.filter(isOpen).map((g) => db.checkins.where('goalId').equals(g.id).toArray())),
      db.goalFinals.bulkGet(ended),
    ]);
    return {
      goals,
      checkins: checkins.flat(),
      finals: new Map(finals.flatMap((f) => (f ? [[f.goalId, f]] : []))),
      wins,
      since,
    };
  });
}

/** The home dashboard as the screen shows it: `readDashboardRows` and the shared compute. */
export async function loadDashboard(db: MeritDb, me: string, today: string, threshold: number, deadlines: readonly ReviewDeadline[] = []) {
  const rows = await readDashboardRows(db, me, today);
  return computeDashboard({ ...rows, today, threshold, deadlines });
}

const NO_DEADLINES: readonly ReviewDeadline[] = [];

export function useDashboard(today: string, threshold: number, deadlines: readonly ReviewDeadline[] = NO_DEADLINES): Dashboard | undefined {
  const { db, actor } = useDb();
  const me = actor.personId;
  return useLiveQuery(() => loadDashboard(db, me, today, threshold, deadlines), [db, me, today, threshold, deadlines]);
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** The team roll-up: one row per report the device knows, from the goals and check-ins shared with the manager. */
export function useTeamRows(members: readonly TeamMember[], today: string): TeamRow[] | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => {
    const [goals, checkins] = await Promise.all([db.goals.toArray(), db.checkins.toArray()]);
    // Split by the goal's owner once: each row then groups only its own person's check-ins, not every check-in again.
    const ownerOfGoal = new Map(goals.map((g) => [g.id, g.ownerId]));
    const goalsOf = groupBy(goals, (g) => g.ownerId);
    const checkinsOf = groupBy(checkins, (c) => ownerOfGoal.get(c.goalId));
    return members.map((m) => teamRow(m.id, goalsOf.get(m.id) ?? [], checkinsOf.get(m.id) ?? [], today));
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
