import type { Person, Role } from '@merit/shared/domain/person';
import type { Queryable } from '../db/client';

interface PersonRow {
  id: string;
  name: string;
  email: string;
  department: string;
  manager_id: string | null;
  role: Role;
  disabled: boolean;
  has_password: boolean;
  report_count: number;
}

const SELECT = `select p.id, p.name, p.email, p.department, p.manager_id, p.role, p.disabled,
    p.password_hash is not null as has_password,
    (select count(*) from person r where r.manager_id = p.id and not r.disabled)::int as report_count
  from person p`;

const toPerson = (r: PersonRow): Person => ({
  id: r.id,
  name: r.name,
  email: r.email,
  department: r.department,
  managerId: r.manager_id,
  role: r.role,
  disabled: r.disabled,
  hasPassword: r.has_password,
  reportCount: r.report_count,
});

/** Sorted in JavaScript, not SQL: PGlite and a PostgreSQL server may have different collations. */
const byName = (a: Person, b: Person) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email);

export async function listPeople(q: Queryable): Promise<Person[]> {
  const rows = await q.query<PersonRow>(SELECT);
  return rows.map(toPerson).sort(byName);
}

export async function peopleByIds(q: Queryable, ids: readonly string[]): Promise<Person[]> {
  const rows = await q.query<PersonRow>(`${SELECT} where p.id = any($1::uuid[])`, [ids]);
  return rows.map(toPerson).sort(byName);
}

export async function personById(q: Queryable, id: string): Promise<Person | null> {
  const rows = await q.query<PersonRow>(`${SELECT} where p.id = $1`, [id]);
  const r = rows[0];
  return r ? toPerson(r) : null;
}

/**
 * Serialises every change of people, reporting lines and roles across server processes until the
 * transaction ends: two concurrent edits cannot together build a manager loop, or both demote the
 * last two HR admins. (The migrator uses key 727274.)
 */
export async function lockPeople(q: Queryable): Promise<void> {
  await q.query('select pg_advisory_xact_lock(727275)');
}

/** True when `managerId` reports, directly or not, to `personId` (or is them): making them the manager would close a loop. */
export async function wouldLoop(q: Queryable, personId: string, managerId: string): Promise<boolean> {
  // UNION (not UNION ALL) drops rows already seen, so even a loop already in the data ends the walk.
  const rows = await q.query(
    `with recursive up(id) as (
       select $1::uuid
       union
       select p.manager_id from person p join up on p.id = up.id where p.manager_id is not null
     ) select 1 from up where id = $2::uuid limit 1`,
    [managerId, personId],
  );
  return rows.length > 0;
}
