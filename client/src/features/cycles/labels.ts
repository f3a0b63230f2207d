import type { ReviewState } from '@merit/shared/domain/cycle';
import type { Answerer, Question } from '@merit/shared/domain/review-template';

export const STATE_WORDS: Record<ReviewState, string> = {
  not_started: 'Not started',
  self_in_progress: 'Self-review in progress',
  self_submitted: 'Self-review submitted',
  manager_in_progress: 'Manager review in progress',
  manager_submitted: 'Manager review submitted',
  signed_off: 'Signed off',
  acknowledged: 'Acknowledged',
};

export const stateTone = (s: ReviewState): 'ok' | 'warn' | 'muted' =>
  s === 'signed_off' || s === 'acknowledged' ? 'ok' : s === 'not_started' ? 'muted' : 'warn';

export const ANSWERER_WORDS: Record<Answerer, string> = { self: 'Employee', manager: 'Manager', both: 'Both' };
export const KIND_WORDS: Record<Question['kind'], string> = { rating: 'Rating', competency: 'Competency', text: 'Free text' };

export const percent = (n: number, total: number) => (total === 0 ? 0 : Math.round((n / total) * 100));
