import { managerVisibleToReviewee, type ReviewState, selfVisibleToManager } from '@merit/shared/domain/review';

type Row = Record<string, unknown>;

/**
 * A review as this viewer may read it (S8, DESIGN.md section 4): the reviewee gets their review without the
 * manager's answers until it is signed off; the reviewing manager gets it without the self answers until they
 * are submitted; anyone else (a manager who is not the reviewer) gets nothing, a tombstone. The caller only
 * asks for rows of spaces the viewer reads (their own and their direct reports').
 */
export function visibleReview(row: Row, viewerId: string): Row | null {
  const r = { state: String(row.state) as ReviewState };
  if (row.ownerId === viewerId) return managerVisibleToReviewee(r) ? row : { ...row, managerAnswers: {} };
  if (row.managerId === viewerId) return selfVisibleToManager(r) ? row : { ...row, selfAnswers: {} };
  return null;
}
