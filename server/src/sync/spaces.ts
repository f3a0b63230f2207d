import { winVisibleTo } from '@merit/shared/domain/win';
import type { TableName } from '@merit/shared/mutations';
import type { Queryable } from '../db/client';
import { visibleReview } from '../reviews/visibility';

/**
 * The spaces a person reads: their own, and, for a manager, each direct report's. What of a report's
 * space they see is filtered per row by `visibleRow`; rejections never leave their owner's space.
 */
export async function readableSpaces(q: Queryable, personId: string): Promise<string[]> {
  const reports = await q.query<{ id: string }>('select id from person where manager_id = $1 and not disabled order by id', [personId]);
  return [personId, ...reports.map((r) => r.id)];
}

// reviews-A: a review is read by the reviewee and by the reviewing manager (visibleRow strips per side).
const REVIEWS_A: readonly TableName[] = ['reviews'];

export function tablesOf(space: string, viewerId: string): readonly TableName[] {
  return space === viewerId ? ['wins', 'rejections', ...REVIEWS_A] : ['wins', ...REVIEWS_A];
}

/** The row as this viewer may see it, or null: a tombstone for a row that is gone or no longer shared. */
export function visibleRow(table: TableName, row: Record<string, unknown>, viewerId: string): Record<string, unknown> | null {
  if (row.deleted === true) return null;
  // --- reviews (reviews-A) ---
  if (table === 'reviews') return visibleReview(row, viewerId);
  // --- end reviews ---
  if (row.ownerId === viewerId) return row;
  if (table === 'wins') {
    const vis = row.visibility === 'manager' ? 'manager' : 'private';
    return winVisibleTo({ ownerId: String(row.ownerId), visibility: vis }, viewerId, true) ? row : null;
  }
  return null;
}
