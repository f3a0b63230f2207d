import type { Completion, CompletionCounts, Phase } from '@merit/shared/domain/cycle';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError } from '@/lib/errors';
import { trpc } from '@/lib/trpc';
import { formatDay, plural } from '@/ui/format';
import { Link } from '@/ui/router';
import { EmptyState, Screen, Spinner } from '@/ui/screen';
import { useToast } from '@/ui/toast';
import { CycleAnalytics } from './cycle-analytics';
import { ExtendDeadlines } from './extend-deadlines';
import { percent } from './labels';
import { ReviewsTable } from './reviews-table';
import { ScrollTable } from './scroll-table';
import { KEYS, useCompletion, useCycle, useLiveCycle } from './use-cycles';

function Bar({ label, n, total }: { label: string; n: number; total: number }) {
  return (
    <div className="bar">
      <div className="bar-head">
        <span>{label}</span>
        <span className="muted">
          {n} / {total} · {percent(n, total)}%
        </span>
      </div>
      <progress max={total || 1} value={n} aria-label={`${label}: ${n} of ${total}`} />
    </div>
  );
}

function CountsTable({ caption, rows }: { caption: string; rows: (CompletionCounts & { key: string; name: string })[] }) {
  return (
    <ScrollTable label={caption}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{caption.startsWith('By department') ? 'Department' : 'Manager'}</th>
            <th scope="col">People</th>
            <th scope="col">Self-reviews in</th>
            <th scope="col">Signed off</th>
            <th scope="col">Acknowledged</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.name}</th>
              <td>{r.total}</td>
              <td>
                {r.selfDone} ({percent(r.selfDone, r.total)}%)
              </td>
              <td>
                {r.signedOff} ({percent(r.signedOff, r.total)}%)
              </td>
              <td>{r.acknowledged}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function Overdue({ cycleId, c }: { cycleId: string; c: Completion }) {
  const toast = useToast();
  const qc = useQueryClient();
  const remind = useMutation({
    mutationFn: (v: { phase: Phase; personId?: string }) => trpc.cycles.remind.mutate({ cycleId, ...v }),
    onSuccess: async (r) => {
      toast(`Reminded ${plural(r.reminded.length, 'person', 'people')}${r.emailed > 0 ? ` (${r.emailed} by e-mail)` : ''}`);
      await qc.invalidateQueries({ queryKey: KEYS.cycle(cycleId) });
    },
  });
  const phases = (['self', 'manager'] as const).map((p) => ({ phase: p, people: c.overdue.filter((o) => o.phase === p) }));
  return (
    <section aria-labelledby="overdue-title">
      <h2 className="section-title" id="overdue-title">
        Overdue
      </h2>
      {c.overdue.length === 0 ? (
        <p className="muted">Nobody is overdue.</p>
      ) : (
        phases
          .filter((p) => p.people.length > 0)
          .map(({ phase, people }) => (
            <div key={phase} className="card overdue">
              <div className="section-head">
                <h3 className="stat-label">
                  {phase === 'self' ? 'Self-reviews' : 'Manager reviews'} overdue: {c.overdueCount[phase]}
                </h3>
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  disabled={remind.isPending}
                  onClick={() => remind.mutate({ phase })}
                >
                  Remind all<span className="visually-hidden"> overdue {phase === 'self' ? 'self-reviews' : 'manager reviews'}</span>
                </button>
              </div>
              <ul className="overdue-list">
                {people.map((o) => {
                  const who = phase === 'self' ? { id: o.personId, name: o.name } : { id: o.managerId, name: o.managerName };
                  return (
                    <li key={o.reviewId}>
                      <span>
                        <strong>{o.name}</strong>{' '}
                        <span className="muted">
                          · {o.department || 'no department'} · due {formatDay(o.deadline)}
                        </span>
                        {phase === 'manager' && <span className="muted"> · manager {o.managerName ?? 'none'}</span>}
                      </span>
                      {who.id && (
                        <button
                          type="button"
                          className="btn btn-ghost btn-small"
                          disabled={remind.isPending}
                          onClick={() => remind.mutate({ phase, personId: who.id ?? undefined })}
                        >
                          Remind<span className="visually-hidden"> {who.name}</span>
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            </div>
          ))
      )}
      {remind.error && (
        <p className="form-error" role="alert">
          {describeError(remind.error)}
        </p>
      )}
    </section>
  );
}

/** HR's live view of one cycle: completion per phase, department and manager; overdue people; reviews. */
export function CycleDashboard({ cycleId }: { cycleId: string }) {
  const cycle = useCycle(cycleId);
  const completion = useCompletion(cycleId);
  const live = useLiveCycle(cycleId);
  if (cycle.isPending) return <Spinner label="Loading the cycle" />;
  if (cycle.error) return <EmptyState title="Could not load this cycle">{describeError(cycle.error)}</EmptyState>;
  const c = completion.data;
  const cy = cycle.data;
  return (
    <Screen
      title={cy.name}
      actions={
        cy.status === 'launched' ? (
          <a className="btn btn-secondary btn-small" href={`/api/export/cycles/${cy.id}.csv`} download>
            Export CSV
          </a>
        ) : undefined
      }
      lead={`${cy.templateName} · ${formatDay(cy.periodStart)} – ${formatDay(cy.periodEnd)} · self-review due ${formatDay(cy.selfDeadline)}, manager review due ${formatDay(cy.managerDeadline)}`}
    >
      <div className="hr-wide">
        <p className={`badge ${live ? 'badge-ok' : 'badge-muted'} live-badge`} role="status">
          {live ? 'Live' : 'Connecting…'}
        </p>
        {!c ? (
          <Spinner label="Loading completion" />
        ) : (
          <>
            <div className="stat-grid">
              <div className="stat-card">
                <span className="stat-number" data-testid="stat-total">
                  {c.overall.total}
                </span>
                <span className="stat-label">reviews</span>
              </div>
              <div className="stat-card">
                <span className="stat-number" data-testid="stat-self">
                  {c.overall.selfDone}
                </span>
                <span className="stat-label">self-reviews in</span>
              </div>
              <div className="stat-card">
                <span className="stat-number" data-testid="stat-signed">
                  {c.overall.signedOff}
                </span>
                <span className="stat-label">signed off</span>
              </div>
              <div className="stat-card">
                <span className="stat-number">{c.overdueCount.self + c.overdueCount.manager}</span>
                <span className="stat-label">overdue</span>
              </div>
            </div>
            <section aria-labelledby="phases-title" className="card">
              <h2 className="section-title" id="phases-title">
                Phases
              </h2>
              <Bar label="Self-reviews submitted" n={c.overall.selfDone} total={c.overall.total} />
              <Bar label="Manager reviews signed off" n={c.overall.signedOff} total={c.overall.total} />
              <Bar label="Acknowledged by the employee" n={c.overall.acknowledged} total={c.overall.total} />
            </section>
            <div className="hr-columns">
              <CountsTable
                caption="By department"
                rows={c.byDepartment.map((d) => ({ ...d, key: d.department, name: d.department || 'No department' }))}
              />
              <CountsTable
                caption="By manager"
                rows={c.byManager.map((m) => ({ ...m, key: m.managerId ?? 'none', name: m.managerName ?? 'No manager' }))}
              />
            </div>
            <Overdue cycleId={cycleId} c={c} />
            {cy.status === 'launched' && (
              <ExtendDeadlines cycleId={cycleId} selfDeadline={cy.selfDeadline} managerDeadline={cy.managerDeadline} />
            )}
          </>
        )}
        <ReviewsTable cycleId={cycleId} />
        <CycleAnalytics cycleId={cycleId} />
        <p>
          <Link className="text-link" href={`/cycles/audit?cycle=${cycleId}`}>
            Audit log of this cycle
          </Link>
        </p>
      </div>
    </Screen>
  );
}
