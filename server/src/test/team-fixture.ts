import type { Queryable } from '../db/client';
import { bumpSpaces } from '../sync/space-version';

/** A key result as the client's schema has it, so the rows below pass the device's own checks. */
const KR = JSON.stringify([{ id: 'kr1', title: 'Deals closed', kind: 'number', start: 0, target: 10, unit: '', weight: 1, current: null }]);

/**
 * `count` direct reports of `managerId`, each with a win shared with the manager, a private win, an
 * organisation-visible goal and a check-in of it, at space versions 1-4 (what four pushes would leave).
 * Bulk SQL, so 500 reports take one round trip per table. Returns the reports' ids, ordered.
 */
export async function insertTeam(q: Queryable, managerId: string, count: number, tag: string): Promise<string[]> {
  const people = await q.query<{ id: string }>(
    `insert into person (id, email, name, department, manager_id, role)
     select gen_random_uuid(), 'r' || i || '-' || $2 || '@example.test', 'Report ' || i, 'Sales', $1, 'employee'
     from generate_series(1, $3::int) as i
     returning id::text as id`,
    [managerId, tag, count],
  );
  const ids = people.map((p) => p.id).sort();
  await q.query(
    `insert into win (id, owner_id, title, description, date, tags, visibility, created_at, updated_at, version)
     select gen_random_uuid(), o, 'Shared win of ' || o, '', date '2026-11-20', '{}'::text[], 'manager', 0, 0, 1 from unnest($1::uuid[]) as o
     union all
     select gen_random_uuid(), o, 'Private win of ' || o, '', date '2026-11-21', '{}'::text[], 'private', 0, 0, 2 from unnest($1::uuid[]) as o`,
    [ids],
  );
  await q.query(
    `with g as (
       insert into goal (id, owner_id, title, period_start, due_date, visibility, status, key_results, created_at, updated_at, version)
       select gen_random_uuid(), o, 'Goal of ' || o, date '2026-10-01', date '2026-12-31', 'org', 'active', $2::jsonb, 0, 0, 3
       from unnest($1::uuid[]) as o
       returning id, owner_id)
     insert into checkin (id, owner_id, goal_id, kr_id, value, confidence, date, goal_visibility, created_at, updated_at, version)
     select gen_random_uuid(), owner_id, id, 'kr1', 4, 7, date '2026-11-22', 'org', 0, 0, 4 from g`,
    [ids, KR],
  );
  // Four rows each, written above with versions 1-4: the one bump (S60) reserves exactly those.
  await bumpSpaces(
    q,
    ids.flatMap((id) => [id, id, id, id]),
  );
  return ids;
}
