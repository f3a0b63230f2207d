// Goals benches (issue 5): the home dashboard over five years of one person's data, and a check-in from
// tap to persisted. The client's real MeritDb, mutate() and the shared dashboard compute.
import { type Checkin, createCheckin } from '@merit/shared/domain/checkin';
import { computeDashboard } from '@merit/shared/domain/dashboard';
import { createGoal, type Goal, type KeyResult } from '@merit/shared/domain/goal';
import type { Actor } from '@merit/shared/domain/person';
import { createWin, type Win } from '@merit/shared/domain/win';
import { uuidv7 } from '@merit/shared/ids';
import { Dexie } from 'dexie';
import { MeritDb } from '@/db/db';
import { loadDashboard, readDashboardRows } from '@/db/goal-hooks';
import { mutate } from '@/sync/mutate';
import { benchDb, type Durability } from './durability.mts';

const DAY = 86_400_000;
const START = Date.UTC(2021, 10, 23);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const TODAY = dayOf(START + 5 * 365 * DAY);

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Five years of one person: 2,000 wins, 200 goals of 4 key results (one every ~9 days), 10,000 check-ins. */
function fiveYears(actor: Actor): { wins: Win[]; goals: Goal[]; checkins: Checkin[] } {
  const ctx = { actor, now: START };
  const wins = Array.from({ length: 2000 }, (_, i) =>
    must(
      createWin(
        undefined,
        { id: uuidv7(), title: `Win ${i}`, date: dayOf(START + Math.floor(i * 0.9125) * DAY), visibility: 'private' },
        ctx,
      ),
    ),
  );
  const goals: Goal[] = [];
  const checkins: Checkin[] = [];
  for (let g = 0; g < 200; g++) {
    const start = START + g * 9 * DAY;
    const keyResults: KeyResult[] = Array.from({ length: 4 }, (_, k) => ({
      id: `k${k}`,
      title: `Key result ${k}`,
      kind: 'number',
      start: k === 3 ? 100 : 0,
      target: k === 3 ? 20 : 50 + k * 10,
      unit: '',
      weight: k + 1,
      current: null,
    }));
    const goal = must(
      createGoal(
        undefined,
        {
          id: uuidv7(),
          title: `Goal ${g}`,
          periodStart: dayOf(start),
          dueDate: dayOf(start + 90 * DAY),
          visibility: 'manager',
          keyResults,
        },
        ctx,
      ),
    );
    // Goals that ended were closed by their owner, as people do at the end of a quarter.
    goals.push(goal.dueDate < TODAY ? { ...goal, status: g % 3 === 0 ? 'missed' : 'achieved' } : goal);
    // 50 check-ins per goal (12 or 13 per key result), weekly-ish across the quarter.
    for (let c = 0; c < 50; c++) {
      const kr = keyResults[c % 4];
      if (!kr) continue;
      const value = kr.start + ((kr.target - kr.start) * (c + ((g * 7) % 11))) / 60;
      const args = { id: uuidv7(), goalId: goal.id, krId: kr.id, value, confidence: (c + g) % 11, date: dayOf(start + c * 2 * DAY) };
      checkins.push(must(createCheckin(undefined, args, ctx)));
    }
  }
  return { wins, goals, checkins };
}

type Seeded = { db: MeritDb; actor: Actor; data: ReturnType<typeof fiveYears> };
let seeded: Seeded | undefined;

async function seed(): Promise<Seeded> {
  if (seeded) return seeded;
  const actor: Actor = { personId: uuidv7(), role: 'employee' };
  const db = new MeritDb(actor.personId);
  const data = fiveYears(actor);
  await db.transaction('rw', [db.wins, db.goals, db.checkins], async () => {
    await db.wins.bulkPut(data.wins);
    await db.goals.bulkPut(data.goals);
    await db.checkins.bulkPut(data.checkins);
  });
  seeded = { db, actor, data };
  return seeded;
}

