import type { ReviewDeadline } from './dashboard';
import type { Review } from './review';

/** Review states in which each side still has work to do (DESIGN.md section 4's state machine). */
export const SELF_PENDING = ['not_started', 'self_in_progress'] as const satisfies readonly Review['state'][];
export const MANAGER_PENDING = ['self_submitted', 'manager_in_progress', 'manager_submitted'] as const satisfies readonly Review['state'][];
const SELF_OPEN = new Set<Review['state']>(SELF_PENDING);
const MANAGER_OPEN = new Set<Review['state']>(MANAGER_PENDING);

/**
 * The review deadlines home shows a person: their own self-review while it is not submitted, and the reviews
 * they write as a manager while not signed off, grouped per cycle and date ("3 reviews to write"), soonest
 * first. A deadline already past stays (it is the most urgent); nothing done is listed.
 */
export function upcomingReviewDeadlines(reviews: readonly Review[], me: string, name: (id: string) => string): ReviewDeadline[] {
  const out: ReviewDeadline[] = [];
  const asManager = new Map<string, Review[]>();
  for (const r of reviews) {
    if (r.deleted) continue;
    if (r.ownerId === me && SELF_OPEN.has(r.state))
      out.push({ id: `self:${r.id}`, label: `Your self-review · ${r.cycleName}`, date: r.selfDeadline });
    else if (r.managerId === me && r.ownerId !== me && MANAGER_OPEN.has(r.state)) {
      const key = `${r.cycleId}|${r.managerDeadline}`;
      const list = asManager.get(key);
      if (list) list.push(r);
      else asManager.set(key, [r]);
    }
  }
  for (const [key, list] of asManager) {
    const [first] = list;
    if (!first) continue;
    const who = list.length === 1 ? `Review of ${name(first.ownerId)}` : `${list.length} reviews to write`;
    out.push({ id: `manager:${key}`, label: `${who} · ${first.cycleName}`, date: first.managerDeadline });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.label.localeCompare(b.label));
}
