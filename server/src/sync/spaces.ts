// goals and check-ins (issue 5)

import { feedbackVisibleTo } from '@merit/shared/domain/feedback';
import { goalVisibleTo } from '@merit/shared/domain/goal';
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

// goals and check-ins (issue 5)
const GOAL_TABLES: readonly TableName[] = ['goals', 'checkins'];
// notifications are read only by their recipient.
const OWN_ONLY_B: readonly TableName[] = ['notifications'];
// a review is read by the reviewee and by the reviewing manager (visibleRow strips per side).
const REVIEWS_A: readonly TableName[] = ['reviews'];

export function tablesOf(space: string, viewerId: string): readonly TableName[] {
  return space === viewerId
    ? ['wins', 'rejections', ...GOAL_TABLES, ...NOTES_OWN_TABLES, ...OWN_ONLY_B, ...REVIEWS_A]
    : ['wins', ...GOAL_TABLES, ...NOTES_REPORT_TABLES, ...REVIEWS_A];
}

/** The row as this viewer may see it, or null: a tombstone for a row that is gone or no longer shared. */
export function visibleRow(
  table: TableName,
  row: Record<string, unknown>,
  viewerId: string,
  readable: readonly string[] = [],
): Record<string, unknown> | null {
  if (row.deleted === true) return null;
  // --- reviews ---
  if (table === 'reviews') return visibleReview(row, viewerId);
  // --- end reviews ---
  const notes = notesVisibleRow(table, row, viewerId, readable);
  if (notes !== undefined) return notes;
  if (row.ownerId === viewerId) return row;
  if (table === 'wins') {
    const vis = row.visibility === 'manager' ? 'manager' : 'private';
    return winVisibleTo({ ownerId: String(row.ownerId), visibility: vis }, viewerId, true) ? row : null;
  }
  // goals and check-ins (issue 5): a check-in is seen exactly when its goal is (S20).
  if (table === 'goals' || table === 'checkins') {
    const v = table === 'goals' ? row.visibility : row.goalVisibility;
    const vis = v === 'manager' || v === 'org' ? v : 'private';
    return goalVisibleTo({ ownerId: String(row.ownerId), visibility: vis }, viewerId, true) ? row : null;
  }
  return null;
}

// --- notes, feedback, manager notes (S30-S32) ---
/** Private notes and a manager's notes never leave their author's space; a report's shared feedback does. */
const NOTES_OWN_TABLES: readonly TableName[] = ['notes', 'feedback', 'managerNotes'];
const NOTES_REPORT_TABLES: readonly TableName[] = ['feedback'];

/**
 * The notes tables' visibility, undefined for other tables. Written as allow-lists, so a table added later is
 * never shown by accident: a note only to its author (S30); feedback to its recipient, and to their manager
 * when shared (S31); a manager note only to its author, and only while its subject is one of the spaces the
 * author reads, i.e. still their report (S32).
 */
function notesVisibleRow(table: TableName, row: Record<string, unknown>, viewerId: string, readable: readonly string[]) {
  if (table === 'notes') return row.ownerId === viewerId ? row : null;
  if (table === 'managerNotes') {
    const subject = String(row.subjectId);
    return row.ownerId === viewerId && subject !== viewerId && readable.includes(subject) ? row : null;
  }
  if (table === 'feedback') {
    const visibility = row.visibility === 'manager' ? 'manager' : 'private';
    return feedbackVisibleTo({ ownerId: String(row.ownerId), visibility }, viewerId, readable.includes(String(row.ownerId))) ? row : null;
  }
  return undefined;
}
// --- end notes ---
