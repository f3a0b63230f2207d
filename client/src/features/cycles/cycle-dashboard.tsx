import { type Completion, type CompletionCounts, MANAGER_PENDING, type ReviewState, SELF_PENDING } from '@merit/shared/domain/cycle';
import { describeError } from '@/lib/errors';
import { formatDay, plural } from '@/ui/format';
import { Link } from '@/ui/router';
import { EmptyState, Screen, Spinner } from '@/ui/screen';
import { CycleAnalytics } from './cycle-analytics';
import { ExtendDeadlines } from './extend-deadlines';
import { percent } from './labels';
import { ReviewsTable } from './reviews-table';
import { ScrollTable } from './scroll-table';
import { useCompletion, useCycle, useCycleReviews, useLiveCycle } from './use-cycles';
import { useRemind } from './use-remind';

const SELF_WAIT = new Set<ReviewState>(SELF_PENDING);
const MANAGER_WAIT = new Set<ReviewState>(MANAGER_PENDING);

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

/** The days a phase's work can still be submitted: its deadline is today or later (the server decides; this is the hint). */
const today = () => new Date().toISOString().slice(0, 10);

function NotDone({ cycleId }: { cycleId: string }) {
  const reviews = useCycleReviews(cycleId);
  const remind = useRemind(cycleId);
  const now = today();
  const rows = reviews.data ?? [];
  const phases = (['self', 'manager'] as const).map((phase) => {
    const waiting = rows.filter((r) => (phase === 'self' ? SELF_WAIT.has(r.state) : MANAGER_WAIT.has(r.state)));
    const due = (r: (typeof rows)[number]) => (phase === 'self' ? r.selfDeadline : r.managerDeadline);
    const ahead = waiting.filter((r) => due(r) >= now || (phase === 'manager' && r.reopenCount > 0));
    const notStarted = ahead.filter((r) => r.state === 'not_started');
    const soonest = ahead.map(due).sort()[0];
    return { phase, ahead, notStarted, soonest };
  });
  return (
    <section aria-labelledby="notdone-title" className="card">
      <h2 className="section-title" id="notdone-title">
        Not done yet
      </h2>
      <p className="muted">Remind people before their deadline. Work past its deadline is refused, so move the deadline first.</p>
      {phases.map(({ phase, ahead, notStarted, soonest }) => (
        <div key={phase} className="section-head notdone-row">
          <p>
            <strong>
              {phase === 'self'
                ? `${plural(ahead.length, 'self-review')} to submit`
                : `${plural(ahead.length, 'manager review')} to sign off`}
            </strong>
            {soonest && <span className="muted"> · due {formatDay(soonest)}</span>}
            {phase === 'self' && notStarted.length > 0 && <span className="muted"> · {notStarted.length} not started</span>}
          </p>
          <span className="card-actions">
            {phase === 'self' && notStarted.length > 0 && (
              <button
                type="button"
                className="btn btn-secondary btn-small"
                disabled={remind.isPending}
                onClick={() => remind.mutate({ self: notStarted.map((r) => r.personId), manager: [] })}
              >
                Remind the not started
              </button>
            )}
            <button
              type="button"
              className="btn btn-primary btn-small"
              disabled={remind.isPending || ahead.length === 0}
              onClick={() => remind.mutate({ phase, all: true })}
            >
              Remind all<span className="visually-hidden"> {phase === 'self' ? 'self-reviews' : 'manager reviews'} not done</span>
            </button>
          </span>
        </div>
      ))}
      {remind.error && (
        <p className="form-error" role="alert">
          {describeError(remind.error)}
        </p>
      )}
    </section>
  );
}

function Overdue({ c }: { c: Completion }) {
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
              <h3 className="stat-label">
                {phase === 'self' ? 'Self-reviews' : 'Manager reviews'} overdue: {c.overdueCount[phase]}
              </h3>
              <p className="muted">
                Their deadline has passed, so they cannot submit: move their deadline under Deadlines to let them finish.
              </p>
              <ul className="overdue-list">
                {people.map((o) => (
                  <li key={o.reviewId}>
                    <span>
                      <strong>{o.name}</strong>{' '}
                      <span className="muted">
                        · {o.department || 'no department'} · was due {formatDay(o.deadline)}
                      </span>
                      {phase === 'manager' && <span className="muted"> · manager {o.managerName ?? 'none'}</span>}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ))
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
            <NotDone cycleId={cycleId} />
            <Overdue c={c} />
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
