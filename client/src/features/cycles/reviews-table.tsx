import type { ReviewState } from '@merit/shared/domain/cycle';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '@/lib/errors';
import { trpc } from '@/lib/trpc';
import { DataTable, type TableColumn } from '@/ui/data-table';
import { FormError, TextArea } from '@/ui/field';
import { formatDay } from '@/ui/format';
import { Link } from '@/ui/router';
import { Spinner } from '@/ui/screen';
import { useToast } from '@/ui/toast';
import { STATE_WORDS, stateTone } from './labels';
import { KEYS, useCycleReviews } from './use-cycles';
import { targetsOf, useRemind } from './use-remind';

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

type Row = Awaited<ReturnType<typeof trpc.cycles.reviews.query>>[number];

const COLUMNS: TableColumn<Row>[] = [
  { key: 'name', label: 'Person', value: (r) => r.name },
  {
    key: 'department',
    label: 'Department',
    value: (r) => r.department,
    filter: { label: 'Department', words: (v) => v || 'No department' },
  },
  { key: 'manager', label: 'Manager', value: (r) => r.managerName ?? '', filter: { label: 'Manager', words: (v) => v || 'No manager' } },
  {
    key: 'state',
    label: 'Status',
    value: (r) => r.state,
    filter: { label: 'Status', words: (v) => STATE_WORDS[v as ReviewState] ?? v },
    render: (r) => (
      <>
        <span className={`badge badge-${stateTone(r.state)}`}>{STATE_WORDS[r.state]}</span>
        {r.reopenCount > 0 && <span className="muted"> · reopened {r.reopenCount}×</span>}
      </>
    ),
  },
  { key: 'self', label: 'Self-review due', value: (r) => r.selfDeadline, render: (r) => formatDay(r.selfDeadline) },
  { key: 'mgr', label: 'Manager review due', value: (r) => r.managerDeadline, render: (r) => formatDay(r.managerDeadline) },
  {
    key: 'ack',
    label: 'Employee comment',
    value: (r) => r.ackComment,
    render: (r) => (r.ackComment ? <q className="ack-comment">{r.ackComment}</q> : <span className="muted">—</span>),
  },
];

/** Every review of the cycle: filter, sort, search, select many and remind them; open one to read it; reopen a signed one. */
export function ReviewsTable({ cycleId }: { cycleId: string }) {
  const reviews = useCycleReviews(cycleId);
  const [open, setOpen] = useState<string | null>(null);
  const remind = useRemind(cycleId);
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
        <DataTable
          label="Reviews"
          rows={reviews.data}
          columns={COLUMNS}
          headerKey="name"
          rowKey={(r) => r.reviewId}
          testId={(r) => `review-${r.personId}`}
          searchPlaceholder="Search by name, department or manager"
          selection={(rows, clear) => (
            <button
              type="button"
              className="btn btn-primary btn-small"
              disabled={remind.isPending}
              onClick={() => remind.mutate(targetsOf(rows), { onSuccess: clear })}
            >
              Remind selected
            </button>
          )}
          rowActions={(r) => (
            <>
              <Link className="btn btn-ghost btn-small" href={`/cycles/${cycleId}/reviews/${r.reviewId}`}>
                Open<span className="visually-hidden"> {r.name}&apos;s review</span>
              </Link>
              {reopenable(r.state) && open !== r.reviewId && (
                <button type="button" className="btn btn-secondary btn-small" onClick={() => setOpen(r.reviewId)}>
                  Reopen<span className="visually-hidden"> {r.name}&apos;s review</span>
                </button>
              )}
              {open === r.reviewId && <Reopen cycleId={cycleId} reviewId={r.reviewId} name={r.name} onDone={() => setOpen(null)} />}
            </>
          )}
        />
      )}
      {remind.error && (
        <p className="form-error" role="alert">
          {describeError(remind.error)}
        </p>
      )}
    </section>
  );
}
