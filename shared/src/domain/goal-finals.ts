import type { Checkin } from './checkin';

/**
 * The latest live check-in of each key result of one goal: what a goal ended with. The device keeps one row of these
 * per goal beside the check-ins (client/src/db/goal-finals.ts), so the home dashboard takes the final values of
 * ended goals without reading their check-ins. Derived data, never synced: always what `finalsOf` gives for the
 * goal's check-ins on the device.
 */
export interface LatestCheckin {
  id: string;
  value: number;
  confidence: number;
  date: string;
  createdAt: number;
}

export interface GoalFinals {
  goalId: string;
  /** By key result id; a key result without a live check-in has no entry. */
  latest: Record<string, LatestCheckin>;
}

type Ordered = Pick<Checkin, 'date' | 'createdAt' | 'id'>;

/** Oldest first: by day, then by when it was typed, then by id, so every device agrees on which one is the latest. */
export function checkinOrder(a: Ordered, b: Ordered): number {
  return a.date.localeCompare(b.date) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const latestOf = (c: Checkin): LatestCheckin => ({
  id: c.id,
  value: c.value,
  confidence: c.confidence,
  date: c.date,
  createdAt: c.createdAt,
});

/** The finals of one goal from its check-ins, in any order; deleted ones and other goals' are skipped. */
export function finalsOf(goalId: string, checkins: Iterable<Checkin>): GoalFinals {
  const latest: Record<string, LatestCheckin> = {};
  for (const c of checkins) {
    if (c.deleted || c.goalId !== goalId) continue;
    const held = latest[c.krId];
    if (!held || checkinOrder(c, held) > 0) latest[c.krId] = latestOf(c);
  }
  return { goalId, latest };
}

/**
 * The finals after one check-in row of the goal was written, from the row alone (one read and one write on a phone,
 * not the goal's whole history). `null` when the row alone cannot tell: it was the latest of a key result and is now
 * deleted, dated earlier or moved to another key result; the caller then rebuilds with `finalsOf`. The same object
 * back means nothing changed. A check-in never moves to another goal (no rule changes `goalId`), so only the row's
 * own goal can change.
 */
export function foldCheckin(finals: GoalFinals, c: Checkin): GoalFinals | null {
  for (const [krId, held] of Object.entries(finals.latest)) {
    if (held.id !== c.id) continue;
    if (krId !== c.krId || c.deleted || checkinOrder(c, held) < 0) return null;
    return { ...finals, latest: { ...finals.latest, [krId]: latestOf(c) } };
  }
  const held = finals.latest[c.krId];
  if (c.deleted || (held && checkinOrder(c, held) < 0)) return finals;
  return { ...finals, latest: { ...finals.latest, [c.krId]: latestOf(c) } };
}
