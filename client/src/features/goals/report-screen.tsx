import type { Review } from '@merit/shared/domain/review';
import { useGoalSummaries, useWinsOf } from '@/db/goal-hooks';
import { useReviews } from '@/db/hooks';
import { useSharedFeedbackOf } from '@/db/notes-hooks';
import { formatDay } from '@/ui/format';
import { PlusIcon } from '@/ui/icons';
import { Link } from '@/ui/router';
import { EmptyState, Screen, Spinner } from '@/ui/screen';
import { GoalCard } from './goal-card';
import { useTeam } from './use-online-lists';

const REVIEW_STATE_WORDS: Record<Review['state'], string> = {
  not_started: 'Self-review not started',
  self_in_progress: 'Self-review in progress',
  self_submitted: 'Self-review in: your turn',
  manager_in_progress: 'Your review in progress',
  manager_submitted: 'Ready to sign off',
  signed_off: 'Signed off',
  acknowledged: 'Acknowledged',
};

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
  const feedback = useSharedFeedbackOf(personId);
  const reviews = (useReviews() ?? []).filter((r) => r.ownerId === personId && !r.deleted);
  const first = person?.name.split(/\s+/)[0] ?? 'Your report';
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
      <h2 className="section-title section-gap">Feedback shared with you</h2>
      {feedback === undefined ? (
        <Spinner label="Loading feedback" />
      ) : feedback.length === 0 ? (
        <p className="muted">No feedback shared with you yet. {first} chooses, for each piece, whether you see it.</p>
      ) : (
        <ul className="card-list" aria-label="Feedback shared with you">
          {feedback.map((f) => (
            <li key={f.id} className="card">
              <p className="muted">
                From {f.fromName} · <time dateTime={f.date}>{formatDay(f.date)}</time>
              </p>
              <p className="answer-text">{f.body}</p>
            </li>
          ))}
        </ul>
      )}
      <h2 className="section-title section-gap">Reviews</h2>
      {reviews.length === 0 ? (
        <p className="muted">No reviews yet.</p>
      ) : (
        <ul className="card-list" aria-label="Reviews">
          {reviews.map((r) => (
            <li key={r.id}>
              <Link href={`/reviews/${r.id}`} className="card team-link">
                <span className="team-link-title">{r.cycleName}</span>
                <span className="muted">{REVIEW_STATE_WORDS[r.state]}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Screen>
  );
}
