// The bench-only page: the client's real Dexie code, exposed on `window` for page.evaluate. It is `.mts`
// so the root tsconfig (which has no `@/` path to client/src) skips it; bench/browser/tsconfig.json checks it.
import type { Actor } from '@merit/shared/domain/person';
import { createWin, type Win, type WinCreateArgs } from '@merit/shared/domain/win';
import { uuidv7 } from '@merit/shared/ids';
import type { PullOutput } from '@merit/shared/sync/protocol';
import { Dexie, type Table } from 'dexie';
import { MeritDb } from '@/db/db';
import { mutate } from '@/sync/mutate';
import { applyPullPage } from '@/sync/pull';
import type { BenchApi } from './api';
import { benchDb, type Durability } from './durability.mts';
// goals (issue 5)
import { goalsBench } from './goals.mts';
// HR's people table (issue 12)
import { peopleBench } from './people.mts';

const PAGE = 1000;
const WORDS = 'shipped the release fixed flaky tests mentored a new hire led the incident review wrote docs'.split(' ');

/** A row exactly as the shared rule makes it, so the bench follows the Win schema as it grows. */
function winRow(ownerId: string, args: WinCreateArgs, now: number): Win {
  const r = createWin(undefined, args, { actor: { personId: ownerId, role: 'employee' }, now });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** About 0.5 KB, like a real win with a short description (the research anchors use the same size). */
function makeWin(ownerId: string, i: number): Win {
  const description = Array.from({ length: 60 }, (_, k) => WORDS[(i + k) % WORDS.length]).join(' ');
  const date = `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  const row = winRow(
    ownerId,
    { id: uuidv7(), title: `Win number ${i}`, description, date, tags: ['bench', `t${i % 7}`], visibility: 'private' },
    1_700_000_000_000 + i,
  );
  return { ...row, version: i + 1 };
}

/** The same indexes as MeritDb's `wins`, on a bare Dexie database: what IndexedDB alone costs. */
function bareDb(durability: 'default' | Durability): { db: Dexie; wins: Table<Win, string> } {
  const db = new Dexie(`bare-${uuidv7()}`, { chromeTransactionDurability: durability });
  db.version(1).stores({ wins: 'id, date, updatedAt, *tags' });
  return { db, wins: db.table<Win, string>('wins') };
}

/** Milliseconds to apply `n` rows as pull pages of 1,000 (the first a reset snapshot) on a fresh MeritDb. */
async function pullApply(n: number): Promise<number> {
  const actor: Actor = { personId: uuidv7(), role: 'employee' };
  const db = new MeritDb(actor.personId);
  await db.open();
  const pages: PullOutput[] = [];
  for (let start = 0; start < n; start += PAGE) {
    const rows = Array.from({ length: Math.min(PAGE, n - start) }, (_, k) => makeWin(actor.personId, start + k));
    pages.push({
      cursor: JSON.stringify({ [actor.personId]: start + rows.length }),
      lastMutationId: 0,
      reset: start === 0,
      hasMore: start + PAGE < n,
      changes: rows.map((row) => ({ table: 'wins', id: row.id, row })),
    });
  }
  const t0 = performance.now();
  for (const page of pages) await applyPullPage(db, actor, page, page.hasMore ? null : Date.now());
  const ms = performance.now() - t0;
  if ((await db.wins.count()) !== n) throw new Error('pull apply lost rows');
  db.closeAll();
  await Dexie.delete(db.name);
  return ms;
}

/** The floor of pullApply: bulkPut of the same rows, 1,000 per transaction, on a bare table. */
async function bulkPutFloor(n: number): Promise<number> {
  const { db, wins } = bareDb('default');
  await db.open();
  const ownerId = uuidv7();
  const rows = Array.from({ length: n }, (_, i) => makeWin(ownerId, i));
  const t0 = performance.now();
  for (let start = 0; start < n; start += PAGE) await wins.bulkPut(rows.slice(start, start + PAGE));
  const ms = performance.now() - t0;
  db.close();
  await Dexie.delete(db.name);
  return ms;
}

const createArgs = (i: number) => ({
  id: uuidv7(),
  title: `Logged win ${i}`,
  date: '2026-11-20',
  description: 'Helped a teammate ship the release',
  tags: ['bench'],
  visibility: 'private' as const,
});

/** Milliseconds per `mutate('win.create@1')` until it resolves (committed with strict durability, outbox included). */
async function mutateRuns(runs: number, warmup: number, durability: Durability = 'strict'): Promise<number[]> {
  const actor: Actor = { personId: uuidv7(), role: 'employee' };
  const db = benchDb(actor.personId, durability);
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    const r = await mutate(db, actor, 'win.create@1', createArgs(i));
    if (i >= warmup) samples.push(performance.now() - t0);
    if (!r.ok) throw new Error(r.error.message);
  }
  if ((await db.outbox.count()) !== warmup + runs) throw new Error('outbox entries missing');
  db.closeAll();
  await Dexie.delete(db.name);
  return samples;
}

/** The floor of mutateRuns: one `put` of a win row per transaction (strict unless told) on a bare table. */
async function putRuns(runs: number, warmup: number, durability: Durability = 'strict'): Promise<number[]> {
  const { db, wins } = bareDb(durability);
  await db.open();
  const ownerId = uuidv7();
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    // The very row mutate() writes for the same arguments.
    const row = winRow(ownerId, createArgs(i), Date.now());
    const t0 = performance.now();
    await wins.put(row);
    if (i >= warmup) samples.push(performance.now() - t0);
  }
  db.close();
  await Dexie.delete(db.name);
  return samples;
}

const api: BenchApi = { pullApply, bulkPutFloor, mutateRuns, putRuns, ...goalsBench, ...peopleBench };
Object.assign(window, { bench: api });
