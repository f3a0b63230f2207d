import type { ReviewState } from '@merit/shared/domain/cycle';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '@/lib/errors';
import { trpc } from '@/lib/trpc';
import { FormError, TextArea } from '@/ui/field';
import { Link } from '@/ui/router';
import { Spinner } from '@/ui/screen';
import { useToast } from '@/ui/toast';
import { STATE_WORDS, stateTone } from './labels';
import { ScrollTable } from './scroll-table';
import { KEYS, useCycleReviews } from './use-cycles';

function Reopen({ cycleId, reviewId, name, onDone }: { cycleId: string; reviewId: string; name: string; onDone(): void }) {
  const [reason, setReason] = useState('');
  const qc = useQueryClient();
  const toast = useToast();
  const reopen = useMutation({
    mutationFn: () => trpc.reviews.reopen.mutate({ reviewId, reason }),
    onSuccess: async () => {
      toast(`${name}'s review is reopened`);
      await qc.invalidateQueries({ queryKey: KEYS.cycle(cycleId) });
      onDone();
    },
  });
  return (
    <form
      className="form reopen-form"
      onSubmit={(e) => {
        e.preventDefault();
        reopen.mutate();
      }}
    >
      <TextArea
        label={`Why reopen ${name}'s review?`}
        rows={2}
        required
        maxLength={2000}
        value={reason}
        autoFocus
        onChange={(e) => setReason(e.target.value)}
        hint="Required. The employee and the manager are told, and the reason is kept in the audit log."
      />
      <FormError>{reopen.error ? describeError(reopen.error) : null}</FormError>
      <div className="card-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={reopen.isPending || reason.trim() === ''}>
          Reopen review
        </button>
        <button type="button" className="btn btn-ghost btn-small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

const reopenable = (s: ReviewState) => s === 'signed_off' || s === 'acknowledged';

/** Every review of the cycle with its state; a signed-off one can be reopened with a reason, any can be printed. */
export function ReviewsTable({ cycleId }: { cycleId: string }) {
  const reviews = useCycleReviews(cycleId);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section aria-labelledby="reviews-title">
      <h2 className="section-title" id="reviews-title">
        Reviews
      </h2>
      {reviews.isPending ? (
        <Spinner label="Loading reviews" />
      ) : reviews.error ? (
        <p className="form-error" role="alert">
          {describeError(reviews.error)}
        </p>
      ) : (
        <ScrollTable label="Reviews">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Department</th>
                <th scope="col">Manager</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {reviews.data.map((r) => (
                <tr key={r.reviewId} data-testid={`review-${r.personId}`}>
                  <th scope="row">{r.name}</th>
                  <td>{r.department || '—'}</td>
                  <td>{r.managerName ?? '—'}</td>
                  <td>
                    <span className={`badge badge-${stateTone(r.state)}`}>{STATE_WORDS[r.state]}</span>
                    {r.reopenCount > 0 && <span className="muted"> · reopened {r.reopenCount}×</span>}
                  </td>
                  <td className="row-actions">
                    <Link className="btn btn-ghost btn-small" href={`/cycles/${cycleId}/reviews/${r.reviewId}`}>
                      Print<span className="visually-hidden"> {r.name}&apos;s review</span>
                    </Link>
                    {reopenable(r.state) && open !== r.reviewId && (
                      <button type="button" className="btn btn-secondary btn-small" onClick={() => setOpen(r.reviewId)}>
                        Reopen<span className="visually-hidden"> {r.name}&apos;s review</span>
                      </button>
                    )}
                    {open === r.reviewId && <Reopen cycleId={cycleId} reviewId={r.reviewId} name={r.name} onDone={() => setOpen(null)} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}
