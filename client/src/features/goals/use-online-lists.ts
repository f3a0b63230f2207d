import type { DirectoryGoal, TeamMember } from '@merit/shared/domain/goal-directory';
import { useEffect } from 'react';
import { type CacheKey, type CacheValues, useCachedList, writeCachedList } from '@/db/goal-hooks';
import { useDb } from '@/db/hooks';
import { trpc } from '@/lib/trpc';

/**
 * An online-only list kept on the device: the cached copy shows at once (and offline); when the network is
 * there, a fresh copy replaces it. A failed fetch keeps the cache: it is the best the device knows.
 */
function useOnlineList<K extends CacheKey>(key: K, fetch: () => Promise<CacheValues[K]>): CacheValues[K] | undefined {
  const { db } = useDb();
  const cached = useCachedList(key);
  // biome-ignore lint/correctness/useExhaustiveDependencies: fetch once per database and list; `fetch` is a fresh closure each render.
  useEffect(() => {
    if (!navigator.onLine) return;
    let live = true;
    fetch()
      .then((value) => (live ? writeCachedList(db, key, value) : undefined))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [db, key]);
  return cached;
}

/** Organisation-visible goals (for "Supports"); empty until the first online load. */
export function useGoalDirectory(): readonly DirectoryGoal[] {
  return useOnlineList('goalDirectory', () => trpc.goals.directory.query()) ?? [];
}

/** The signed-in person's direct reports; `undefined` until known (from cache or the server). */
export function useTeam(): readonly TeamMember[] | undefined {
  return useOnlineList('team', () => trpc.goals.team.query());
}
