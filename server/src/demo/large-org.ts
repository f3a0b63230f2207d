import { uuidv7 } from '@merit/shared/ids';
import { hashPassword } from '../auth/password';
import { launchCycle } from '../cycles/launch';
import type { Db, Queryable } from '../db/client';
import { bumpSpaces } from '../sync/space-version';
import { DEMO_TEMPLATE } from './cycle';
import { DEMO_PASSWORD, DEPARTMENTS } from './people';

/** Managers with this many direct reports each, under the CEO: the wide teams issue 16 is about. */
export const WIDE_SPANS = [500, 200, 100, 60, 50] as const;
const TEAM = 8;
const DIRECTORS = 12;
const WINS_PER_PERSON = 12;
const QUARTERS = 4;

export interface LargeOrg {
  hrEmail: string;
  /** The e-mail of the manager of each wide team, by its size. */
  wideManagers: { span: number; email: string; id: string }[];
  people: number;
}

const email = (i: number) => `p${i}@large.example`;

/**
 * Who reports to whom, as indexes: 0 is HR, 1 the CEO, then one manager per wide span (their reports follow
 * them), twelve directors, and everyone else in teams of eight under a lead who reports to a director.
 */
export function reportingLines(people: number): { managerOf: (number | null)[]; wide: { span: number; index: number }[] } {
  const managerOf: (number | null)[] = [null, null];
  const wide: { span: number; index: number }[] = [];
  for (const span of WIDE_SPANS) {
    if (managerOf.length + span + 1 > people) break;
    const index = managerOf.length;
    wide.push({ span, index });
    managerOf.push(1);
    for (let r = 0; r < span; r++) managerOf.push(index);
  }
  const directors: number[] = [];
  for (let d = 0; d < DIRECTORS && managerOf.length < people; d++) {
    directors.push(managerOf.length);
    managerOf.push(1);
  }
  let lead = -1;
  for (let n = 0; managerOf.length < people; n++) {
    if (n % TEAM === 0) {
      lead = managerOf.length;
      managerOf.push(directors[(n / TEAM) % directors.length] ?? 1);
    } else managerOf.push(lead);
  }
  return { managerOf, wide };
}

/**
 * A large organisation for benches and for trying the app (`MERIT_DEMO_PEOPLE=10000 npm start -- --demo`):
 * realistic reporting lines (some managers with 50-500 reports), a year of wins (one a month, every other one
 * shared with the manager), a goal a quarter with monthly check-ins, and a review cycle launched for everyone
 * with a manager. Only into an empty database. Bulk SQL: a few statements whatever the size.
 */
export async function seedLargeOrg(db: Db, people = 10_000, now = Date.now()): Promise<LargeOrg | null> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const { managerOf, wide } = reportingLines(people);
  const ids = managerOf.map(() => uuidv7());
  const hrId = ids[0] ?? '';
  const seeded = await db.tx(async (q) => {
    if ((await q.query('select 1 from person limit 1')).length > 0) return false;
    await q.query("insert into org (id, name) values (1, 'Large Co')");
    await insertPeople(q, ids, managerOf, hash);
    await insertYear(q, ids.slice(1), now);
    return true;
  });
  if (!seeded) return null;
  await launchForEveryone(db, hrId, now);
  return {
    hrEmail: email(0),
    wideManagers: wide.map((w) => ({ span: w.span, email: email(w.index), id: ids[w.index] ?? '' })),
    people,
  };
}

async function insertPeople(q: Queryable, ids: string[], managerOf: (number | null)[], hash: string): Promise<void> {
  await q.query(
    `insert into person (id, email, name, department, role, password_hash)
     select id, 'p' || (n - 1) || '@large.example', 'Person ' || (n - 1), ($2::text[])[1 + (n % $3)],
            case when n = 1 then 'hr' else 'employee' end, $4
     from unnest($1::uuid[]) with ordinality as t(id, n)`,
    [ids, DEPARTMENTS, DEPARTMENTS.length, hash],
  );
  const managed = managerOf.flatMap((m, i) => (m === null ? [] : [[ids[i], ids[m]]]));
  await q.query('update person p set manager_id = m.mid from unnest($1::uuid[], $2::uuid[]) as m(id, mid) where p.id = m.id', [
    managed.map((m) => m[0]),
    managed.map((m) => m[1]),
  ]);
}