/** Milliseconds per home dashboard as the screen gets it: `loadDashboard` (indexed Dexie reads, stored finals, the shared compute). */
async function dashboardRuns(runs: number): Promise<number[]> {
  const { db, actor } = await seed();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const d = await loadDashboard(db, actor.personId, TODAY, 0.7);
    out.push(performance.now() - t0);
    if (d.achievement.length !== 4 || d.goals.length === 0) throw new Error('dashboard bench data is wrong');
  }
  return out;
}

/** The floor of dashboardRuns: the same rows read from Dexie by the same queries (`readDashboardRows`), nothing computed. */
async function dashboardReadRuns(runs: number): Promise<number[]> {
  const { db, actor } = await seed();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const rows = await readDashboardRows(db, actor.personId, TODAY);
    out.push(performance.now() - t0);
    if (rows.finals.size === 0 || rows.checkins.length === 0) throw new Error('dashboard bench data is wrong');
  }
  return out;
}

/** Milliseconds for the shared compute alone over all five years in memory (12,200 rows: every figure, every quarter). */
async function dashboardComputeRuns(runs: number): Promise<number[]> {
  const { data } = await seed();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const d = computeDashboard({ ...data, today: TODAY, threshold: 0.7 });
    out.push(performance.now() - t0);
    if (d.achievement.length < 19) throw new Error('dashboard bench data is wrong');
  }
  return out;
}

/** Milliseconds to read all five years (12,200 rows) from Dexie: what a dashboard without indexed reads would wait for. */
async function dashboardReadAllRuns(runs: number): Promise<number[]> {
  const { db, actor } = await seed();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const [, checkins] = await Promise.all([
      db.goals.where('ownerId').equals(actor.personId).toArray(),
      db.checkins.where('ownerId').equals(actor.personId).toArray(),
      db.wins.toArray(),
    ]);
    out.push(performance.now() - t0);
    if (checkins.length !== 10_000) throw new Error('dashboard bench data is wrong');
  }
  return out;
}

const checkinArgs = (goalId: string, i: number) => ({
  id: uuidv7(),
  goalId,
  krId: 'k1',
  value: i,
  confidence: 7,
  note: 'Moved two deals forward',
  date: '2026-11-20',
});

/** Milliseconds per `mutate('checkin.create@1')` until it resolves (strict durability, outbox included). */
async function checkinRuns(runs: number, warmup: number, durability: Durability = 'strict'): Promise<number[]> {
  const actor: Actor = { personId: uuidv7(), role: 'employee' };
  const db = benchDb(actor.personId, durability);
  const goalId = uuidv7();
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    const r = await mutate(db, actor, 'checkin.create@1', checkinArgs(goalId, i));
    if (i >= warmup) samples.push(performance.now() - t0);
    if (!r.ok) throw new Error(r.error.message);
  }
  db.closeAll();
  await Dexie.delete(db.name);
  return samples;
}

/** The floor of checkinRuns: one `put` of the same row per transaction (strict unless told) on a bare table. */
async function checkinPutRuns(runs: number, warmup: number, durability: Durability = 'strict'): Promise<number[]> {
  const db = new Dexie(`bare-${uuidv7()}`, { chromeTransactionDurability: durability });
  db.version(1).stores({ checkins: 'id, goalId, ownerId, date' });
  const table = db.table<Checkin, string>('checkins');
  const actor: Actor = { personId: uuidv7(), role: 'employee' };
  const goalId = uuidv7();
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const row = must(createCheckin(undefined, checkinArgs(goalId, i), { actor, now: Date.now() }));
    const t0 = performance.now();
    await table.put(row);
    if (i >= warmup) samples.push(performance.now() - t0);
  }
  db.close();
  await Dexie.delete(db.name);
  return samples;
}

export const goalsBench = { dashboardRuns, dashboardReadRuns, dashboardComputeRuns, dashboardReadAllRuns, checkinRuns, checkinPutRuns };
