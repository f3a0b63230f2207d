import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { uuidv7 } from '@merit/shared/ids';
import { it } from 'vitest';
import { SECTIONS } from '../server/src/cycles/cycles-kit';
import { cycleCsv } from '../server/src/cycles/export';
import type { Db } from '../server/src/db/client';
import { migrate } from '../server/src/db/migrate';
import { openPg } from '../server/src/db/pg';
import { openPglite } from '../server/src/db/pglite';
import { withScratchPg } from './scratch-pg';
import { record, round } from './support';

/** Smallest first: a process keeps memory it once grew to, so a later, bigger export can only show MORE growth. */
const SIZES = [2_000, 10_000, 30_000];
/** Every GC_EVERY chunks (500 rows each) the bench collects garbage and samples what is still alive. */
const GC_EVERY = 2;

/** A full collection on demand (vitest starts workers without --expose-gc): what is alive after it is what the export holds. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc !== 'function') throw new Error('no gc');
  return () => gc();
}

const TEXT = 'Shipped the search rewrite, mentored two people. '.repeat(40);

/** A cycle of `n` reviews with 2 KB of self-review text each, inserted with SQL (setup, not measured). */
async function seedCycle(db: Db, n: number): Promise<string> {
  const templateId = uuidv7();
  const cycleId = uuidv7();
  await db.query('insert into review_template (id, name, sections, frozen) values ($1, $2, $3::jsonb, true)', [
    templateId,
    `T ${n}`,
    JSON.stringify(SECTIONS),
  ]);
  await db.query(
    `insert into review_cycle (id, name, template_id, period_start, period_end, self_deadline, manager_deadline, status, launched_at)
     values ($1, $2, $3, '2026-01-01', '2026-06-30', '2026-07-10', '2026-07-20', 'launched', now())`,
    [cycleId, `Export ${n}`, templateId],
  );
  const people = Array.from({ length: n }, () => uuidv7());
  await db.query(
    `insert into person (id, email, name, department, role)
     select id, 'x-' || id || '@bench.test', 'Person ' || k, 'Dept ' || (k % 10), 'employee' from unnest($1::uuid[]) with ordinality as x(id, k)`,
    [people],
  );
  await db.query(
    `insert into review (id, owner_id, cycle_id, cycle_name, period_start, period_end, template, state, self_deadline, manager_deadline,
                         self_answers, manager_answers, created_at, updated_at, version)
     select gen_random_uuid(), pid, $2, 'Export', '2026-01-01', '2026-06-30', $3::jsonb, 'signed_off', '2026-07-10', '2026-07-20',
            jsonb_build_object('q-rating', jsonb_build_object('rating', 2), 'q-self', jsonb_build_object('text', $4::text)),
            '{"q-rating": {"rating": 3}, "q-mgr": {"text": "Strong half"}}', 0, 0, 1
       from unnest($1::uuid[]) as pid`,
    [people, cycleId, JSON.stringify(SECTIONS), TEXT],
  );
  return cycleId;
}

/**
 * The streamed CSV export (what GET /api/export/cycles/<id>.csv sends) of 2,000, 10,000 and 30,000 reviews in one
 * process. Per size: the live JS memory (heap used + external, sampled after a full collection every 1,000 rows)
 * above the level before the export, and the peak RSS above it. Flat = about the same few MB whatever the row
 * count, while the CSV itself grows from 4 to 62 MB.
 */
async function run(db: Db, kind: string): Promise<void> {
  const gc = collector();
  const cycles = [];
  for (const n of SIZES) cycles.push({ n, id: await seedCycle(db, n) });
  const figures: Parameters<typeof record>[0] = {};
  for (const { n, id } of cycles) {
    gc();
    const m0 = process.memoryUsage();
    const live0 = m0.heapUsed + m0.external;
    let rss = m0.rss;
    let live = live0;
    let bytes = 0;
    let rows = 0;
    let chunks = 0;
    for await (const chunk of cycleCsv(db, id, SECTIONS)) {
      bytes += chunk.length;
      rows += (chunk.match(/\r\n/g) ?? []).length;
      rss = Math.max(rss, process.memoryUsage().rss);
      if (++chunks % GC_EVERY === 0) {
        gc();
        const m = process.memoryUsage();
        live = Math.max(live, m.heapUsed + m.external);
      }
    }
    if (rows !== n + 1) throw new Error(`exported ${rows} lines, not ${n + 1}`);
    const csv = `the CSV is ${round(bytes / 1e6, 1)} MB`;
    figures[`cycle-export-flat-${n}-live-heap-delta-${kind}`] = {
      value: round((live - live0) / 1e6, 1),
      unit: `MB live JS memory while streaming (${csv})`,
      floor: null,
      target: 'flat across 2,000 / 10,000 / 30,000',
    };
    figures[`cycle-export-flat-${n}-rss-delta-${kind}`] = {
      value: round((rss - m0.rss) / 1e6, 1),
      unit: `MB peak RSS growth (${csv}; smallest first, so a bigger export can only show more)`,
      floor: null,
      target: 'flat across 2,000 / 10,000 / 30,000',
    };
  }
  record(figures);
}

it('CSV export memory for 2,000 / 10,000 / 30,000 reviews, PGlite', async () => {
  const db = await openPglite(null);
  await migrate(db);
  await run(db, 'pglite');
  await db.close();
});

it('CSV export memory for 2,000 / 10,000 / 30,000 reviews, PostgreSQL', async () => {
  await withScratchPg('merit_bench_export', async (url) => {
    const db = await openPg(url);
    await migrate(db);
    await run(db, 'pg');
    await db.close();
  });
});
