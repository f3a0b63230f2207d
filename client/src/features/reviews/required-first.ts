import { missingRequired, type Review } from '@merit/shared/domain/review';

/**
 * Submit checks before it asks: the first required question left empty is named, scrolled to and focused, so
 * the person lands on it instead of reading an error at the bottom. Returns true when nothing is missing.
 */
export function requireAnswers(review: Review, side: 'self' | 'manager', say: (message: string | null) => void): boolean {
  const missing = missingRequired(review, side);
  const first = missing[0];
  if (!first) {
    say(null);
    return true;
  }
  say(`Answer “${first.prompt}” first: it is required${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''}.`);
  // After the error renders (and a tab switch, if any): bring the question into view and put the cursor in it.
  requestAnimationFrame(() => {
    const box = document.querySelector<HTMLElement>(`[data-question=${JSON.stringify(first.id)}]`);
    box?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    box?.querySelector<HTMLElement>('textarea, input, select, button')?.focus({ preventScroll: true });
  });
  return false;
}

/** The reason HR gave for reopening, from the reopen notification this person received (the review row does not carry it). */
export function reopenReason(
  notes: readonly { kind: string; link: string; body: string; createdAt: number }[] | undefined,
  reviewId: string,
) {
  const n = (notes ?? [])
    .filter((x) => x.kind === 'reopened' && x.link === `/reviews/${reviewId}`)
    .sort((a, b) => b.createdAt - a.createdAt)[0];
  return n ? n.body.replace(/^HR reopened it: /, '') : null;
}
