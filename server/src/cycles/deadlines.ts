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
export async function extendDeadline(q: Queryable, actorId: string, input: ExtendDeadlineInput, today: string, now = Date.now()) {
  const cycle = await lockCycle(q, input.cycleId, 'cycleId');
  if (cycle.status !== 'launched') throw domainError('CONFLICT', "Change a draft cycle's deadlines with cycles.update", 'cycleId');
  const self = input.selfDeadline ?? null;
  const manager = input.managerDeadline ?? null;
  // A day already past closes the phase at once (late work is refused): only on purpose, never by a slip.
  const past = (
    [
      ['selfDeadline', self],
      ['managerDeadline', manager],
    ] as const
  ).find(([, d]) => d !== null && d < today);
  if (past && input.allowPast !== true)
    throw domainError(
      'CONFLICT',
      `${past[1]} is already past: moving a deadline there closes that phase at once. Confirm to go ahead`,
      past[0],
    );
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
      throw domainError(
        'VALIDATION',
        `The self-review deadline (${s}) would fall after the manager review deadline (${m})`,
        self ? 'selfDeadline' : 'managerDeadline',
      );
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
    details: {
      cycleId: cycle.id,
      selfDeadline: self,
      managerDeadline: manager,
      reviews: rows.length,
      // From and to, so the audit log says what moved: every review's old dates when one person, else the cycle's.
      from:
        one === null
          ? { selfDeadline: cycle.selfDeadline, managerDeadline: cycle.managerDeadline }
          : {
              selfDeadline: rows[0]?.self_deadline ?? null,
              managerDeadline: rows[0]?.manager_deadline ?? null,
            },
    },
  });
  return { cycle: await cycleById(q, cycle.id), touched: rows.map((r) => r.owner_id) };
}
