import { answeredBySide, deadlinePassed, type Review, type Side } from '@merit/shared/domain/review';
import type { Answer, Question, Section } from '@merit/shared/domain/review-template';
import type { EvidenceItem } from '@/db/hooks';
import { useReviewGoals } from '@/db/review-hooks';
import { formatDay } from '@/ui/format';
import { GoalProgressList } from '@/ui/goal-progress-list';
import { AnswerView, type CiteView } from './question-field';

/** The cited items of an answer with their titles, from the evidence this device holds. */
export function citeViews(answer: Answer | undefined, evidence: readonly EvidenceItem[] | undefined): CiteView[] {
  return (answer?.cites ?? []).map((c) => ({
    ...c,
    title: evidence?.find((e) => e.table === c.table && e.id === c.id)?.title ?? 'Cited item',
  }));
}

export function ReviewHead({ review, who, due }: { review: Review; who: string; due: string | null }) {
  // A hint only: this device's clock may be wrong, so nothing is refused on it; the server decides (S1, S51).
  const late = due !== null && deadlinePassed(due, Date.now()) && !(due === review.managerDeadline && review.reopenCount > 0);
  return (
    <div className="review-head">
      <p className="review-head-who">{who}</p>
      <p className="review-head-sub">
        {review.cycleName} · {formatDay(review.periodStart)} – {formatDay(review.periodEnd)}
        {due && <> · due {formatDay(due)}</>}
      </p>
      {late && (
        <p className="notice" role="status">
          By this device's clock the deadline has passed. Your changes are still saved and sent: the server decides, and anything it refuses
          comes back to your inbox with your text.
        </p>
      )}
    </div>
  );
}

/** The sections of a template with the questions one side answers (`sides` both: every question). */
export function sectionsFor(template: readonly Section[], sides: readonly Side[]) {
  return template
    .map((s) =>
      s.kind === 'questions'
        ? { section: s, questions: s.questions.filter((q) => sides.some((side) => answeredBySide(q, side))) }
        : { section: s, questions: [] },
    )
    .filter((x) => x.section.kind === 'goals' || x.questions.length > 0);
}

/** The goals section: the reviewee's goals of the period with their progress, from this device. */
export function GoalsSection({ review }: { review: Pick<Review, 'ownerId' | 'periodStart' | 'periodEnd'> }) {
  const goals = useReviewGoals(review.ownerId, review.periodStart, review.periodEnd);
  return <GoalProgressList goals={goals} empty="No shared goals for this period on this device." />;
}

/** Every question with the answers of the sides given, read-only. */
export function AnswersReadOnly({
  review,
  sides,
  evidence,
  names,
  goals = true,
}: {
  review: Review;
  sides: readonly Side[];
  evidence: readonly EvidenceItem[] | undefined;
  names: Record<Side, string>;
  /** false where the goals section is already on screen beside this (the manager's two columns). */
  goals?: boolean;
}) {
  return (
    <div className="stack">
      {sectionsFor(review.template, sides)
        .filter(({ section }) => goals || section.kind !== 'goals')
        .map(({ section, questions }) => (
          <section key={section.id} className="card review-section" aria-labelledby={`sec-${section.id}`}>
            <h2 className="section-title" id={`sec-${section.id}`}>
              {section.title}
            </h2>
            {section.kind === 'goals' ? (
              <GoalsSection review={review} />
            ) : (
              questions.map((q: Question) => (
                <div key={q.id} className="answer-block">
                  <h3 className="answer-prompt">
                    {q.kind === 'competency' && q.competency.name !== q.prompt ? `${q.competency.name}: ${q.prompt}` : q.prompt}
                  </h3>
                  {sides
                    .filter((side) => answeredBySide(q, side))
                    .map((side) => {
                      const a = (side === 'self' ? review.selfAnswers : review.managerAnswers)[q.id];
                      return <AnswerView key={side} question={q} answer={a} cites={citeViews(a, evidence)} who={names[side]} />;
                    })}
                </div>
              ))
            )}
          </section>
        ))}
    </div>
  );
}
