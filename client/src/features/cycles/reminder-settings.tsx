import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '@/lib/errors';
import { trpc } from '@/lib/trpc';
import { FormError, TextField } from '@/ui/field';
import { useToast } from '@/ui/toast';

const KEY = ['cycles', 'reminderDays'] as const;

/** "3, 1" -> [3, 1]; null when a part is not a whole number. */
export function parseDays(text: string): number[] | null {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const days = parts.map(Number);
  return days.every((d) => Number.isInteger(d) && d >= 0) ? days : null;
}

/** The organisation's automatic reminders: how many days before each deadline they go out. */
export function ReminderSettings() {
  const q = useQuery({ queryKey: KEY, queryFn: () => trpc.cycles.reminderDays.query() });
  const qc = useQueryClient();
  const toast = useToast();
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? q.data?.days.join(', ') ?? '';
  const days = parseDays(shown);
  const save = useMutation({
    mutationFn: (d: number[]) => trpc.cycles.setReminderDays.mutate({ days: d }),
    onSuccess: async () => {
      setText(null);
      await qc.invalidateQueries({ queryKey: KEY });
      toast('Reminder days saved');
    },
  });
  return (
    <form
      className="card form"
      aria-labelledby="reminders-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (days) save.mutate(days);
      }}
    >
      <h2 className="section-title" id="reminders-title">
        Automatic reminders
      </h2>
      <TextField
        label="Days before each deadline"
        value={shown}
        inputMode="numeric"
        onChange={(e) => setText(e.target.value)}
        error={days ? undefined : 'Whole numbers separated by commas, e.g. 3, 1'}
        hint="Reviewees are reminded before the self-review deadline, managers before theirs. Leave empty for none."
      />
      <FormError>{save.error ? describeError(save.error) : null}</FormError>
      <button type="submit" className="btn btn-secondary btn-small" disabled={!days || save.isPending || text === null}>
        Save
      </button>
    </form>
  );
}
