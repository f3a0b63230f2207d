import { useGoalSummaries, useWinsOf } from '@/db/goal-hooks';
import { formatDay } from '@/ui/format';
import { PlusIcon } from '@/ui/icons';
import { Link } from '@/ui/router';
import { EmptyState, Screen, Spinner } from '@/ui/screen';
import { GoalCard } from './goal-card';
import { useTeam } from './use-online-lists';

/**
 * One report as their manager sees them: the goals they share (never private ones: the server does not send
 * those), their check-ins through each goal's page, the wins they shared, and the way to the manager's private notes
 * about them (the notes feature's `/team/<id>/notes`).
 */
export default function ReportScreen({ personId }: { personId: string }) {
  const team = useTeam();
  const person = team?.find((m) => m.id === personId);
  const goals = useGoalSummaries(personId);
  const wins = useWinsOf(personId);
  return (
    <Screen
      title={person?.name ?? 'Report'}
      actions={
        <Link href={`/team/${personId}/propose`} className="btn btn-secondary btn-small">
          <PlusIcon width={18} height={18} /> Propose a goal
        </Link>
      }
    >
      <h2 className="section-title">Shared goals</h2>
      {goals === undefined ? (
        <Spinner label="Loading goals" />
      ) : goals.length === 0 ? (
        <EmptyState title="No shared goals">Goals they share with you, or with everyone, appear here.</EmptyState>
      ) : (
        <ul className="goal-list" aria-label="Shared goals">
          {goals.map((s) => (
            <GoalCard key={s.goal.id} summary={s} href={`/goals/${s.goal.id}`} />
          ))}
        </ul>
      )}
      <Link href={`/team/${personId}/notes`} className="card team-link">
        <span className="team-link-title">Your private notes</span>
        <span className="muted">Only you can read them, never {person?.name ?? 'your report'} or HR</span>
      </Link>
      <h2 className="section-title section-gap">Shared wins</h2>
      {wins === undefined ? (
        <Spinner label="Loading wins" />
      ) : wins.length === 0 ? (
        <p className="muted">No wins shared with you yet.</p>
      ) : (
        <ul className="goal-wins" aria-label="Shared wins">
          {wins.map((w) => (
            <li key={w.id}>
              <time dateTime={w.date} className="muted">
                {formatDay(w.date)}
              </time>{' '}
              {w.title}
            </li>
          ))}
        </ul>
      )}
    </Screen>
  );
}
