import type { Cycle } from '@merit/shared/domain/cycle';
import { uuidv7 } from '@merit/shared/ids';
import { audit } from '../audit/audit';
import type { Queryable } from '../db/client';
import { domainError } from '../errors';
import { bumpSpace, bumpSpaces } from '../sync/space-version';
import { cycleById, lockCycle, resolveSelection } from './cycles-repo';

/**
 * Inserts one review per person in ONE statement, with the versions one `bumpSpaces` reserved for every
 * reviewee's space (rule S7: the version a device's cursor follows; S60: the lock order). The reviewer is the
 * person's manager at this moment (an inactive manager counts as none). `ids` must not repeat.
 */
export async function insertReviews(q: Queryable, cycle: Cycle, sections: unknown, ids: readonly string[], now: number) {
  if (ids.length === 0) return;
  const versions = await bumpSpaces(q, ids);
  await q.query(
    `with p as (select * from unnest($1::uuid[], $2::uuid[], $11::bigint[]) as x(rid, pid, ver))
     insert into review (id, owner_id, cycle_id, manager_id, cycle_name, period_start, period_end, template, state,
                         self_deadline, manager_deadline, created_at, updated_at, version)
     select p.rid, p.pid, $3, m.id, $4, $5, $6, $7::jsonb, 'not_started', $8, $9, $10, $10, p.ver
       from p join person e on e.id = p.pid
       left join person m on m.id = e.manager_id and not m.disabled
     on conflict (cycle_id, owner_id) do update set
       deleted = false, state = 'not_started', manager_id = excluded.manager_id, template = excluded.template,
       self_answers = '{}', manager_answers = '{}', self_submitted_at = null, manager_submitted_at = null,
       signed_off_at = null, acknowledged_at = null, ack_comment = '', reopen_count = 0,
       self_deadline = excluded.self_deadline, manager_deadline = excluded.manager_deadline,
       updated_at = excluded.updated_at, version = excluded.version`,
    [
      ids.map(() => uuidv7(now)),
      ids,
      cycle.id,
      cycle.name,
      cycle.periodStart,
      cycle.periodEnd,
      JSON.stringify(sections),
      cycle.selfDeadline,
      cycle.managerDeadline,
      now,
      ids.map((id) => versions.take(id)),
    ],
  );
}

async function templateSections(q: Queryable, templateId: string): Promise<unknown> {
  // Freezing inside the launch transaction: the snapshot taken is the template as it stays from now on.
  const rows = await q.query<{ sections: unknown }>('update review_template set frozen = true where id = $1 returning sections', [
    templateId,
  ]);
  if (!rows[0]) throw domainError('NOT_FOUND', 'The cycle template is gone', 'templateId');
  return rows[0].sections;
}

/**
 * Launches a draft cycle in the caller's transaction, all or nothing: every review, the frozen template,
 * the cycle's status and the audit row commit together. Returns the reviewees, to poke after commit.
 */
export async function launchCycle(q: Queryable, actorId: string, cycleId: string, now = Date.now()): Promise<string[]> {
  const cycle = await lockCycle(q, cycleId, 'cycleId');
  if (cycle.status !== 'draft') throw domainError('CONFLICT', 'This cycle was already launched', 'cycleId');
  const { ids, errors } = await resolveSelection(q, cycle.selection);
  if (errors.length > 0) {
    const first = errors[0];
    throw domainError('VALIDATION', `selection has ${errors.length} bad row(s); line ${first?.line}: ${first?.message}`, 'selection');
  }
  if (ids.length === 0) throw domainError('VALIDATION', 'selection names nobody: choose at least one person', 'selection');
  const sections = await templateSections(q, cycle.templateId);
  await insertReviews(q, cycle, sections, ids, now);
  await q.query(`update review_cycle set status = 'launched', launched_at = now(), launched_by = $2 where id = $1`, [cycle.id, actorId]);
  await audit(q, {
    actorId,
    action: 'cycle.launch',
    details: { cycleId: cycle.id, templateId: cycle.templateId, participants: ids.length },
  });
  return ids;
}

/** Adds one person to a launched cycle (or brings back one removed earlier, with a fresh review). */
export async function addParticipant(q: Queryable, actorId: string, cycleId: string, personId: string, now = Date.now()) {
  const cycle = await lockCycle(q, cycleId, 'cycleId');
  if (cycle.status !== 'launched') throw domainError('CONFLICT', 'Add people to a draft cycle by changing its selection', 'cycleId');
  const p = await q.query<{ disabled: boolean }>('select disabled from person where id = $1', [personId]);
  if (!p[0] || p[0].disabled) throw domainError('NOT_FOUND', 'No such active person', 'personId');
  const has = await q.query('select 1 from review where cycle_id = $1 and owner_id = $2 and not deleted', [cycleId, personId]);
  if (has.length > 0) throw domainError('CONFLICT', 'This person is already in the cycle', 'personId');
  const sections = (await q.query<{ sections: unknown }>('select sections from review_template where id = $1', [cycle.templateId]))[0]
    ?.sections;
  await insertReviews(q, cycle, sections, [personId], now);
  await audit(q, { actorId, action: 'cycle.participant.add', subjectId: personId, details: { cycleId } });
  return cycleById(q, cycleId);
}

/** Removes a person from a launched cycle: the review becomes a tombstone that reaches their devices. */
export async function removeParticipant(q: Queryable, actorId: string, cycleId: string, personId: string, now = Date.now()) {
  const cycle = await lockCycle(q, cycleId, 'cycleId');
  if (cycle.status !== 'launched') throw domainError('CONFLICT', 'Remove people from a draft cycle by changing its selection', 'cycleId');
  const rows = await q.query<{ id: string; state: string }>(
    'select id, state from review where cycle_id = $1 and owner_id = $2 and not deleted for update',
    [cycleId, personId],
  );
  const r = rows[0];
  if (!r) throw domainError('NOT_FOUND', 'This person is not in the cycle', 'personId');
  await q.query('update review set deleted = true, updated_at = $3, version = $2 where id = $1', [r.id, await bumpSpace(q, personId), now]);
  await audit(q, {
    actorId,
    action: 'cycle.participant.remove',
    subjectId: personId,
    details: { cycleId, reviewId: r.id, state: r.state },
  });
  return cycleById(q, cycleId);
}
