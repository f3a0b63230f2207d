import { today } from '@merit/shared/domain/common';
import type { ReviewDeadline } from '@merit/shared/domain/dashboard';
import { useMemo } from 'react';
import { useDashboard } from '@/db/goal-hooks';
import { formatDay } from '@/ui/format';
import { ChevronIcon } from '@/ui/icons';
import { Link } from '@/ui/router';
import { percent } from './format';
import { GoalCard } from './goal-card';

interface Props {
  /** 0-1, set by HR; from the remembered `Me`, so it works offline. */
  threshold: number;
  /** Upcoming review deadlines, when the reviews feature has any; none shows nothing. */
  deadlines?: readonly ReviewDeadline[];
  now?: Date;
}

const NO_DEADLINES: readonly ReviewDeadline[] = [];

/** Home's goal part, computed on the device: the at-risk alert, current goals, the quarter, past achievement. */
export function HomeDashboard({ threshold, deadlines = NO_DEADLINES, now }: Props) {
  const day = today(now);
  const d = useDashboard(day, threshold, deadlines);
  const periods = useMemo(() => d?.achievement.slice(-4) ?? [], [d]);
  if (!d) return null;
  return (
    <>
      {d.atRisk.length > 0 && (
        <section className="alert-card" aria-labelledby="at-risk-title">
          <h2 id="at-risk-title" className="alert-title">
            {d.atRisk.length === 1 ? '1 goal at risk' : `${d.atRisk.length} goals at risk`}
          </h2>
          <p className="alert-text">At the current pace it will not reach its target by the due date.</p>
          <ul className="alert-list">
            {d.atRisk.map((s) => (
              <li key={s.goal.id}>
                <Link href={`/goals/${s.goal.id}`} className="text-link">
                  {s.goal.title} <ChevronIcon width={16} height={16} />
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="stat-row">
        <div className="stat-card">
          <span className="stat-number">{d.winsThisQuarter}</span>
          <span className="stat-label">{d.winsThisQuarter === 1 ? 'win this quarter' : 'wins this quarter'}</span>
        </div>
        <div className="stat-card">
          <span className="stat-number">{d.goals.filter((s) => s.goal.status === 'active').length}</span>
          <span className="stat-label">active goals</span>
        </div>
      </div>
      <div className="section-head">
        <h2 className="section-title">Goals</h2>
        <Link href="/goals" className="text-link">
          {d.goals.length > 0 ? 'See all' : 'Set a goal'} <ChevronIcon width={16} height={16} />
        </Link>
      </div>
      {d.goals.length > 0 ? (
        <ul className="goal-list" aria-label="Current goals">
          {d.goals.slice(0, 3).map((s) => (
            <GoalCard key={s.goal.id} summary={s} href={`/goals/${s.goal.id}`} />
          ))}
        </ul>
      ) : (
        <p className="muted">No goals yet. Set one, and check in weekly to see whether you are on track.</p>
      )}
      {periods.length > 0 && (
        <section className="card achievement" aria-labelledby="achievement-title">
          <h2 id="achievement-title" className="section-title">
            Achievement rate
          </h2>
          <p className="muted">Key results that reached at least {percent(threshold)} of their target, by quarter due.</p>
          <ul className="period-bars">
            {periods.map((p) => (
              <li key={p.period} className="period-bar">
                <span className="period-name">{p.period.replace('-', ' ')}</span>
                <span className="period-track" aria-hidden="true">
                  <span className="period-fill" style={{ width: `${(p.rate ?? 0) * 100}%` }} />
                </span>
                <span className="period-value">
                  {p.rate === null ? '–' : percent(p.rate)}{' '}
                  <span className="muted">
                    ({p.achieved}/{p.total})
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {d.deadlines.length > 0 && (
        <section aria-labelledby="deadlines-title">
          <h2 id="deadlines-title" className="section-title">
            Coming up
          </h2>
          <ul className="deadline-list">
            {d.deadlines.map((x) => (
              <li key={x.id}>
                <time dateTime={x.date}>{formatDay(x.date)}</time> {x.label}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
