import type { Person, UpdatePersonInput } from '@merit/shared/domain/person';
import type * as z from 'zod/mini';
import { audit } from '../audit/audit';
import { forgetSessionsOf, revokeAllSessions } from '../auth/sessions';
import type { Queryable } from '../db/client';
import { domainError } from '../errors';
import { lockPeople, personById, wouldLoop } from './people-repo';

type Patch = z.infer<typeof UpdatePersonInput>;

export interface UpdateResult {
  person: Person;
  /** People whose reporting lines changed: their managers' devices must pull again. */
  touched: string[];
}

async function checkManager(q: Queryable, id: string, managerId: string): Promise<void> {
  if (managerId === id) throw domainError('VALIDATION', 'A person cannot be their own manager', 'managerId');
  const m = await q.query<{ disabled: boolean }>('select disabled from person where id = $1', [managerId]);
  if (!m[0]) throw domainError('VALIDATION', 'The chosen manager is not in Merit', 'managerId');
  if (m[0].disabled) throw domainError('VALIDATION', 'The chosen manager is disabled', 'managerId');
  if (await wouldLoop(q, id, managerId)) {
    throw domainError('VALIDATION', 'This would make a reporting loop: the chosen manager already reports to this person', 'managerId');
  }
}

/** Is there an active HR admin other than `id`? Merit must never be left without one. */
async function otherHrExists(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query("select 1 from person where role = 'hr' and not disabled and id <> $1 limit 1", [id]);
  return rows.length > 0;
}

/** Applies an HR edit in the caller's transaction; every refusal throws before anything is written. */
/** `actorId` is null for SCIM provisioning (its own audit entry names the token). */
export async function updatePerson(q: Queryable, actorId: string | null, patch: Patch): Promise<UpdateResult> {
  await lockPeople(q);
  const before = await personById(q, patch.id);
  if (!before) throw domainError('NOT_FOUND', 'No such person', 'id');
  if (patch.managerId) await checkManager(q, patch.id, patch.managerId);
  if (patch.email !== undefined && patch.email !== before.email) {
    const taken = await q.query('select 1 from person where email = $1 and id <> $2', [patch.email, patch.id]);
    if (taken.length > 0) throw domainError('CONFLICT', 'Someone else in Merit already has this e-mail address', 'email');
  }
  const losesHr = (patch.role === 'employee' && before.role === 'hr') || (patch.disabled === true && before.role === 'hr');
  if (losesHr && !before.disabled && !(await otherHrExists(q, patch.id))) {
    throw domainError('CONFLICT', 'Merit needs at least one active HR admin: make someone else HR first', patch.role ? 'role' : 'disabled');
  }

  const sets: string[] = [];
  const params: unknown[] = [patch.id];
  const set = (col: string, v: unknown) => {
    params.push(v);
    sets.push(`${col} = $${params.length}`);
  };
  if (patch.name !== undefined) set('name', patch.name);
  if (patch.email !== undefined) set('email', patch.email);
  if (patch.department !== undefined) set('department', patch.department);
  if (patch.managerId !== undefined) set('manager_id', patch.managerId);
  if (patch.role !== undefined) set('role', patch.role);
  if (patch.disabled !== undefined) set('disabled', patch.disabled);
  if (sets.length > 0) await q.query(`update person set ${sets.join(', ')} where id = $1`, params);

  const touched: string[] = [];
  // Name, e-mail and department: one entry with each field's before and after.
  const changes = Object.fromEntries(
    (['name', 'email', 'department'] as const).flatMap((k) => {
      const to = patch[k];
      return to !== undefined && to !== before[k] ? [[k, { from: before[k], to }]] : [];
    }),
  );
  if (Object.keys(changes).length > 0) {
    await audit(q, { actorId, action: 'person.update', subjectId: patch.id, details: { changes } });
    // Names and departments show on managers' and HR's devices: their spaces pull again.
    touched.push(patch.id, ...(before.managerId ? [before.managerId] : []));
  }
  if (patch.role !== undefined && patch.role !== before.role) {
    // Sessions carry the role: cached ones must be read again (sessions.ts).
    forgetSessionsOf(patch.id);
    await audit(q, { actorId, action: 'person.role', subjectId: patch.id, details: { from: before.role, to: patch.role } });
  }
  if (patch.disabled !== undefined && patch.disabled !== before.disabled) {
    // ASVS 7.4.2: disabling an account ends every one of its sessions at once, not at their expiry.
    if (patch.disabled) await revokeAllSessions(q, patch.id);
    await audit(q, { actorId, action: patch.disabled ? 'person.disable' : 'person.enable', subjectId: patch.id });
    touched.push(patch.id);
    if (before.managerId) touched.push(before.managerId);
  }
  if (patch.managerId !== undefined && patch.managerId !== before.managerId) {
    await audit(q, { actorId, action: 'person.manager', subjectId: patch.id, details: { from: before.managerId, to: patch.managerId } });
    touched.push(patch.id, ...[before.managerId, patch.managerId].filter((x): x is string => x !== null));
  }
  const person = await personById(q, patch.id);
  if (!person) throw domainError('NOT_FOUND', 'No such person', 'id');
  return { person, touched: [...new Set(touched)] };
}
