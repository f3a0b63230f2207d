import type { GoalSummary } from '@merit/shared/domain/dashboard';
import { useGoalSummaries } from '@/db/goal-hooks';
import { PlusIcon } from '@/ui/icons';
import { Link } from '@/ui/router';
import { EmptyState, Screen, Spinner } from '@/ui/screen';
import { GoalCard } from './goal-card';
import { ThresholdSetting } from './threshold-setting';

const running = (s: GoalSummary) => s.goal.status === 'active' || s.goal.status === 'proposed';

/** The person's goals: proposals and running ones first (soonest due first), then the ones that ended. */
export default function GoalsScreen({
  isManager,
  isHr = false,
  threshold = 0.7,
}: {
  isManager: boolean;
  isHr?: boolean;
  threshold?: number;
}) {
  const goals = useGoalSummaries();
  const open = goals?.filter(running) ?? [];
  const ended = goals?.filter((s) => !running(s)).reverse() ?? [];
  return (
    <Screen
      title="Goals"
      actions={
        <Link href="/goals/new" className="btn btn-primary btn-small">
          <PlusIcon width={18} height={18} /> New goal
        </Link>
      }
    >
      {isManager && (
        <Link href="/team" className="card team-link">
          <span className="team-link-title">Your team</span>
          <span className="muted">Goals, check-ins and shared wins of your reports</span>
        </Link>
      )}
      {goals === undefined ? (
        <Spinner label="Loading goals" />
      ) : goals.length === 0 ? (
        <EmptyState
          title="No goals yet"
          action={
            <Link href="/goals/new" className="btn btn-primary">
              Set your first goal
            </Link>
          }
        >
          An objective and two or three measurable key results. Check in weekly and Merit tells you if you are on track.
        </EmptyState>
      ) : (
        <>
          {open.length > 0 && (
            <ul className="goal-list" aria-label="Current goals">
              {open.map((s) => (
                <GoalCard key={s.goal.id} summary={s} href={`/goals/${s.goal.id}`} />
              ))}
            </ul>
          )}
          {ended.length > 0 && (
            <>
              <h2 className="section-title section-gap">Finished</h2>
              <ul className="goal-list" aria-label="Finished goals">
                {ended.map((s) => (
                  <GoalCard key={s.goal.id} summary={s} href={`/goals/${s.goal.id}`} />
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {isHr && <ThresholdSetting threshold={threshold} />}
    </Screen>
  );
}
