import type { KrStatus } from '@merit/shared/domain/dashboard';
import type { Goal } from '@merit/shared/domain/goal';
import { lazy, Suspense } from 'react';
import { formatDay, plural } from '@/ui/format';
import { ProgressBar } from '@/ui/progress-bar';
import { Link } from '@/ui/router';
import { forecastWords, krValue } from './format';

const KrChart = lazy(() => import('./kr-chart'));

function ForecastLine({ k, goal }: { k: KrStatus; goal: Goal }) {
  const f = k.forecast;
  const badge =
    f.kind === 'not-enough-data' ? (
      <span className="badge badge-muted">Not enough data</span>
    ) : f.onTrack ? (
      <span className="badge badge-ok">On track</span>
    ) : (
      <span className="badge badge-bad">At risk</span>
    );
  return (
    <p className="kr-forecast">
      {badge} <span>{forecastWords(k)}</span>
      {goal.dueDate && f.kind === 'projection' && <span className="visually-hidden"> ({formatDay(goal.dueDate)})</span>}
    </p>
  );
}

/** One key result on a goal's page: where it stands, the forecast, the chart, the history, and the way to check in. */
export function KrCard({ k, goal, canCheckIn }: { k: KrStatus; goal: Goal; canCheckIn: boolean }) {
  const kr = k.kr;
  const history = [...k.checkins].reverse();
  return (
    <li className="card kr-card">
      <div className="kr-head">
        <h3 className="kr-title">{kr.title}</h3>
        {canCheckIn && goal.status !== 'proposed' && (
          <Link href={`/goals/${goal.id}/checkin/${encodeURIComponent(kr.id)}`} className="btn btn-secondary btn-small">
            Check in
          </Link>
        )}
      </div>
      <p className="kr-now">
        <strong>{krValue(kr, k.current)}</strong>
        {kr.kind !== 'done' && <span className="muted"> of {krValue(kr, kr.target)}</span>}
        {k.latestConfidence !== null && <span className="muted"> · confidence {k.latestConfidence}/10</span>}
      </p>
      <ProgressBar raw={k.progress.raw} label={`Progress of ${kr.title}`} />
      {kr.kind !== 'done' && <ForecastLine k={k} goal={goal} />}
      {k.checkins.length > 0 && kr.kind !== 'done' && (
        <Suspense fallback={<div className="kr-chart kr-chart-loading" />}>
          <KrChart
            points={k.checkins}
            start={kr.start}
            target={kr.target}
            periodStart={goal.periodStart}
            dueDate={goal.dueDate}
            label={`Chart of ${kr.title}: ${k.checkins.length} check-ins, now ${krValue(kr, k.current)}, target ${krValue(kr, kr.target)}`}
          />
        </Suspense>
      )}
      {history.length > 0 && (
        <details className="kr-history">
          <summary>
            {plural(history.length, 'check-in')}, last {formatDay(history[0]?.date ?? '')}
          </summary>
          <ol className="checkin-list">
            {history.map((c) => (
              <li key={c.id} className="checkin-item">
                <span className="checkin-date">
                  <time dateTime={c.date}>{formatDay(c.date)}</time>
                </span>
                <span className="checkin-value">{krValue(kr, c.value)}</span>
                <span className="checkin-confidence muted">confidence {c.confidence}/10</span>
                {c.note && <span className="checkin-note">{c.note}</span>}
              </li>
            ))}
          </ol>
        </details>
      )}
    </li>
  );
}
