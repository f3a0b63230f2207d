import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { describeError } from '@/lib/errors';
import { trpc } from '@/lib/trpc';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { SelectField, TextField } from '@/ui/field';
import { formatDay } from '@/ui/format';
import { useToast } from '@/ui/toast';
import { KEYS, useCycleReviews } from './use-cycles';

/**
 * HR moves a launched cycle's deadlines, for everyone or for one person: a late self-review or manager review
 * (answers, submit, sign-off) is refused after its phase's deadline until HR moves it; the inbox then lets the
 * person send their kept text again. An empty date leaves that phase as it is.
 */
const todayIso = () => new Date().toISOString().slice(0, 10);

/** "The self-review deadline 3 Dec" (and ...) for the dates chosen that are already past. */
function pastWords(self: string, manager: string): string {
  const t = todayIso();
  return [
    self && self < t && `The self-review deadline ${formatDay(self)}`,
    manager && manager < t && `The manager review deadline ${formatDay(manager)}`,
  ]
    .filter(Boolean)
    .join(' and ');
}

export function ExtendDeadlines({
  cycleId,
  selfDeadline,
  managerDeadline,
}: {
  cycleId: string;
  selfDeadline: string;
  managerDeadline: string;
}) {
  const toast = useToast();
  const qc = useQueryClient();
  const reviews = useCycleReviews(cycleId);
  const [personId, setPersonId] = useState('');
  const [self, setSelf] = useState('');
  const [manager, setManager] = useState('');
  const [missing, setMissing] = useState(false);
  const [confirmPast, setConfirmPast] = useState(false);
  const move = useMutation({
    mutationFn: (allowPast: boolean) =>
      trpc.cycles.extendDeadline.mutate({
        cycleId,
        ...(personId ? { personId } : {}),
        ...(self ? { selfDeadline: self } : {}),
        ...(manager ? { managerDeadline: manager } : {}),
        ...(allowPast ? { allowPast } : {}),
      }),
    onSuccess: async () => {
      const who = personId ? (reviews.data?.find((r) => r.personId === personId)?.name ?? 'this person') : 'everyone';
      const one = personId ? reviews.data?.find((r) => r.personId === personId) : undefined;
      const was = { self: one?.selfDeadline ?? selfDeadline, manager: one?.managerDeadline ?? managerDeadline };
      const moved = [
        self && `self-review ${formatDay(was.self)} → ${formatDay(self)}`,
        manager && `manager review ${formatDay(was.manager)} → ${formatDay(manager)}`,
      ].filter(Boolean);
      toast(`Deadlines moved for ${who}: ${moved.join(', ')}`);
      setConfirmPast(false);
      setSelf('');
      setManager('');
      await qc.invalidateQueries({ queryKey: KEYS.cycle(cycleId) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(!self && !manager);
    if (!self && !manager) return;
    // A past day closes the phase at once: ask first (the server refuses it without allowPast too).
    if (pastWords(self, manager)) setConfirmPast(true);
    else move.mutate(false);
  };
  return (
    <section aria-labelledby="deadlines-title" className="card">
      <h2 className="section-title" id="deadlines-title">
        Deadlines
      </h2>
      <p className="muted">
        Self-reviews due {formatDay(selfDeadline)}, manager reviews (through sign-off) due {formatDay(managerDeadline)}. Late work is
        refused until you move its deadline.
      </p>
      <form className="deadline-form" onSubmit={submit} noValidate>
        <SelectField label="For" value={personId} onChange={(e) => setPersonId(e.target.value)}>
          <option value="">Everyone in the cycle</option>
          {(reviews.data ?? []).map((r) => (
            <option key={r.personId} value={r.personId}>
              {r.name}
            </option>
          ))}
        </SelectField>
        <TextField label="New self-review deadline" type="date" value={self} onChange={(e) => setSelf(e.target.value)} />
        <TextField label="New manager review deadline" type="date" value={manager} onChange={(e) => setManager(e.target.value)} />
        <button type="submit" className="btn btn-secondary" disabled={move.isPending}>
          Move deadlines
        </button>
      </form>
      {confirmPast && (
        <ConfirmDialog
          title="Move a deadline into the past?"
          confirmLabel="Move it anyway"
          danger
          busy={move.isPending}
          onConfirm={() => move.mutate(true)}
          onCancel={() => setConfirmPast(false)}
        >
          <p>
            {pastWords(self, manager)} is already past. That phase closes at once: nobody affected can submit or sign off until you move it
            again.
          </p>
        </ConfirmDialog>
      )}
      {(missing || move.error) && (
        <p className="form-error" role="alert">
          {missing ? 'Choose a new date for at least one phase' : describeError(move.error)}
        </p>
      )}
    </section>
  );
}
