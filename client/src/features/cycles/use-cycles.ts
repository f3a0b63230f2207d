import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { trpc } from '@/lib/trpc';

/** HR's cycle data is server-only (HR works online): React Query, never Dexie. */
export const KEYS = {
  templates: ['templates'] as const,
  template: (id: string) => ['templates', id] as const,
  bank: ['questionBank'] as const,
  cycles: ['cycles'] as const,
  cycle: (id: string) => ['cycles', id] as const,
  people: ['cycles', 'people'] as const,
};

export const useTemplates = () => useQuery({ queryKey: KEYS.templates, queryFn: () => trpc.templates.list.query() });
export const useTemplate = (id: string | null) =>
  useQuery({ queryKey: KEYS.template(id ?? ''), queryFn: () => trpc.templates.get.query({ id: id ?? '' }), enabled: id !== null });
export const useBank = () => useQuery({ queryKey: KEYS.bank, queryFn: () => trpc.questionBank.list.query() });
export const useCycles = () => useQuery({ queryKey: KEYS.cycles, queryFn: () => trpc.cycles.list.query() });
export const useCycle = (id: string) => useQuery({ queryKey: KEYS.cycle(id), queryFn: () => trpc.cycles.get.query({ id }) });
/** Everyone, for picking a manager's subtree or hand-picking participants. */
export const usePeopleDirectory = () => useQuery({ queryKey: KEYS.people, queryFn: () => trpc.people.list.query() });

export const useCompletion = (cycleId: string) =>
  useQuery({ queryKey: [...KEYS.cycle(cycleId), 'completion'], queryFn: () => trpc.cycles.completion.query({ cycleId }) });
export const useCycleReviews = (cycleId: string) =>
  useQuery({ queryKey: [...KEYS.cycle(cycleId), 'reviews'], queryFn: () => trpc.cycles.reviews.query({ cycleId }) });
export const useAnalytics = (cycleId: string) =>
  useQuery({ queryKey: [...KEYS.cycle(cycleId), 'analytics'], queryFn: () => trpc.cycles.analytics.query({ cycleId }) });

/**
 * Keeps a cycle's queries fresh: `cycles.live` pokes whenever a review of the cycle changes anywhere (a
 * submit, a sign-off), and every query under the cycle's key refetches. Returns whether the stream is up.
 */
export function useLiveCycle(cycleId: string): boolean {
  const qc = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    let first = true;
    const sub = trpc.cycles.live.subscribe(
      { cycleId },
      {
        onData: () => {
          setLive(true);
          // The first event only says the stream is open; the queries were just fetched.
          if (first) first = false;
          else void qc.invalidateQueries({ queryKey: KEYS.cycle(cycleId) });
        },
        onError: () => setLive(false),
        onStopped: () => setLive(false),
      },
    );
    return () => sub.unsubscribe();
  }, [cycleId, qc]);
  return live;
}