/** Versions per space as pushes would leave them: wins 1-12, goals 13-16, check-ins 17-28. */
async function insertYear(q: Queryable, owners: string[], now: number): Promise<void> {
  const today = new Date(now).toISOString().slice(0, 10);
  await q.query(
    `insert into win (id, owner_id, title, description, date, tags, visibility, created_at, updated_at, version)
     select gen_random_uuid(), o, 'Win ' || m || ' of the year', 'What happened, and what it changed.',
            $2::date - (m * 30), array['project']::text[], case when m % 2 = 0 then 'manager' else 'private' end,
            $3::bigint - m * 2592000000, $3::bigint - m * 2592000000, m
     from unnest($1::uuid[]) as o, generate_series(1, $4::int) as m`,
    [owners, today, now, WINS_PER_PERSON],
  );
  const kr = JSON.stringify([
    { id: 'kr1', title: 'Milestones reached', kind: 'number', start: 0, target: 6, unit: '', weight: 1, current: null },
  ]);
  // Quarter 0 is the current one; check-ins a month apart, on the quarter's goal.
  await q.query(
    `with g as (
       insert into goal (id, owner_id, title, period_start, due_date, visibility, status, key_results, created_at, updated_at, version)
       select gen_random_uuid(), o, 'Quarter goal ' || (4 - k),
              (date_trunc('quarter', $2::date) - make_interval(months => 3 * k))::date,
              (date_trunc('quarter', $2::date) - make_interval(months => 3 * k) + interval '3 months' - interval '1 day')::date,
              case when k % 2 = 0 then 'manager' else 'org' end, case when k = 0 then 'active' else 'achieved' end,
              $3::jsonb, $4::bigint, $4::bigint, 13 + k
       from unnest($1::uuid[]) as o, generate_series(0, $5::int - 1) as k
       returning id, owner_id, period_start, visibility, version)
     insert into checkin (id, owner_id, goal_id, kr_id, value, confidence, date, goal_visibility, created_at, updated_at, version)
     select gen_random_uuid(), owner_id, id, 'kr1', 2 * (w + 1), 5 + w, least(period_start + 20 + 30 * w, $2::date), visibility,
            $4::bigint, $4::bigint, 17 + (version - 13) * 3 + w
     from g, generate_series(0, 2) as w`,
    [owners, today, kr, now, QUARTERS],
  );
  // The versions written above, reserved through the one bump (S60).
  await bumpSpaces(q, new Map(owners.map((o) => [o, WINS_PER_PERSON + QUARTERS * 4])));
}

async function launchForEveryone(db: Db, hrId: string, now: number): Promise<void> {
  const day = 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const templateId = uuidv7();
  const cycleId = uuidv7();
  await db.tx(async (q) => {
    // Everyone with a manager: the CEO and HR have nobody to review them.
    const people = await q.query<{ id: string }>('select id from person where manager_id is not null order by id');
    await q.query('insert into review_template (id, name, description, sections, created_by) values ($1, $2, $3, $4::jsonb, $5)', [
      templateId,
      'Year-end review',
      'Reflection, an overall rating, collaboration and the goals of the year.',
      JSON.stringify(DEMO_TEMPLATE),
      hrId,
    ]);
    await q.query(
      `insert into review_cycle (id, name, template_id, period_start, period_end, self_deadline, manager_deadline, selection, created_by)
       values ($1, 'Year-end review', $2, $3, $4, $5, $6, $7::jsonb, $8)`,
      [
        cycleId,
        templateId,
        iso(now - 365 * day),
        iso(now),
        iso(now + 10 * day),
        iso(now + 24 * day),
        JSON.stringify({ kind: 'list', personIds: people.map((p) => p.id) }),
        hrId,
      ],
    );
    await launchCycle(q, hrId, cycleId, now);
  });
}
