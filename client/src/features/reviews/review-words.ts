import type { Review, ReviewState } from '@merit/shared/domain/review';
import { formatDay } from '@/ui/format';

/** A review's state in words, for the person looking at it (the reviewee or the manager). */
export function stateWords(state: ReviewState, as: 'reviewee' | 'manager'): { label: string; tone: 'ok' | 'warn' | 'muted' } {
  switch (state) {
    case 'not_started':
      return as === 'reviewee' ? { label: 'To do', tone: 'warn' } : { label: 'Self-review not started', tone: 'muted' };
    case 'self_in_progress':
      return as === 'reviewee' ? { label: 'Draft', tone: 'warn' } : { label: 'Self-review in progress', tone: 'muted' };
    case 'self_submitted':
      return as === 'reviewee' ? { label: 'Submitted', tone: 'muted' } : { label: 'Ready for you', tone: 'warn' };
    case 'manager_in_progress':
      return as === 'reviewee' ? { label: 'With your manager', tone: 'muted' } : { label: 'Your draft', tone: 'warn' };
    case 'manager_submitted':
      return as === 'reviewee' ? { label: 'With your manager', tone: 'muted' } : { label: 'Ready to sign off', tone: 'warn' };
    case 'signed_off':
      return as === 'reviewee' ? { label: 'Signed off: read it', tone: 'warn' } : { label: 'Signed off', tone: 'ok' };
    case 'acknowledged':
      return { label: 'Acknowledged', tone: 'ok' };
  }
}

/** The deadline that matters to this person now, or null once their part is done. */
export function deadlineFor(r: Pick<Review, 'state' | 'selfDeadline' | 'managerDeadline'>, as: 'reviewee' | 'manager'): string | null {
  if (as === 'reviewee') return r.state === 'not_started' || r.state === 'self_in_progress' ? r.selfDeadline : null;
  return r.state === 'self_submitted' || r.state === 'manager_in_progress' || r.state === 'manager_submitted' ? r.managerDeadline : null;
}

/** Reviews needing action first, then by deadline. */
export function needsAction(state: ReviewState, as: 'reviewee' | 'manager'): boolean {
  return stateWords(state, as).tone === 'warn';
}

/**
 * A refusal of the local rule, in words for the form. Nothing was written and the person's text is still in
 * the field, so the server's "kept in your inbox" (true only for a refused sync) is left out.
 */
export const localRefusal = (message: string) => message.replace(/[;.] [Yy]our text is kept in your inbox\.?$/, '.');

/** The day a review step happened (an epoch-ms stamp), in words; '' for a step not taken. */
export const dayOf = (ms: number | null) => (ms === null ? '' : formatDay(new Date(ms).toISOString().slice(0, 10)));
