import type { ReviewGoal } from '@merit/shared/domain/review-goals';
import { formatDay, krValue, percent } from './format';
import { ProgressBar } from './progress-bar';

const STATUS: Record<ReviewGoal['status'], { text: string; badge: string }> = {
  proposed: { text: 'Proposed', badge: 'badge-muted' },
  active: { text: 'Active', badge: 'badge-muted' },
  achieved: { text: 'Achieved', badge: 'badge-ok' },
  missed: { text: 'Missed', badge: 'badge-bad' },
  dropped: { text: 'Dropped', badge: 'badge-muted' },
};

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
          <ProgressBar raw={g.progress} label={`${g.title}: progress`} size="small" />
          <ul className="plain-list review-goal-krs">
            {g.krs.map((k) => (
              <li key={k.id}>
                <span>{k.title}</span>{' '}
                <span className="review-goal-kr-figure">
                  {krValue(k, k.current)} of {krValue(k, k.target)} · {percent(k.progress)}
                </span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
