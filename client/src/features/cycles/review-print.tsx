import type { Answer } from '@merit/shared/domain/review-template';
import { useQuery } from '@tanstack/react-query';
import { describeError } from '@/lib/errors';
import { trpc } from '@/lib/trpc';
import { formatDay } from '@/ui/format';
import { GoalProgressList } from '@/ui/goal-progress-list';
import { EmptyState, Screen, Spinner } from '@/ui/screen';
import { STATE_WORDS } from './labels';

function AnswerView({ who, a }: { who: string; a: Answer | undefined }) {
  if (!a || (a.rating == null && !a.text)) return <p className="muted">{who}: no answer</p>;
  return (
    <p>
      <strong>{who}:</strong> {a.rating != null && <span className="badge badge-muted">{a.rating}</span>} {a.text}
    </p>
  );
}

/** One review, both sides, laid out for paper (the browser's print turns it into a PDF). */
export function ReviewPrint({ reviewId }: { reviewId: string }) {
  const r = useQuery({ queryKey: ['review-print', reviewId], queryFn: () => trpc.cycles.review.query({ reviewId }) });
  if (r.isPending) return <Spinner label="Loading the review" />;
  if (r.error) return <EmptyState title="Could not load this review">{describeError(r.error)}</EmptyState>;
  const v = r.data;
  return (
    <Screen
      title={`${v.personName} · ${v.cycleName}`}
      actions={
        <button type="button" className="btn btn-secondary btn-small no-print" onClick={() => window.print()}>
          Print
        </button>
      }
      lead={`${v.department || 'No department'} · manager ${v.managerName ?? 'none'} · ${formatDay(v.periodStart)} – ${formatDay(v.periodEnd)} · ${STATE_WORDS[v.state as keyof typeof STATE_WORDS] ?? v.state}`}
    >
      <article className="print-view hr-wide">
        {v.template.map((s) => (
          <section key={s.id} className="card">
            <h2 className="section-title">{s.title}</h2>
            {s.kind === 'goals' ? (
              <GoalProgressList goals={v.goals} empty="No shared goals for this period." />
            ) : (
              s.questions.map((q) => (
                <div key={q.id} className="print-question">
                  <h3 className="preview-prompt">{q.prompt}</h3>
                  {q.answeredBy !== 'manager' && <AnswerView who="Employee" a={v.selfAnswers[q.id]} />}
                  {q.answeredBy !== 'self' && <AnswerView who="Manager" a={v.managerAnswers[q.id]} />}
                </div>
              ))
            )}
          </section>
        ))}
        {v.acknowledgedAt !== null && (
          <p className="muted">
            Acknowledged {new Date(v.acknowledgedAt).toISOString().slice(0, 10)}
            {v.ackComment ? `: “${v.ackComment}”` : ''}
          </p>
        )}
      </article>
    </Screen>
  );
}
