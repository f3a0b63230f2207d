import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { uuidv7 } from '@merit/shared/ids';
import { type Mutation, PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftCycle } from '../cycles/cycles-kit';
import type { Db } from '../db/client';
import { callerAs, createPerson, type TestPerson } from '../test/context';
import { openTestDb } from '../test/harness';
import { type ChangeBus, createChangeBus } from './bus';
import { bumpSpaces } from './space-version';

let db: Db;
let bus: ChangeBus;
let hr: TestPerson;
beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  hr = await createPerson(db, { name: 'Hana', role: 'hr' });
});
afterAll(async () => {
  await bus.close();
  await db.close();
});

/** A manager and two reports whose ids sort `boss` < `low` < `high`, with their spaces in the table. */
async function team() {
  const [a, b, c] = [uuidv7(), uuidv7(), uuidv7()].sort();
  if (!a || !b || !c) throw new Error('three ids');
  const boss = await createPerson(db, { id: a, name: 'Boss' });
  const low = await createPerson(db, { id: b, managerId: boss.id });
  const high = await createPerson(db, { id: c, managerId: boss.id });
  await db.tx((q) => bumpSpaces(q, [boss.id, low.id, high.id]));
  return { boss, low, high };
}

/**
 * The manager's push: a note about a report in their own space and a goal proposed into each report's space,
 * so one batch bumps all three spaces.
 */
function managerPush(boss: TestPerson, low: TestPerson, high: TestPerson) {
  const now = Date.now();
  const propose = (p: TestPerson, id: number): Mutation => ({
    id,
    name: 'goal.propose@1',
    createdAt: now,
    args: {
      id: uuidv7(),
      ownerId: p.id,
      title: 'Mentor a new hire',
      periodStart: '2026-10-01',
      dueDate: '2026-12-31',
      visibility: 'manager',
      keyResults: [{ id: 'k1', title: 'Sessions', kind: 'number', start: 0, target: 5, unit: '', weight: 1, current: null }],
    },
  });
  const mutations: Mutation[] = [
    {
      id: 1,
      name: 'managerNote.create@1',
      createdAt: now,
      args: { id: uuidv7(), subjectId: high.id, body: 'Ready to lead', date: '2026-11-02' },
    },
    propose(low, 2),
    propose(high, 3),
  ];
  return callerAs(db, bus, boss).sync.push({ protocol: PROTOCOL_VERSION, deviceId: uuidv7(), mutations });
}

const APPLIED = { results: [{ status: 'applied' }, { status: 'applied' }, { status: 'applied' }] };

/** Backends of this database waiting for a lock. */
async function waitingForLocks(): Promise<number> {
  const rows = await db.query<{ n: number }>(
    "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
  );
  return rows[0]?.n ?? 0;
}

