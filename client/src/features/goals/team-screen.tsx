import { today } from '@merit/shared/domain/common';
import { useTeamRows } from '@/db/goal-hooks';
import { formatDay } from '@/ui/format';
import { ChevronIcon } from '@/ui/icons';
import { Link } from '@/ui/router';
import { EmptyState, Screen, Spinner } from '@/ui/screen';
import { percent } from './format';
import { useTeam } from './use-online-lists';

const NONE: readonly never[] = [];

/** The manager's roll-up: each report's goal progress, at-risk count and last check-in, from synced data. */
export default function TeamScreen({ now }: { now?: Date }) {
  const team = useTeam();
  const rows = useTeamRows(team ?? NONE, today(now));
  return (
    <Screen title="Your team" lead="From the goals and check-ins your reports share with you.">
      {team === undefined || rows === undefined ? (
        <Spinner label="Loading team" />
      ) : team.length === 0 ? (
        <EmptyState title="No reports">People who report to you appear here. The list loads once you are online.</EmptyState>
      ) : (
        <ul className="goal-list" aria-label="Reports">
          {team.map((m, i) => {
            const r = rows[i];
            return (
              <li key={m.id} className="goal-card">
                <Link href={`/team/${m.id}`} className="goal-link">
                  <span className="goal-head">
                    <span className="goal-title">{m.name}</span>
                    {r && r.atRisk > 0 ? (
                      <span className="badge badge-bad">{r.atRisk} at risk</span>
                    ) : (
                      <span className="badge badge-muted">{r?.activeGoals ? 'No risks' : 'No shared goals'}</span>
                    )}
                  </span>
                  <span className="goal-meta">
                    {m.department && <span>{m.department}</span>}
                    <span>
                      {r?.activeGoals ?? 0} active {r?.activeGoals === 1 ? 'goal' : 'goals'}
                      {r?.progress != null && `, ${percent(r.progress)} on average`}
                    </span>
                    <span>{r?.lastCheckin ? `Last check-in ${formatDay(r.lastCheckin)}` : 'No check-ins yet'}</span>
                  </span>
                  <ChevronIcon className="goal-chevron" width={18} height={18} aria-hidden="true" />
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </Screen>
  );
}
