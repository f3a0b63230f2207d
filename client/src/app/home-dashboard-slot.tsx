import { upcomingReviewDeadlines } from '@merit/shared/domain/review-due';
import { useMemo } from 'react';
import { useReviews } from '@/db/hooks';
import type { Me } from '@/lib/me';
import { LazyScreen } from './lazy-screen';
import { HomeDashboard } from './screens';

/** Home's dashboard with the review deadlines the reviews on this device set: app/ composes the two features. */
export function HomeDashboardSlot({ me }: { me: Me }) {
  const reviews = useReviews();
  const deadlines = useMemo(
    () => upcomingReviewDeadlines(reviews ?? [], me.id, (id) => me.reports?.find((r) => r.id === id)?.name ?? 'your report'),
    [reviews, me],
  );
  return <LazyScreen screen={HomeDashboard} props={{ threshold: me.achievementThreshold, deadlines }} />;
}
