import { useMutation } from '@tanstack/react-query';
import { trpc } from '@/lib/trpc';
import { plural } from '@/ui/format';
import { useToast } from '@/ui/toast';
import { useRefreshPeople } from './use-people';

/** Sends set-password links by e-mail (an invitation, or a resend: each replaces the person's earlier link). */
export function useInvite() {
  const toast = useToast();
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: (ids: string[]) => trpc.people.invite.mutate({ ids }),
    onSuccess: async (r) => {
      const failed = r.invited.length - r.emailed;
      toast(
        `Invitation e-mailed to ${plural(r.emailed, 'person', 'people')}` +
          (failed > 0 ? `; ${failed} could not be sent, try again later` : '') +
          (r.skipped.length > 0 ? `; ${r.skipped.length} disabled, not invited` : ''),
      );
      await refresh();
    },
  });
}

/** The links as a CSV file (name, email, link) for a mail merge; quoted where a field needs it. */
export function linksCsv(rows: readonly { name: string; email: string; url: string }[]): string {
  const q = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return ['name,email,set_password_link', ...rows.map((r) => [r.name, r.email, r.url].map(q).join(','))].join('\r\n');
}

export function downloadText(fileName: string, text: string, type = 'text/csv') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
