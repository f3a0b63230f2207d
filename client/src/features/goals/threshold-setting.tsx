import { ThresholdInput } from '@merit/shared/domain/goal-directory';
import { parse } from '@merit/shared/errors';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { describeError } from '@/lib/errors';
import { trpc } from '@/lib/trpc';
import { TextField } from '@/ui/field';
import { useToast } from '@/ui/toast';

/**
 * HR's setting for the whole organisation: the share of the way to target that counts a key result as achieved.
 * Online only (an HR action); every device picks it up with `auth.me`.
 */
export function ThresholdSetting({ threshold }: { threshold: number }) {
  const [value, setValue] = useState(String(Math.round(threshold * 100)));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const qc = useQueryClient();
  const toast = useToast();

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const input = parse(ThresholdInput, { percent: Number(value) });
    if (!input.ok || value.trim() === '') {
      setError('Enter a whole percentage from 1 to 100');
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      await trpc.goals.setAchievementThreshold.mutate(input.value);
      await qc.invalidateQueries({ queryKey: ['auth', 'me'] });
      toast('Achievement threshold saved');
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card threshold" onSubmit={save} noValidate>
      <h2 className="section-title">Achievement threshold</h2>
      <TextField
        label="Counts as achieved at (% of target)"
        inputMode="numeric"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={error}
        hint="For everyone in the organisation. Default 70%."
      />
      <button type="submit" className="btn btn-secondary btn-small" disabled={busy}>
        Save threshold
      </button>
    </form>
  );
}
