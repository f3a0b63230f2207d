import type { Review, Side } from './review';
import type { Answer, Question, Section } from './review-template';

// Reading a review's template and answers: which questions a side answers, and which required ones are still open.

/** Every question of the template, in order. */
export function questionsOf(template: readonly Section[]): Question[] {
  return template.flatMap((s) => (s.kind === 'questions' ? s.questions : []));
}

export const answeredBySide = (q: Question, side: Side) => q.answeredBy === 'both' || q.answeredBy === side;

/** An answer counts when it has a rating (rating questions) or non-blank text (text questions). */
export function isAnswered(q: Question, a: Answer | undefined): boolean {
  if (!a) return false;
  return q.kind === 'text' ? (a.text ?? '').trim().length > 0 : typeof a.rating === 'number';
}

/** Required questions of a side still unanswered. */
export function missingRequired(r: Pick<Review, 'template' | 'selfAnswers' | 'managerAnswers'>, side: Side): Question[] {
  const answers = side === 'self' ? r.selfAnswers : r.managerAnswers;
  return questionsOf(r.template).filter((q) => q.required && answeredBySide(q, side) && !isAnswered(q, answers[q.id]));
}
