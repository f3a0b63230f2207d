import { MANAGER_PENDING, type Phase, type ReviewState, SELF_PENDING } from '@merit/shared/domain/cycle';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { trpc } from '@/lib/trpc';
import { plural } from '@/ui/format';
import { useToast } from '@/ui/toast';
import { KEYS } from './use-cycles';

export interface RemindTargets {
  self: string[];
  manager: string[];
}

const selfPending = new Set<ReviewState>(SELF_PENDING);
const managerPending = new Set<ReviewState>(MANAGER_PENDING);

/** Who to remind for some reviews: the reviewee where the self-review waits, the manager where the manager's part waits. */
export function targetsOf(rows: readonly { state: ReviewState; personId: string; managerId: string | null }[]): RemindTargets {
  const self = new Set<string>();
  const manager = new Set<string>();
  for (const r of rows) {
    if (selfPending.has(r.state)) self.add(r.personId);
    else if (managerPending.has(r.state) && r.managerId) manager.add(r.managerId);
  }
  return { self: [...self], manager: [...manager] };
}

/** The toast after reminding: how many were reminded, and who was not because their deadline has passed. */
export function remindWords(reminded: number, skipped: readonly { name: string }[], emailed: number): string {
  const head =
    reminded === 0
      ? 'Nobody was reminded'
      : `Reminded ${plural(reminded, 'person', 'people')}${emailed > 0 ? ` (${emailed} by e-mail)` : ''}`;
  if (skipped.length === 0) return head;
  const names = skipped.length <= 3 ? skipped.map((s) => s.name).join(', ') : plural(skipped.length, 'person', 'people');
  return `${head}. Not reminded, their deadline has passed: ${names}. Move their deadline first.`;
}

/** Reminds the targets of each phase (one call per phase that has any); the server skips work past its deadline. */
export function useRemind(cycleId: string) {
  const toast = useToast();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (t: RemindTargets | { phase: Phase; all: true }) => {
      const calls =
        'all' in t
          ? [trpc.cycles.remind.mutate({ cycleId, phase: t.phase })]
          : (['self', 'manager'] as const)
              .filter((phase) => t[phase].length > 0)
              .map((phase) => trpc.cycles.remind.mutate({ cycleId, phase, personIds: t[phase] }));
      const settled = await Promise.allSettled(calls);
      const out = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
      // One phase refused (everyone in it past the deadline) still lets the other phase's reminders through.
      if (failed && out.length === 0) throw failed.reason;
      return {
        reminded: out.reduce((n, o) => n + o.reminded.length, 0),
        emailed: out.reduce((n, o) => n + o.emailed, 0),
        skipped: out.flatMap((o) => o.skipped),
      };
    },
    onSuccess: async (r) => {
      toast(remindWords(r.reminded, r.skipped, r.emailed));
      await qc.invalidateQueries({ queryKey: KEYS.cycle(cycleId) });
    },
  });
}
