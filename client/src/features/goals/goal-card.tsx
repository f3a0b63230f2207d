import type { GoalSummary } from '@merit/shared/domain/dashboard';
import { formatDay, plural } from '@/ui/format';
import { ChevronIcon, LockIcon } from '@/ui/icons';
import { ProgressBar } from '@/ui/progress-bar';
import { Link } from '@/ui/router';
import { goalBadge } from './format';

/** One goal in a list: title, due date, status or outlook, progress, confidence; the whole card is the link. */
export function GoalCard({ summary, href }: { summary: GoalSummary; href: string }) {
  const g = summary.goal;
  const badge = goalBadge(summary);
  return (
    <li className="goal-card">
      <Link href={href} className="goal-link">
        <span className="goal-head">
          <span className="goal-title">{g.title}</span>
          <span className={`badge ${badge.className}`}>{badge.text}</span>
        </span>
        <ProgressBar raw={summary.progress} label={`Progress of ${g.title}`} />
        <span className="goal-meta">
          <span>Due {formatDay(g.dueDate)}</span>
          <span>{plural(g.keyResults.length, 'key result')}</span>
          {summary.confidence !== null && <span>Confidence {Math.round(summary.confidence * 10) / 10}/10</span>}
          {g.visibility === 'private' && (
            <span className="goal-private">
              <LockIcon width={13} height={13} /> Private
            </span>
          )}
          {g.version === 0 && <span className="win-pending">Not synced yet</span>}
        </span>
        <ChevronIcon className="goal-chevron" width={18} height={18} aria-hidden="true" />
      </Link>
    </li>
  );
}
