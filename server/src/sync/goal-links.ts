import { type Checkin, checkinFitsGoal } from '@merit/shared/domain/checkin';
import type { Goal, GoalVisibility } from '@merit/shared/domain/goal';
import type { DomainError } from '@merit/shared/errors';
import type { TableName } from '@merit/shared/mutations';
import type { Queryable } from '../db/client';
import { bumpSpace } from './tables';

type Row = Record<string, unknown>;

/**
 * What the rules cannot see from one record, done by the server inside the mutation's transaction (S20):
 * a new check-in must belong to a live goal of its author, and takes a copy of the goal's visibility; a goal
 * whose visibility changes (or that is deleted) re-versions its check-ins with the new copy, so a manager's
 * device gets them (or their tombstones) in the next pull. Returns a refusal, or null to go on.
 */
export async function linkGoalRows(q: Queryable, table: TableName, prev: Row | undefined, row: Row): Promise<DomainError | null> {
  if (table === 'checkins' && !prev) {
    // `for share`: a concurrent visibility change of the goal waits for this check-in, then re-versions it too.
    const goals = await q.query<{ owner_id: string; deleted: boolean; visibility: GoalVisibility; key_results: Goal['keyResults'] }>(
      'select owner_id, deleted, visibility, key_results from goal where id = $1 for share',
      [row.goalId],
    );
    const g = goals[0];
    const fits = checkinFitsGoal(row as unknown as Checkin, g && { ownerId: g.owner_id, deleted: g.deleted, keyResults: g.key_results });
    if (!fits.ok) return fits.error;
    row.goalVisibility = g?.visibility ?? 'private';
    return null;
  }
  if (table === 'goals' && prev) {
    const before: GoalVisibility = prev.deleted ? 'private' : (prev.visibility as GoalVisibility);
    const after: GoalVisibility = row.deleted ? 'private' : (row.visibility as GoalVisibility);
    if (before === after) return null;
    const ids = await q.query<{ id: string }>('select id from checkin where goal_id = $1 and not deleted order by id for update', [row.id]);
    // One bump per row write keeps versions unique within the space (S7).
    for (const { id } of ids) {
      const version = await bumpSpace(q, String(row.ownerId));
      await q.query('update checkin set goal_visibility = $2, version = $3 where id = $1', [id, after, version]);
    }
  }
  return null;
}
