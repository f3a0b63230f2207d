import { type Review, reopenReview } from '@merit/shared/domain/review';
import { audit } from '../audit/audit';
import type { Queryable } from '../db/client';
import { domainError } from '../errors';
import { notify } from '../notifications/notify';
import { bumpSpace, loadForUpdate, upsert } from '../sync/tables';

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
  const r = {
    owner_id: next.value.ownerId,
    manager_id: next.value.managerId,
    state: prev?.state ?? '',
    cycle_id: next.value.cycleId,
    cycle_name: next.value.cycleName,
    reopen_count: next.value.reopenCount - 1,
  };
  await upsert(q, 'reviews', { ...next.value, version: await bumpSpace(q, next.value.ownerId) });
  await audit(q, {
    actorId,
    action: 'review.reopen',
    subjectId: r.owner_id,
    details: { cycleId: r.cycle_id, reviewId, reason, from: r.state, reopenCount: r.reopen_count + 1 },
  });
  const link = `/reviews/${reviewId}`;
  const body = `HR reopened it: ${reason}`;
  const to = [
    { to: r.owner_id, kind: 'reopened' as const, title: `Your review in ${r.cycle_name} was reopened`, body, link },
    ...(r.manager_id
      ? [{ to: r.manager_id, kind: 'reopened' as const, title: `A review you signed off in ${r.cycle_name} was reopened`, body, link }]
      : []),
  ];
  return notify(q, to, now);
}
