import type { Person } from '@merit/shared/domain/person';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { trpc } from '@/lib/trpc';

export const PEOPLE_KEY = ['people', 'list'] as const;

/** The directory is server-only data (HR, online): React Query, never Dexie. */
export function usePeople() {
  return useQuery({ queryKey: PEOPLE_KEY, queryFn: () => trpc.people.list.query() });
}

export function useRefreshPeople(): () => Promise<void> {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: PEOPLE_KEY });
}

export const ROLE_WORDS: Record<Person['role'], string> = { employee: 'Employee', hr: 'HR admin' };

export function statusOf(p: Pick<Person, 'disabled' | 'hasPassword'>): { text: string; tone: 'ok' | 'warn' | 'muted' } {
  if (p.disabled) return { text: 'Disabled', tone: 'muted' };
  if (!p.hasPassword) return { text: 'No password yet', tone: 'warn' };
  return { text: 'Active', tone: 'ok' };
}
