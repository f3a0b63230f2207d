import { uuidv7 } from '@merit/shared/ids';
import { it } from 'vitest';
import { completion } from '../server/src/cycles/completion';
import { SECTIONS } from '../server/src/cycles/cycles-kit';
import { cycleCsv } from '../server/src/cycles/export';
import type { Db } from '../server/src/db/client';
import { migrate } from '../server/src/db/migrate';
import { openPg } from '../server/src/db/pg';
import { openPglite } from '../server/src/db/pglite';
import { createChangeBus } from '../server/src/sync/bus';
import { callerAs, createPerson } from '../server/src/test/context';
import { withScratchPg } from './scratch-pg';
import { percentile, record, round } from './support';

const N = 10_000;
const STATES = [
  'not_started',
  'self_in_progress',
  'self_submitted',
  'manager_in_progress',
  'manager_submitted',
  'signed_off',
  'acknowledged',
];

/** 10,000 people in 10 departments under 100 managers, in one statement (setup, not measured). */
async function seedPeople(db: Db): Promise<void> {
  const managers = Array.from({ length: 100 }, () => uuidv7());
  await db.query(
    `insert into person (id, email, name, department, role)
     select id, 'm-' || id || '@bench.test', 'Manager ' || n, 'Dept ' || (n % 10), 'employee' from unnest($1::uuid[]) with ordinality as x(id, n)`,
    [managers],
  );
  const ids = Array.from({ length: N - managers.length }, () => uuidv7());
  await db.query(
    `insert into person (id, email, name, department, manager_id, role)
     select id, 'p-' || id || '@bench.test', 'Person ' || n, 'Dept ' || (n % 10), ($2::uuid[])[1 + n % 100], 'employee'
       from unnest($1::uuid[]) with ordinality as x(id, n)`,
    [ids, managers],
  );
}

/** The floor: a raw multi-row INSERT of 10,000 review rows (no space bumps, no reads), in one transaction. */
async function floor(db: Db, cycleId: string): Promise<number> {
  const people = (await db.query<{ id: string }>('select id from person where email like $1 order by id', ['%@bench.test'])).map(
    (r) => r.id,
  );
  const t0 = performance.now();
  await db.tx((q) =>
    q.query(
      `insert into review (id, owner_id, cycle_id, cycle_name, period_start, period_end, template, self_deadline, manager_deadline, created_at, updated_at, version)
       select gen_random_uuid(), pid, $2, 'floor', '2026-01-01', '2026-06-30', $3::jsonb, '2026-07-10', '2026-07-20', 0, 0, 1
         from unnest($1::uuid[]) as pid`,
      [people, cycleId, JSON.stringify(SECTIONS)],
    ),
  );
  return performance.now() - t0;
}

async function run(db: Db, kind: string): Promise<void> {
  const bus = await createChangeBus(db);
  await db.query(`insert into org (id, name) values (1, 'Bench') on conflict do nothing`);
  const hr = await createPerson(db, { role: 'hr' });
  await seedPeople(db);
  const asHr = callerAs(db, bus, hr);
  const t = await asHr.templates.create({ name: 'Bench', sections: SECTIONS });
  const dates = { periodStart: '2026-01-01', periodEnd: '2026-06-30', selfDeadline: '2026-07-10', managerDeadline: '2026-07-20' };
  const floorCycle = await asHr.cycles.create({ name: 'Floor', templateId: t.id, ...dates, selection: { kind: 'org' } });
  const floorMs = await floor(db, floorCycle.id);

  const c = await asHr.cycles.create({
    name: 'Bench',
    templateId: t.id,
    ...dates,
    selection: { kind: 'department', department: 'Dept 1' },
  });
  // Whole organisation but the HR admin: 10,000 reviews.
  await db.query(`update review_cycle set selection = '{"kind": "org"}' where id = $1`, [c.id]);
  await db.query('update person set disabled = true where id = $1', [hr.id]);
  const t0 = performance.now();
  const launched = await asHr.cycles.launch({ cycleId: c.id });
  const launchMs = performance.now() - t0;
  if (launched.reviewCount !== N) throw new Error(`launched ${launched.reviewCount} reviews, not ${N}`);

  // Spread the reviews over every state, with answers (2 KB of self-review text each: a 20 MB CSV), for the
  // completion query and the export.
  await db.query(
    `update review set state = ($2::text[])[1 + abs(hashtext(id::text)) % 7],
       self_answers = jsonb_build_object('q-rating', jsonb_build_object('rating', 2),
         'q-self', jsonb_build_object('text', repeat('Shipped the search rewrite, mentored two people. ', 40))),
       manager_answers = '{"q-rating": {"rating": 3}, "q-mgr": {"text": "Strong half"}}'
     where cycle_id = $1`,
    [c.id, STATES],
  );
  // Floor: counting the cycle's reviews in one indexed query, the least any completion figure reads.
  const samples: number[] = [];
  const floorSamples: number[] = [];
  for (let i = 0; i < 60; i++) {
    let s = performance.now();
    await completion(db, c.id, '2026-07-15');
    if (i >= 10) samples.push(performance.now() - s);
    s = performance.now();
    await db.query('select count(*) from review where cycle_id = $1 and not deleted', [c.id]);
    if (i >= 10) floorSamples.push(performance.now() - s);
  }

  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  let bytes = 0;
  let rows = 0;
  const e0 = performance.now();
  for await (const chunk of cycleCsv(db, c.id, SECTIONS)) {
    bytes += chunk.length;
    rows += (chunk.match(/\r\n/g) ?? []).length;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const exportMs = performance.now() - e0;
  if (rows !== N + 1) throw new Error(`exported ${rows} lines, not ${N + 1}`);

  record({
    [`cycle-launch-10000-${kind}`]: { value: round(launchMs, 0), unit: 'ms', floor: round(floorMs, 0), target: '<= 2000' },
    [`cycle-completion-10000-p95-${kind}`]: {
      value: round(percentile(samples, 95), 1),
      unit: 'ms',
      floor: round(percentile(floorSamples, 95), 1),
      target: '<= 50',
    },
    [`cycle-export-10000-${kind}`]: { value: round(exportMs, 0), unit: 'ms', floor: null, target: null },
    [`cycle-export-10000-rss-delta-${kind}`]: {
      value: round((peak - rss0) / 1e6, 1),
      unit: `MB peak RSS growth (CSV is ${round(bytes / 1e6, 1)} MB)`,
      floor: null,
      target: 'flat (well under the CSV size)',
    },
  });
  await bus.close();
}

it('review cycles on PGlite: launch for 10,000, completion p95, CSV export memory', async () => {
  const db = await openPglite(null);
  await migrate(db);
  await run(db, 'pglite');
  await db.close();
});

it('review cycles on PostgreSQL: launch for 10,000, completion p95, CSV export memory', async () => {
  await withScratchPg('merit_bench_cycles', async (url) => {
    const db = await openPg(url);
    await migrate(db);
    await run(db, 'pg');
    await db.close();
  });
});
