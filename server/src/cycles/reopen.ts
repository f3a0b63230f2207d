import { audit } from '../audit/audit';
import type { Queryable } from '../db/client';
import { domainError } from '../errors';
import { notify } from '../notifications/notify';

/**
 * HR reopens a signed-off or acknowledged review: back to `manager_in_progress`, reopen_count + 1, sign-off
 * and acknowledgement cleared, so it must be signed off again. The same transition as reviews-A's
 * `reopenReview` in shared/src/domain/review.ts (not on this branch yet, so written here in SQL with the
 * same state names; switch to the shared rule once it is merged). Audited with the reason; the reviewee
 * and the manager get an in-app notification. Returns the people to poke after commit.
 */
export async function reopen(q: Queryable, actorId: string, reviewId: string, reason: string, now = Date.now()): Promise<string[]> {
  const rows = await q.query<{
    owner_id: string;
    manager_id: string | null;
    state: string;
    cycle_id: string;
    cycle_name: string;
    reopen_count: number;
  }>('select owner_id, manager_id, state, cycle_id, cycle_name, reopen_count from review where id = $1 and not deleted for update', [
    reviewId,
  ]);
  const r = rows[0];
  if (!r) throw domainError('NOT_FOUND', 'No such review', 'reviewId');
  if (r.state !== 'signed_off' && r.state !== 'acknowledged')
    throw domainError('CONFLICT', 'Only a signed-off review can be reopened', 'reviewId');
  await q.query(
    `with b as (insert into space (id, version) values ($2, 1) on conflict (id) do update set version = space.version + 1 returning version)
     update review set state = 'manager_in_progress', reopen_count = reopen_count + 1, manager_submitted_at = null,
       signed_off_at = null, acknowledged_at = null, ack_comment = '', updated_at = $3, version = (select version from b)
     where id = $1`,
    [reviewId, r.owner_id, now],
  );
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
