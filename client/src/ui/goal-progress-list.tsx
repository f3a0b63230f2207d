import type { KrKind } from '@merit/shared/domain/goal';
import type { ReviewGoal } from '@merit/shared/domain/review-goals';
import { formatDay } from './format';

const num = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const pct = (share: number) => `${Math.round(share * 100)}%`;

/** A key result's value in its own terms ("12 deals", "35%", "EUR 1,200", "Done"), as the goal screens write it. */
function value(kind: KrKind, unit: string, v: number): string {
  if (kind === 'done') return v >= 1 ? 'Done' : 'Not done';
  if (kind === 'percent') return `${num.format(v)}%`;
  if (kind === 'currency') return unit ? `${unit} ${num.format(v)}` : num.format(v);
  return unit ? `${num.format(v)} ${unit}` : num.format(v);
}

const STATUS: Record<ReviewGoal['status'], { text: string; badge: string }> = {
  proposed: { text: 'Proposed', badge: 'badge-muted' },
  active: { text: 'Active', badge: 'badge-muted' },
  achieved: { text: 'Achieved', badge: 'badge-ok' },
  missed: { text: 'Missed', badge: 'badge-bad' },
  dropped: { text: 'Dropped', badge: 'badge-muted' },
};

/** The bar fills to its end; the number tells over-achievement (130%). */
function Bar({ share, label }: { share: number | null; label: string }) {
  const fill = share === null ? 0 : Math.min(1, Math.max(0, share));
  return (
    <div className="progress progress-small">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fill * 100)}
        aria-valuetext={share === null ? 'No key results' : pct(share)}
      >
        <div className={`progress-fill${share !== null && share > 1 ? ' progress-over' : ''}`} style={{ width: `${fill * 100}%` }} />
      </div>
      <span className="progress-number" aria-hidden="true">
        {share === null ? '–' : pct(share)}
      </span>
    </div>
  );
}

/**
 * The goals section of a review (the employee's, the manager's and HR's print view): each goal of the period with
 * its status, overall progress and key results, current against target. Data comes in; this reads nothing.
 */
export function GoalProgressList({ goals, empty }: { goals: readonly ReviewGoal[] | undefined; empty: string }) {
  if (goals === undefined) return null;
  if (goals.length === 0) return <p className="field-hint">{empty}</p>;
  return (
    <ul className="plain-list review-goals" aria-label="Goals of the period">
      {goals.map((g) => (
        <li key={g.id} className="review-goal">
          <div className="review-goal-head">
            <span className="review-goal-title">{g.title}</span>
            <span className={`badge ${STATUS[g.status].badge}`}>{STATUS[g.status].text}</span>
          </div>
          <p className="review-goal-due">
            {formatDay(g.periodStart)} – {formatDay(g.dueDate)}
          </p>
          <Bar share={g.progress} label={`${g.title}: progress`} />
          <ul className="plain-list review-goal-krs">
            {g.krs.map((k) => (
              <li key={k.id}>
                <span>{k.title}</span>{' '}
                <span className="review-goal-kr-figure">
                  {value(k.kind, k.unit, k.current)} of {value(k.kind, k.unit, k.target)} · {pct(k.progress)}
                </span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
