import { type ReviewGoal, reviewGoals } from '@merit/shared/domain/review-goals';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from './hooks';

// Apart from hooks.ts, which the first page load carries: only the review screens (a lazy chunk) read goals this way.

/**
 * The reviewee's goals of a review's period with their progress, from this device: the person's own goals, or on
 * their manager's device the goals they share (the pull sends a report's non-private goals and check-ins).
 */
export function useReviewGoals(ownerId: string, from: string, to: string): ReviewGoal[] | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => {
    const [goals, checkins] = await Promise.all([
      db.goals.where('ownerId').equals(ownerId).toArray(),
      db.checkins.where('ownerId').equals(ownerId).toArray(),
    ]);
    return reviewGoals(goals, checkins, from, to);
  }, [db, ownerId, from, to]);
}
