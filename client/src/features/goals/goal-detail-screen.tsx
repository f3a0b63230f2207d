import type { GoalStatus } from '@merit/shared/domain/goal';
import { useState } from 'react';
import { useGoalSummary, useWinsForGoal } from '@/db/goal-hooks';
import { useDb } from '@/db/hooks';
import { describeError } from '@/lib/errors';
import { useMutate } from '@/sync/mutate';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { formatDay } from '@/ui/format';
import { PlusIcon } from '@/ui/icons';
import { ProgressBar } from '@/ui/progress-bar';
import { Link, navigate } from '@/ui/router';
import { EmptyState, Screen, Spinner } from '@/ui/screen';
import { useToast } from '@/ui/toast';
import { goalBadge, percent, VISIBILITY_WORDS } from './format';
import { KrCard } from './kr-card';

const ENDINGS: readonly { status: Exclude<GoalStatus, 'proposed' | 'active'>; label: string }[] = [
  { status: 'achieved', label: 'Mark achieved' },
  { status: 'missed', label: 'Mark missed' },
  { status: 'dropped', label: 'Drop' },
];

/** A goal's page: the objective's figures, each key result (forecast, chart, history, check in), linked wins. */
export default function GoalDetailScreen({ id }: { id: string }) {
  const { actor } = useDb();
  const s = useGoalSummary(id);
  const wins = useWinsForGoal(id);
  const mutate = useMutate();
  const toast = useToast();
  const [confirmDelete, setConfirmDelete] = useState(false);

  if (s === undefined) return <Spinner label="Loading goal" />;
  if (s === null)
    return (
      <Screen title="Goal not found">
        <EmptyState
          title="This goal is not on this device"
          action={
            <Link href="/goals" className="btn btn-primary">
              Back to goals
            </Link>
          }
        >
          It may have been deleted, or made private by its owner.
        </EmptyState>
      </Screen>
    );

  const g = s.goal;
  const mine = g.ownerId === actor.personId;
  const badge = goalBadge(s);
  const run = async (p: Promise<{ ok: boolean; error?: unknown }>, done: string) => {
    try {
      const r = await p;
      if (r.ok) toast(done);
      else toast(describeError(r.error));
    } catch (e) {
      toast(describeError(e));
    }
  };

  return (
    <Screen
      title={g.title}
      actions={
        mine && (
          <Link href={`/goals/${g.id}/edit`} className="btn btn-secondary btn-small">
            Edit
          </Link>
        )
      }
    >
      {g.status === 'proposed' && mine && (
        <div className="notice proposal">
          <p>Your manager proposed this goal. Accept it as it is, or edit it first.</p>
          <div className="card-actions">
            <button
              type="button"
              className="btn btn-primary btn-small"
              onClick={() => run(mutate('goal.accept@1', { id: g.id }), 'Goal accepted')}
            >
              Accept
            </button>
            <Link href={`/goals/${g.id}/edit`} className="btn btn-secondary btn-small">
              Edit first
            </Link>
          </div>
        </div>
      )}
      <div className="card goal-summary">
        <div className="goal-head">
          <span className={`badge ${badge.className}`}>{badge.text}</span>
          <span className="muted">
            {formatDay(g.periodStart)} – {formatDay(g.dueDate)}
          </span>
        </div>
        {g.description && <p className="goal-desc">{g.description}</p>}
        <ProgressBar raw={s.progress} label="Objective progress" />
        <dl className="goal-facts">
          <div>
            <dt>Progress</dt>
            <dd>{s.progress === null ? '–' : percent(s.progress)}</dd>
          </div>
          <div>
            <dt>Confidence</dt>
            <dd>{s.confidence === null ? 'No check-ins yet' : `${Math.round(s.confidence * 10) / 10}/10`}</dd>
          </div>
          <div>
            <dt>Visible to</dt>
            <dd>{VISIBILITY_WORDS[g.visibility]}</dd>
          </div>
        </dl>
      </div>

      <h2 className="section-title section-gap">Key results</h2>
      <ul className="kr-list" aria-label="Key results">
        {s.krs.map((k) => (
          <KrCard key={k.kr.id} k={k} goal={g} canCheckIn={mine} />
        ))}
      </ul>

      <div className="section-head section-gap">
        <h2 className="section-title">Wins for this goal</h2>
        {wins && wins.length > 0 && (
          <Link href={`/wins?goal=${g.id}`} className="text-link">
            See all
          </Link>
        )}
      </div>
      {wins && wins.length > 0 ? (
        <ul className="goal-wins" aria-label="Wins for this goal">
          {wins.slice(0, 5).map((w) => (
            <li key={w.id}>
              <time dateTime={w.date} className="muted">
                {formatDay(w.date)}
              </time>{' '}
              {w.title}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No wins linked yet.</p>
      )}
      {mine && (
        <button type="button" className="btn btn-secondary btn-block" onClick={() => navigate(`/wins/new?goal=${g.id}`)}>
          <PlusIcon width={18} height={18} /> Log a win for this goal
        </button>
      )}

      {mine && g.status !== 'proposed' && (
        <div className="goal-end">
          {g.status === 'active' ? (
            ENDINGS.map((e) => (
              <button
                key={e.status}
                type="button"
                className="btn btn-ghost btn-small"
                onClick={() => run(mutate('goal.update@1', { id: g.id, patch: { status: e.status } }), 'Goal updated')}
              >
                {e.label}
              </button>
            ))
          ) : (
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={() => run(mutate('goal.update@1', { id: g.id, patch: { status: 'active' } }), 'Goal reopened')}
            >
              Reopen
            </button>
          )}
          <button type="button" className="btn btn-danger-outline btn-small" onClick={() => setConfirmDelete(true)}>
            Delete
          </button>
        </div>
      )}
      {confirmDelete && (
        <ConfirmDialog
          title="Delete this goal?"
          confirmLabel="Delete"
          danger
          onCancel={() => setConfirmDelete(false)}
          onConfirm={async () => {
            setConfirmDelete(false);
            const r = await mutate('goal.delete@1', { id: g.id });
            if (r.ok) {
              navigate('/goals', { replace: true });
              toast('Goal deleted');
            } else toast(describeError(r.error));
          }}
        >
          Its key results and check-ins go with it. Linked wins stay.
        </ConfirmDialog>
      )}
    </Screen>
  );
}
