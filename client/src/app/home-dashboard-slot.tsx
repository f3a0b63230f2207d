import { upcomingReviewDeadlines } from '@merit/shared/domain/review-due';
import { useEffect, useMemo, useState } from 'react';
import { useReviews } from '@/db/hooks';
import { HomeDashboard } from '@/features/goals/home-dashboard';
import { HomeCards } from '@/features/notifications/home-cards';
import { HomeScreen } from '@/features/wins/home-screen';
import type { Me } from '@/lib/me';

/** Longest that "Recent wins" waits for the dashboard above it (a device whose goal read fails still shows them). */
const HOLD_MS = 3000;
/** Once the dashboard has been drawn in this page, coming back to Home shows everything at once. */
let shownOnce = false;

/** Home's dashboard with the review deadlines the reviews on this device set: app/ composes the two features. */
export function HomeDashboardSlot({ me, onReady }: { me: Me; onReady?: () => void }) {
  const reviews = useReviews();
  const deadlines = useMemo(
    () => upcomingReviewDeadlines(reviews ?? [], me.id, (id) => me.reports?.find((r) => r.id === id)?.name ?? 'your report'),
    [reviews, me],
  );
  return <HomeDashboard threshold={me.achievementThreshold} deadlines={deadlines} onReady={onReady} />;
}

/**
 * Home: the dashboard is part of the signed-in chunk (no request of its own on the first load), and the recent
 * wins below it appear once it has its figures, so nothing on the screen jumps down as it arrives (CLS).
 */
export function HomeRoute({ me }: { me: Me }) {
  const [ready, setReady] = useState(shownOnce);
  useEffect(() => {
    const t = setTimeout(() => setReady(true), HOLD_MS);
    return () => clearTimeout(t);
  }, []);
  const onReady = useMemo(
    () => () => {
      shownOnce = true;
      setReady(true);
    },
    [],
  );
  return (
    <HomeScreen name={me.name} recentHeld={!ready} cards={<HomeCards />} dashboard={<HomeDashboardSlot me={me} onReady={onReady} />} />
  );
}
