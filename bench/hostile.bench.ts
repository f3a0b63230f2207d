import { monitorEventLoopDelay } from 'node:perf_hooks';
import { uuidv7 } from '@merit/shared/ids';
import { LIMITS } from '@merit/shared/limits';
import { type Mutation, PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import pg from 'pg';
import { it } from 'vitest';
import type { Db } from '../server/src/db/client';
import { migrate } from '../server/src/db/migrate';
import { openPg } from '../server/src/db/pg';
import { openPglite } from '../server/src/db/pglite';
import { createChangeBus } from '../server/src/sync/bus';
import { callerAs, createPerson } from '../server/src/test/context';
import { interleave, percentile, record, round } from './support';

/**
 * The worst event-loop delay while one push of the largest allowed hostile merges is processed (S42): 100
 * `win.update@1`, each with a base, a description and a stored text of the largest allowed size that share
 * no edit (words from an eight-word vocabulary, the diff's worst case). Floor: the same push with ordinary edits.
 */
const BATCH = LIMITS.pushBatchMax;

function noise(seed: number): string {
  let x = seed;
  const out: string[] = [];
  while (out.join(' ').length < LIMITS.descriptionMax - 2) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out.push('abcdefgh'[x % 8] ?? 'a');
  }
  return out.join(' ').slice(0, LIMITS.descriptionMax);
}

async function worstDelay(db: Db, hostile: boolean): Promise<{ delayMs: number; pushMs: number }> {
  const bus = await createChangeBus(db);
  const person = await createPerson(db);
  const caller = callerAs(db, bus, person);
  const phone = uuidv7();
  const laptop = uuidv7();
  const ids = Array.from({ length: BATCH }, () => uuidv7());
  const base = noise(1);
  const created: Mutation[] = ids.map((id, i) => ({
    id: i + 1,
    name: 'win.create@1',
    args: { id, title: `Win ${i}`, description: base, date: '2026-11-20', visibility: 'private' },
    createdAt: 0,
  }));
  await caller.sync.push({ protocol: PROTOCOL_VERSION, deviceId: laptop, mutations: created });
  // The laptop rewrites every description: the stored text is no longer the phone's base.
  const theirs = hostile ? noise(2) : `${base} and the laptop added this`;
  const edits = (text: string, from: string): Mutation[] =>
    ids.map((id, i) => ({
      id: i + 1,
      name: 'win.update@1',
      args: { id, patch: { description: text }, base: { description: from } },
      createdAt: 0,
    }));
  await caller.sync.push({ protocol: PROTOCOL_VERSION, deviceId: uuidv7(), mutations: edits(theirs, base) });
  const mine = hostile ? noise(3) : `The phone added this. ${base}`;
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  const t0 = performance.now();
  const out = await caller.sync.push({ protocol: PROTOCOL_VERSION, deviceId: phone, mutations: edits(mine, base) });
  const pushMs = performance.now() - t0;
  h.disable();
  if (out.lastMutationId !== BATCH) throw new Error(`push stopped at ${out.lastMutationId}`);
  const conflicts = out.results.filter((r) => r.code === 'CONFLICT').length;
  if (hostile !== (conflicts === BATCH)) throw new Error(`expected ${hostile ? BATCH : 0} conflict copies, got ${conflicts}`);
  await bus.close();
  return { delayMs: h.max / 1e6, pushMs };
}

async function measure(db: Db, kind: string): Promise<void> {
  const pushes: Record<'hostile' | 'normal', number[]> = { hostile: [], normal: [] };
  const delays = await interleave(5, {
    hostile: async () => {
      const r = await worstDelay(db, true);
      pushes.hostile.push(r.pushMs);
      return [r.delayMs];
    },
    normal: async () => {
      const r = await worstDelay(db, false);
      pushes.normal.push(r.pushMs);
      return [r.delayMs];
    },
  });
  const max = (xs: number[]) => Math.max(...xs);
  record({
    [`hostile-merge-push-loop-delay-p50-${kind}`]: {
      value: round(percentile(delays.hostile, 50)),
      unit: 'ms',
      floor: round(percentile(delays.normal, 50)),
      target: '<= 50',
    },
    [`hostile-merge-push-loop-delay-max-${kind}`]: {
      value: round(max(delays.hostile)),
      unit: 'ms',
      floor: round(max(delays.normal)),
      target: '<= 50',
    },
    [`hostile-merge-push-ms-max-${kind}`]: {
      value: round(max(pushes.hostile), 0),
      unit: 'ms',
      floor: round(max(pushes.normal), 0),
      target: null,
    },
  });
  console.log(
    `${kind}: worst event-loop delay per push, hostile ${delays.hostile.map((d) => d.toFixed(1)).join(', ')} ms; ` +
      `normal ${delays.normal.map((d) => d.toFixed(1)).join(', ')} ms; push took up to ${max(pushes.hostile).toFixed(0)} / ${max(pushes.normal).toFixed(0)} ms`,
  );
}

it('worst event-loop delay during a push of 100 hostile merges, beside an ordinary push (PGlite)', async () => {
  const db = await openPglite(null);
  await migrate(db);
  await measure(db, 'pglite');
  await db.close();
});

it('the same on PostgreSQL (no database work on the event loop: the figure is the merge alone)', async () => {
  const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  const name = `merit_bench_hostile_${process.pid}`;
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  try {
    const db = await openPg(`postgres://postgres@127.0.0.1:5432/${name}`);
    await migrate(db);
    await measure(db, 'pg');
    await db.close();
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
});