async function until(what: string, ok: () => Promise<boolean>) {
  const end = Date.now() + 10_000;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Forces the interleaving that deadlocks when two writers take space locks in opposite orders: a third
 * transaction holds the space `held`, the push (which bumps boss, low, high in that order) queues on it, then
 * HR's step starts and queues too (had it locked `high` first, as an unsorted bump did, it would now hold it).
 * Releasing the holder lets the push go on to `high`: with one lock order both commit; with two, PostgreSQL
 * kills one of them (40P01 deadlock detected). On PGlite (one connection, transactions in turn) the two simply
 * run concurrently and both must commit.
 */
async function race(held: TestPerson, push: () => Promise<unknown>, hrStep: () => Promise<unknown>) {
  if (db.kind !== 'pg') return Promise.all([push(), hrStep()]);
  let release = () => {};
  const released = new Promise<void>((r) => {
    release = r;
  });
  let locked = () => {};
  const holding = new Promise<void>((r) => {
    locked = r;
  });
  const holder = db.tx(async (q) => {
    await q.query('select 1 from space where id = $1 for update', [held.id]);
    locked();
    await released;
  });
  await holding;
  const before = await waitingForLocks();
  const pushed = push();
  await until('the push queues on the held space', async () => (await waitingForLocks()) >= before + 1);
  const stepped = hrStep();
  await until("HR's step queues too", async () => (await waitingForLocks()) >= before + 2);
  release();
  await holder;
  return Promise.all([pushed, stepped]);
}

describe('S60: one space bump, one lock order', () => {
  it('S60: a manager push racing a cycle launch over the same two spaces (listed in opposite order) both commit', async () => {
    const { boss, low, high } = await team();
    const draft = await draftCycle(db, bus, hr, { selection: { kind: 'list', personIds: [high.id, low.id] } });
    const [pushed] = await race(
      low,
      () => managerPush(boss, low, high),
      () => callerAs(db, bus, hr).cycles.launch({ cycleId: draft.id }),
    );
    expect(pushed).toMatchObject(APPLIED);
    const reviews = await db.query('select owner_id from review where cycle_id = $1', [draft.id]);
    expect(reviews).toHaveLength(2);
    await expectDistinctVersions([low.id, high.id]);
  });

  it('S60: a manager push racing a deadline move over the same two spaces both commit', async () => {
    const { boss, low, high } = await team();
    const draft = await draftCycle(db, bus, hr, { selection: { kind: 'list', personIds: [high.id, low.id] } });
    await callerAs(db, bus, hr).cycles.launch({ cycleId: draft.id });
    const [pushed] = await race(
      low,
      () => managerPush(boss, low, high),
      () => callerAs(db, bus, hr).cycles.extendDeadline({ cycleId: draft.id, selfDeadline: '2026-07-15', allowPast: true }),
    );
    const moved = await db.query<{ self_deadline: string }>('select self_deadline from review where cycle_id = $1', [draft.id]);
    expect(pushed).toMatchObject(APPLIED);
    expect(moved.map((r) => r.self_deadline)).toEqual(['2026-07-15', '2026-07-15']);
    await expectDistinctVersions([low.id, high.id]);
  });

  it('S60: a manager push racing a reopen (review and two notifications) both commit', async () => {
    const { boss, low, high } = await team();
    const draft = await draftCycle(db, bus, hr, { selection: { kind: 'list', personIds: [high.id, low.id] } });
    await callerAs(db, bus, hr).cycles.launch({ cycleId: draft.id });
    const review = (await db.query<{ id: string }>('select id from review where cycle_id = $1 and owner_id = $2', [draft.id, high.id]))[0];
    if (!review) throw new Error('review');
    await db.query(`update review set state = 'signed_off', signed_off_at = 1 where id = $1`, [review.id]);
    // The reviewee's space, then the manager's, was the order of the old bump and notification.
    const [pushed] = await race(
      boss,
      () => managerPush(boss, low, high),
      () => callerAs(db, bus, hr).reviews.reopen({ reviewId: review.id, reason: 'Typo in the rating' }),
    );
    expect(pushed).toMatchObject(APPLIED);
    const reopened = await db.query('select state from review where id = $1', [review.id]);
    expect(reopened).toEqual([{ state: 'manager_in_progress' }]);
    await expectDistinctVersions([low.id, high.id, boss.id]);
  });
});

/** S7 after the race: every row of a space has its own version, none above the space's. */
async function expectDistinctVersions(spaces: readonly string[]) {
  for (const s of spaces) {
    const rows = await db.query<{ version: number }>(
      `select version from goal where owner_id = $1 union all select version from manager_note where owner_id = $1 union all select version from review where owner_id = $1
       union all select version from notification where owner_id = $1`,
      [s],
    );
    const top = (await db.query<{ version: number }>('select version from space where id = $1', [s]))[0]?.version ?? 0;
    const versions = rows.map((r) => Number(r.version));
    expect(new Set(versions).size, `space ${s}: versions unique`).toBe(versions.length);
    expect(Math.max(0, ...versions), `space ${s}: no version above the space's`).toBeLessThanOrEqual(Number(top));
  }
}

describe('S60: the bump is written once', () => {
  it('S60: no server code outside space-version.ts writes the space table', () => {
    const root = join(__dirname, '..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.ts$/.test(f) && !f.endsWith('.test.ts') && !p.endsWith(join('sync', 'space-version.ts'))) {
          if (/(insert\s+into|update)\s+space\b/i.test(readFileSync(p, 'utf8'))) offenders.push(p);
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
