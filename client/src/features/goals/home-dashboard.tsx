import { today } from '@merit/shared/domain/common';
import { quartersBack, quartersShown, type ReviewDeadline } from '@merit/shared/domain/dashboard';
import { lazy, Suspense, useEffect, useState } from 'react';
import { DASHBOARD_QUARTERS, useDashboard } from '@/db/goal-hooks';
import { formatDay, plural } from '@/ui/format';
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
  /** Called once the dashboard has its figures and is on screen (home holds what sits below it until then). */
  onReady?: () => void;
}

const NO_DEADLINES: readonly ReviewDeadline[] = [];
const AchievementChart = lazy(() => import('./achievement-chart'));

/**
 * Today, moving on at midnight while home stays open: the month, the quarter and which goals have ended all turn
 * over then. A fixed `now` (tests) stays put.
 */
function useToday(now: Date | undefined): string {
  const [day, setDay] = useState(() => today());
  useEffect(() => {
    if (now) return;
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      const t = new Date();
      const untilMidnight = new Date(t.getFullYear(), t.getMonth(), t.getDate() + 1).getTime() - t.getTime();
      timer = setTimeout(() => {
        setDay(today());
        arm();
      }, untilMidnight + 1000);
    };
    arm();
    return () => clearTimeout(timer);
  }, [now]);
  return now ? today(now) : day;
}

/** Home's goal part, computed on the device: the at-risk alert, current goals, the quarter, past achievement. */
export function HomeDashboard({ threshold, deadlines = NO_DEADLINES, now, onReady }: Props) {
  const day = useToday(now);
  const d = useDashboard(day, threshold, deadlines);
  const ready = d !== undefined;
  useEffect(() => {
    if (ready) onReady?.();
  }, [ready, onReady]);
  if (!d) return null;
  const periods = quartersShown(d.achievement, quartersBack(day, DASHBOARD_QUARTERS - 1), day);
  return (
    <>
      {d.atRisk.length > 0 && (
        <section className="alert-card" aria-labelledby="at-risk-title">
          <h2 id="at-risk-title" className="alert-title">
            {`${plural(d.atRisk.length, 'goal')} at risk`}
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
      {d.deadlines.length > 0 && (
        <section className="card deadlines" aria-labelledby="deadlines-title">
          <h2 id="deadlines-title" className="section-title">
            Coming up
          </h2>
          <ul className="deadline-list">
            {d.deadlines.map((x) => (
              <li key={x.id}>
                <Link href="/reviews" className="deadline-link">
                  <span>
                    <span className="deadline-label">{x.label}</span>
                    <span className={x.date < day ? 'deadline-date overdue' : 'deadline-date'}>
                      {x.date < day ? 'Was due' : 'Due'} <time dateTime={x.date}>{formatDay(x.date)}</time>
                    </span>
                  </span>
                  <ChevronIcon width={16} height={16} />
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
      {d.achievement.length > 0 && (
        <section className="card achievement" aria-labelledby="achievement-title">
          <h2 id="achievement-title" className="section-title">
            Achievement rate
          </h2>
          <p className="muted">Key results that reached at least {percent(threshold)} of their target, by quarter due.</p>
          <Suspense fallback={<div className="achievement-chart" />}>
            <AchievementChart periods={periods} />
          </Suspense>
          <table className="visually-hidden">
            <caption>Achievement rate by quarter</caption>
            <thead>
              <tr>
                <th scope="col">Quarter</th>
                <th scope="col">Rate</th>
                <th scope="col">Key results reached</th>
              </tr>
            </thead>
            <tbody>
              {periods.map((p) => (
                <tr key={p.period}>
                  <th scope="row">{p.period.replace('-', ' ')}</th>
                  <td>{p.rate === null ? 'none' : percent(p.rate)}</td>
                  <td>{p.total === 0 ? 'no goal ended' : `${p.achieved} of ${p.total}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
