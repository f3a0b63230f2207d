import type { ExtendDeadlineInput } from '@merit/shared/domain/cycle';
import { audit } from '../audit/audit';
import type { Queryable } from '../db/client';
import { domainError } from '../errors';
import { bumpSpaces } from '../sync/space-version';
import { cycleById, lockCycle } from './cycles-repo';

/**
 * Moves deadlines of a whole cycle, or of one person's review. Every review touched gets a new version of its
 * space (S7), so devices pull the new dates; returns the reviewees to poke after commit.
 */
export async function extendDeadline(q: Queryable, actorId: string, input: ExtendDeadlineInput, now = Date.now()) {
  const cycle = await lockCycle(q, input.cycleId, 'cycleId');
  if (cycle.status !== 'launched') throw domainError('CONFLICT', "Change a draft cycle's deadlines with cycles.update", 'cycleId');
  const self = input.selfDeadline ?? null;
  const manager = input.managerDeadline ?? null;
  const one = input.personId ?? null;
  // Review rows in id order, as a push locks them (S60), then the spaces once, in one bump.
  const rows = await q.query<{ id: string; owner_id: string; self_deadline: string; manager_deadline: string }>(
    `select id, owner_id, self_deadline, manager_deadline from review
      where cycle_id = $1 and not deleted and ($2::uuid is null or owner_id = $2) order by id for update`,
    [cycle.id, one],
  );
  if (one !== null && rows.length === 0) throw domainError('NOT_FOUND', 'This person is not in the cycle', 'personId');
  for (const r of rows) {
    const s = self ?? r.self_deadline;
    const m = manager ?? r.manager_deadline;
    if (s > m)
      throw domainError('VALIDATION', `selfDeadline ${s} would fall after managerDeadline ${m}`, self ? 'selfDeadline' : 'managerDeadline');
  }
  const versions = await bumpSpaces(
    q,
    rows.map((r) => r.owner_id),
  );
  await q.query(
    `update review set self_deadline = coalesce($2::date, review.self_deadline),
                       manager_deadline = coalesce($3::date, review.manager_deadline), updated_at = $4, version = v.ver
       from unnest($1::uuid[], $5::bigint[]) as v(id, ver) where review.id = v.id`,
    [rows.map((r) => r.id), self, manager, now, rows.map((r) => versions.take(r.owner_id))],
  );
  if (one === null) {
    await q.query(
      'update review_cycle set self_deadline = coalesce($2::date, self_deadline), manager_deadline = coalesce($3::date, manager_deadline) where id = $1',
      [cycle.id, self, manager],
    );
  }
  await audit(q, {
    actorId,
    action: 'cycle.deadline',
    subjectId: one,
    details: { cycleId: cycle.id, selfDeadline: self, managerDeadline: manager, reviews: rows.length },
  });
  return { cycle: await cycleById(q, cycle.id), touched: rows.map((r) => r.owner_id) };
}
