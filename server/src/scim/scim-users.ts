import { audit } from '../audit/audit';
import type { Queryable } from '../db/client';
import { addPerson } from '../people/add';
import { updatePerson } from '../people/update';
import { ScimError } from './scim-errors';
import type { ScimCaller } from './scim-tokens';
import { SCIM_SELECT, type ScimPersonRow, type UserFields } from './scim-user';

export async function scimPerson(q: Queryable, id: string): Promise<ScimPersonRow> {
  const rows = await q.query<ScimPersonRow>(`${SCIM_SELECT} where p.id = $1`, [id]);
  const r = rows[0];
  if (!r) throw new ScimError(404, null, `No User with id ${id}`);
  return r;
}

const via = (caller: ScimCaller) => ({ via: 'scim', tokenId: caller.tokenId, tokenName: caller.tokenName });

/** Creates a person through the same function as HR's "Add person"; SCIM never makes HR admins. */
export async function createUser(q: Queryable, caller: ScimCaller, u: UserFields): Promise<{ id: string; touched: string[] }> {
  const person = await addPerson(
    q,
    null,
    { name: u.name, email: u.email, department: u.department, managerId: u.managerId, role: 'employee' },
    via(caller),
  );
  if (u.externalId) await q.query('update person set scim_external_id = $2 where id = $1', [person.id, u.externalId]);
  const touched = u.managerId ? [u.managerId] : [];
  if (!u.active) touched.push(...(await updatePerson(q, null, { id: person.id, disabled: true })).touched);
  await audit(q, { actorId: null, action: 'scim.user', subjectId: person.id, details: { ...via(caller), op: 'create' } });
  return { id: person.id, touched };
}

/**
 * Applies a provider's changes through `updatePerson`, HR's own edit: manager loops, a disabled
 * manager and "no HR admin left" are refused the same way, disabling ends the person's sessions, and
 * the people whose reporting lines moved are returned so their devices pull (visibility follows).
 */
export async function changeUser(
  q: Queryable,
  caller: ScimCaller,
  id: string,
  c: Partial<UserFields>,
  op: 'replace' | 'patch' | 'deactivate',
): Promise<string[]> {
  const before = await scimPerson(q, id);
  if (c.email !== undefined && c.email !== before.email) {
    throw new ScimError(400, 'mutability', 'userName (the e-mail) cannot change through SCIM; HR changes e-mails in Merit');
  }
  if (c.name === '') throw new ScimError(400, 'invalidValue', 'displayName cannot be empty');
  const patch: { id: string; name?: string; department?: string; managerId?: string | null; disabled?: boolean } = { id };
  if (c.name !== undefined && c.name !== before.name) patch.name = c.name;
  if (c.department !== undefined && c.department !== before.department) patch.department = c.department;
  if (c.managerId !== undefined && c.managerId !== before.manager_id) patch.managerId = c.managerId;
  if (c.active !== undefined && c.active === before.disabled) patch.disabled = !c.active;
  const { touched } = await updatePerson(q, null, patch);
  if (c.externalId !== undefined && c.externalId !== before.scim_external_id) {
    await q.query('update person set scim_external_id = $2 where id = $1', [id, c.externalId]);
  }
  const changed = Object.keys(patch).filter((k) => k !== 'id');
  await audit(q, { actorId: null, action: 'scim.user', subjectId: id, details: { ...via(caller), op, changed } });
  return touched;
}
