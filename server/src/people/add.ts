import type { Person, Role } from '@merit/shared/domain/person';
import { uuidv7 } from '@merit/shared/ids';
import { audit } from '../audit/audit';
import type { Queryable } from '../db/client';
import { domainError } from '../errors';
import { lockPeople, personById } from './people-repo';

export interface NewPerson {
  name: string;
  email: string;
  department: string;
  managerId: string | null;
  role: Role;
}

/** The id of the active person with this e-mail, for HR's "manager e-mail" field. */
export async function activeManagerByEmail(q: Queryable, email: string): Promise<string> {
  const m = await q.query<{ id: string; disabled: boolean }>('select id, disabled from person where email = $1', [email]);
  if (!m[0] || m[0].disabled)
    throw domainError('VALIDATION', "The manager's e-mail does not belong to an active person in Merit", 'managerEmail');
  return m[0].id;
}

/**
 * Adds one person in the caller's transaction: HR's form and SCIM provisioning both come here, so the
 * same checks hold for both (e-mail unique, manager an active person) and the same audit entry is written.
 * `actorId` is null for SCIM (`details` then names the token).
 */
export async function addPerson(
  q: Queryable,
  actorId: string | null,
  p: NewPerson,
  details: Record<string, unknown> = {},
): Promise<Person> {
  await lockPeople(q);
  const taken = await q.query('select 1 from person where email = $1', [p.email]);
  if (taken.length > 0) throw domainError('CONFLICT', 'Someone in Merit already has this email', 'email');
  if (p.managerId) {
    const m = await q.query<{ disabled: boolean }>('select disabled from person where id = $1', [p.managerId]);
    if (!m[0] || m[0].disabled) throw domainError('VALIDATION', 'The manager must be an active person in Merit', 'managerId');
  }
  const id = uuidv7();
  await q.query('insert into person (id, email, name, department, manager_id, role) values ($1, $2, $3, $4, $5, $6)', [
    id,
    p.email,
    p.name,
    p.department,
    p.managerId,
    p.role,
  ]);
  await audit(q, { actorId, action: 'person.add', subjectId: id, details: { role: p.role, managerId: p.managerId, ...details } });
  const person = await personById(q, id);
  if (!person) throw new Error('the person just added is missing');
  return person;
}
