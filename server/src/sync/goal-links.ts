import { type Checkin, checkinFitsGoal } from '@merit/shared/domain/checkin';
import type { Goal, GoalVisibility } from '@merit/shared/domain/goal';
import type { DomainError } from '@merit/shared/errors';
import type { TableName } from '@merit/shared/mutations';
import type { BatchView, Row } from './effects';
import { fromDb } from './tables';

/** The goal as the batch has it (created or edited earlier in the same push), else from the database. */
async function goalOf(view: BatchView, id: unknown): Promise<Row | undefined> {
  if (typeof id !== 'string') return undefined;
  const seen = view.seen('goals', id);
  if (seen) return seen.row;
  // `for share`: a concurrent visibility change of the goal waits for this check-in, then re-versions it too.
  const rows = await view.q.query<Row>('select * from goal where id = $1 for share', [id]);
  return rows[0] ? fromDb('goals', rows[0]) : undefined;
}

/**
 * What the rules cannot see from one record, done by the server inside the push transaction (S20): a new
 * check-in must belong to a live goal of its author, and takes a copy of the goal's visibility; a goal whose
 * visibility changes (or that is deleted) re-versions its check-ins with the new copy, so a manager's device
 * gets them (or their tombstones) in the next pull. Returns a refusal, or null to go on.
 */
export async function linkGoalRows(
  view: BatchView,
  _name: string,
  table: TableName,
  prev: Row | undefined,
  row: Row,
): Promise<DomainError | null> {
  if (table === 'checkins' && !prev) {
    const g = await goalOf(view, row.goalId);
    const fits = checkinFitsGoal(
      row as unknown as Checkin,
      g && { ownerId: String(g.ownerId), deleted: g.deleted === true, keyResults: g.keyResults as Goal['keyResults'] },
    );
    if (!fits.ok) return fits.error;
    row.goalVisibility = (g?.visibility as GoalVisibility | undefined) ?? 'private';
    return null;
  }
  if (table === 'goals' && prev) {
    const before: GoalVisibility = prev.deleted ? 'private' : (prev.visibility as GoalVisibility);
    const after: GoalVisibility = row.deleted ? 'private' : (row.visibility as GoalVisibility);
    if (before === after) return null;
    const checkins = new Map<string, Row>();
    const stored = await view.q.query<Row>('select * from checkin where goal_id = $1 and not deleted order by id for update', [row.id]);
    for (const r of stored) checkins.set(String(r.id), fromDb('checkins', r));
    // Check-ins created earlier in this batch are not in the database yet.
    for (const c of view.seenRows('checkins')) if (c.goalId === row.id && c.deleted !== true) checkins.set(String(c.id), c);
    for (const c of checkins.values()) {
      const mine = view.seen('checkins', String(c.id))?.row ?? c;
      if (mine.deleted === true) continue;
      view.write('checkins', { ...mine, goalVisibility: after });
    }
  }
  return null;
}
