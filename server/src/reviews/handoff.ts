import type { Review } from '@merit/shared/domain/review';
import { uuidv7 } from '@merit/shared/ids';
import type { Effect, Row } from '../sync/effects';

/**
 * Every hand-off is announced: a push effect writes an in-app notification into the next person's space, in
 * the same transaction as the step (so it exists exactly when the step does, once: S3's duplicate check runs
 * first), and the recipient's device pulls it like any row (S7/S8: it lives only in their space).
 *   self-review submitted -> the manager; signed off -> the employee; acknowledged (with the comment) -> the
 *   manager; feedback shared with the manager -> the manager. HR's reopen notifies both in cycles/reopen.ts.
 */
export const announceHandoff: Effect = async (view, name, table, prev, row) => {
  const base = name.split('@')[0] ?? '';
  const note = (to: string | null, title: string, body: string, link: string) => {
    if (!to || to === view.actor.personId) return;
    view.write('notifications', {
      id: uuidv7(view.now),
      ownerId: to,
      kind: 'info',
      title,
      body,
      link,
      createdAt: view.now,
      read: false,
      version: 0,
      deleted: false,
    } satisfies Row);
  };
  const nameOf = async (id: string) =>
    (await view.q.query<{ name: string }>('select name from person where id = $1', [id]))[0]?.name ?? 'Someone';

  if (table === 'reviews') {
    const r = row as unknown as Review;
    const link = `/reviews/${r.id}`;
    if (base === 'review.submitSelf')
      note(r.managerId, `${await nameOf(r.ownerId)} submitted their self-review`, `${r.cycleName}: it is ready for your review.`, link);
    else if (base === 'review.signOff')
      note(r.ownerId, `Your review in ${r.cycleName} is signed off`, 'Read what your manager wrote, then acknowledge it.', link);
    else if (base === 'review.acknowledge')
      note(
        r.managerId,
        `${await nameOf(r.ownerId)} acknowledged their review`,
        r.ackComment ? `${r.cycleName}. Their comment: “${r.ackComment}”` : `${r.cycleName}. No comment.`,
        link,
      );
    return null;
  }
  if (table === 'feedback' && (base === 'feedback.create' || base === 'feedback.update')) {
    const sharedNow = row.visibility === 'manager' && row.deleted !== true;
    const sharedBefore = prev?.visibility === 'manager' && prev.deleted !== true;
    if (!sharedNow || sharedBefore) return null;
    const owner = String(row.ownerId);
    const p = (
      await view.q.query<{ name: string; manager_id: string | null }>('select name, manager_id from person where id = $1', [owner])
    )[0];
    if (p?.manager_id) note(p.manager_id, `${p.name} shared feedback with you`, `From ${String(row.fromName)}.`, `/team/${owner}`);
  }
  return null;
};
