import { createCheckin } from '@merit/shared/domain/checkin';
import { today } from '@merit/shared/domain/common';
import { createGoal, type GoalCreateArgs } from '@merit/shared/domain/goal';
import { uuidv7 } from '@merit/shared/ids';
import { hashPassword } from '../auth/password';
import type { Db, Queryable } from '../db/client';
import { bumpSpace, bumpSpaces } from '../sync/space-version';
import { upsert } from '../sync/tables';
import { seedDemoCycle } from './cycle';
import { DEMO_ORG, DEMO_PASSWORD, demoPeople, demoWins } from './people';

const DAY = 86_400_000;

/**
 * Seeds the demo organisation, only into an empty database: the org insert is the guard, so a database
 * with an organisation (or two servers starting at once) is never touched. Returns false when it did nothing.
 */
export async function seedDemo(db: Db, print: (line: string) => void): Promise<boolean> {
  // One argon2 hash for everyone: sixty hashes would cost a second of start-up for nothing.
  const hash = await hashPassword(DEMO_PASSWORD);
  const people = demoPeople();
  const ids = new Map(people.map((p) => [p.key, uuidv7()]));
  const id = (key: string) => ids.get(key) ?? '';
  const seeded = await db.tx(async (q) => {
    const empty = await q.query('select 1 from person limit 1');
    if (empty.length > 0) return false;
    const org = await q.query('insert into org (id, name) values (1, $1) on conflict (id) do nothing returning id', [DEMO_ORG]);
    if (org.length === 0) return false;
    await q.query(
      `insert into person (id, email, name, department, role, password_hash)
       select i, e, n, d, r, $6 from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) as t(i, e, n, d, r)`,
      [
        people.map((p) => id(p.key)),
        people.map((p) => p.email),
        people.map((p) => p.name),
        people.map((p) => p.department),
        people.map((p) => p.role),
        hash,
      ],
    );
    const managed = people.filter((p) => p.managerKey !== null);
    await q.query('update person p set manager_id = m.mid from unnest($1::uuid[], $2::uuid[]) as m(id, mid) where p.id = m.id', [
      managed.map((p) => id(p.key)),
      managed.map((p) => id(p.managerKey ?? '')),
    ]);
    const now = Date.now();
    const owned = people.flatMap((p, i) => demoWins(i).map((w) => ({ ...w, owner: id(p.key) })));
    // One bump reserves a version per win in each space (S7, S60): three statements instead of hundreds.
    const versions = await bumpSpaces(
      q,
      owned.map((w) => w.owner),
    );
    const wins = owned.map((w) => ({ ...w, version: versions.take(w.owner) }));
    await q.query(
      `insert into win (id, owner_id, title, description, date, tags, visibility, created_at, updated_at, version)
       select uuid, o, t, d, dt::date, string_to_array(tg, ','), v, c, c, ver
       from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::bigint[])
         as w(uuid, o, t, d, dt, tg, v, c, ver)`,
      [
        wins.map((w) => uuidv7(now - w.daysAgo * DAY)),
        wins.map((w) => w.owner),
        wins.map((w) => w.title),
        wins.map((w) => w.description),
        wins.map((w) => today(new Date(now - w.daysAgo * DAY))),
        wins.map((w) => w.tags.join(',')),
        wins.map((w) => w.visibility),
        wins.map((w) => now - w.daysAgo * DAY),
        wins.map((w) => w.version),
      ],
    );
    return true;
  });
  if (!seeded) {
    const demoHr = await db.query("select 1 from person where email = 'hr@northwind.example' and not disabled");
    if (demoHr.length > 0)
      print(`The demo organisation "${DEMO_ORG}" is already here. Sign in with password ${DEMO_PASSWORD} as hr@northwind.example.`);
    else print('Demo data was not seeded: this database already has people in it.');
    return false;
  }
  await db.tx((q) =>
    seedGoals(
      q,
      people.map((p) => id(p.key)),
    ),
  );
  const manager = people.find((p) => p.key === 'm0');
  const employee = people.find((p) => p.managerKey === 'm0');
  await seedDemoCycle(db, id('hr'), new Set(employee ? [id(employee.key)] : []));
  print(`Demo organisation "${DEMO_ORG}" created with ${people.length} people. Sign in with password ${DEMO_PASSWORD} as:`);
  print(`  HR admin:  hr@northwind.example (a half-year review cycle is under way)`);
  if (manager) print(`  manager:   ${manager.email} (${manager.name}, ${manager.department})`);
  if (employee) print(`  employee:  ${employee.email} (${employee.name}, reports to ${manager?.name ?? 'a manager'})`);
  return true;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Two goals of this quarter per person, shared with their manager, with weekly check-ins: one on track, one
 * behind, so the dashboard, the forecast and the team view have something to show. Built by the same shared
 * rules a device runs, then versioned like a push (one space bump per row).
 */
async function seedGoals(q: Queryable, personIds: readonly string[]): Promise<void> {
  const now = Date.now();
  const d = new Date(now);
  const qStart = Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1);
  const qEnd = Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3 + 3, 0);
  const elapsed = Math.max(0.1, Math.min(1, (now - qStart) / (qEnd - qStart)));
  const weeks = [21, 14, 7].map((days) => now - days * DAY).filter((t) => t >= qStart);
  const plans = [
    { title: 'Ship the onboarding revamp', kr: 'Onboarding steps shipped', target: 8, pace: 1.05 },
    { title: 'Raise customer satisfaction', kr: 'Support tickets closed within a day', target: 40, pace: 0.5 },
  ];
  for (const ownerId of personIds) {
    const ctx = { actor: { personId: ownerId, role: 'employee' as const }, now };
    for (const plan of plans) {
      const args: GoalCreateArgs = {
        id: uuidv7(now),
        title: plan.title,
        description: '',
        periodStart: isoDay(qStart),
        dueDate: isoDay(qEnd),
        visibility: 'manager',
        keyResults: [{ id: 'k1', title: plan.kr, kind: 'number', start: 0, target: plan.target, unit: '', weight: 1, current: null }],
      };
      const goal = createGoal(undefined, args, ctx);
      if (!goal.ok) throw new Error(`demo goal: ${goal.error.message}`);
      await upsert(q, 'goals', { ...goal.value, version: await bumpSpace(q, ownerId) });
      for (const [i, at] of weeks.entries()) {
        const share = (elapsed * (i + 1)) / weeks.length;
        const value = Math.round(plan.target * share * plan.pace * 10) / 10;
        const c = createCheckin(
          undefined,
          { id: uuidv7(at), goalId: args.id, krId: 'k1', value, confidence: plan.pace >= 1 ? 8 : 4, date: isoDay(at) },
          ctx,
        );
        if (!c.ok) throw new Error(`demo check-in: ${c.error.message}`);
        await upsert(q, 'checkins', { ...c.value, goalVisibility: 'manager', version: await bumpSpace(q, ownerId) });
      }
    }
  }
}
