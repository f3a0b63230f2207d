import type { ExtendDeadlineInput } from '@merit/shared/domain/cycle';
import { audit } from '../audit/audit';
import type { Queryable } from '../db/client';
import { domainError } from '../errors';
import { cycleById, lockCycle } from './cycles-repo';

/**
 * Moves deadlines of a whole cycle, or of one person's review. Every review touched gets its space bumped
 * in the same statement (S7), so devices pull the new dates; returns the reviewees to poke after commit.
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
  const rows = await q.query<{ owner_id: string; self_deadline: string; manager_deadline: string }>(
    `select owner_id, self_deadline, manager_deadline from review
      where cycle_id = $1 and not deleted and ($2::uuid is null or owner_id = $2) order by owner_id for update`,
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
  await q.query(
    `with r as (select id, owner_id from review where cycle_id = $1 and not deleted and ($2::uuid is null or owner_id = $2)),
          b as (insert into space (id, version) select owner_id::text, 1 from r
                  on conflict (id) do update set version = space.version + 1 returning id, version)
     update review set self_deadline = coalesce($3::date, review.self_deadline),
                       manager_deadline = coalesce($4::date, review.manager_deadline), updated_at = $5, version = b.version
       from b where b.id = review.owner_id::text and review.cycle_id = $1 and not review.deleted`,
    [cycle.id, one, self, manager, now],
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
