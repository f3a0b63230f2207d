import { type Review, reopenReview } from '@merit/shared/domain/review';
import { audit } from '../audit/audit';
import type { Queryable } from '../db/client';
import { domainError } from '../errors';
import { notify } from '../notifications/notify';
import { bumpSpaces } from '../sync/space-version';
import { loadForUpdate, upsert } from '../sync/tables';

/**
 * HR reopens a signed-off or acknowledged review through the shared rule `reopenReview`
 * (shared/src/domain/review.ts): back to `manager_in_progress`, reopen count + 1, sign-off and acknowledgement
 * cleared, so it must be signed off again. Audited with the reason; the reviewee and the manager get an in-app
 * notification. Returns the people to poke after commit.
 */
export async function reopen(q: Queryable, actorId: string, reviewId: string, reason: string, now = Date.now()): Promise<string[]> {
  const prev = (await loadForUpdate(q, 'reviews', reviewId)) as Review | undefined;
  const next = reopenReview(prev, reason, { actor: { personId: actorId, role: 'hr' }, now });
  if (!next.ok) throw domainError(next.error.code, next.error.message, next.error.field === 'reason' ? 'reason' : 'reviewId');
  const r = next.value;
  // One bump for the review and both notifications (S60): the reviewee's space twice, the manager's once.
  const versions = await bumpSpaces(q, [r.ownerId, r.ownerId, ...(r.managerId ? [r.managerId] : [])]);
  await upsert(q, 'reviews', { ...r, version: versions.take(r.ownerId) });
  await audit(q, {
    actorId,
    action: 'review.reopen',
    subjectId: r.ownerId,
    details: { cycleId: r.cycleId, reviewId, reason, from: prev?.state ?? '', reopenCount: r.reopenCount },
  });
  const link = `/reviews/${reviewId}`;
  const body = `HR reopened it: ${reason}`;
  const to = [
    { to: r.ownerId, kind: 'reopened' as const, title: `Your review in ${r.cycleName} was reopened`, body, link },
    ...(r.managerId
      ? [{ to: r.managerId, kind: 'reopened' as const, title: `A review you signed off in ${r.cycleName} was reopened`, body, link }]
      : []),
  ];
  return notify(q, to, now, versions);
}
