import { uuidv7 } from '@merit/shared/ids';
import { type Mutation, PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { callerAs, createPerson, type TestPerson } from '../test/context';
import { openTestDb } from '../test/harness';
import { type ChangeBus, createChangeBus } from './bus';

let db: Db;
let bus: ChangeBus;
let ann: TestPerson;
let boss: TestPerson;
let other: TestPerson;

beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  boss = await createPerson(db, { name: 'Boss' });
  ann = await createPerson(db, { name: 'Ann', managerId: boss.id });
  other = await createPerson(db, { name: 'Other' });
});
afterAll(async () => {
  await bus.close();
  await db.close();
});

const P = PROTOCOL_VERSION;
const createWin = (id: number, winId: string, title: string, visibility: 'private' | 'manager' = 'private'): Mutation => ({
  id,
  name: 'win.create@1',
  args: { id: winId, title, date: '2026-11-20', visibility },
  createdAt: Date.now(),
});

async function pullAll(c: ReturnType<typeof callerAs>, deviceId: string, cursor: string | null = null, limit = 500) {
  const changes = [];
  let cur = cursor;
  let last = 0;
  for (;;) {
    const page = await c.sync.pull({ protocol: P, deviceId, cursor: cur, limit });
    changes.push(...page.changes);
    cur = page.cursor;
    last = page.lastMutationId;
    if (!page.hasMore) break;
  }
  return { changes, cursor: cur, lastMutationId: last };
}

describe('sync push and pull (docs/SYNC.md)', () => {
  it('S3/S4: applies mutations in order and answers a retried batch with the recorded results (no double apply)', async () => {
    const c = callerAs(db, bus, ann);
    const device = uuidv7();
    const w1 = uuidv7();
    const w2 = uuidv7();
    const batch = [createWin(1, w1, 'Shipped search'), createWin(2, w2, 'Mentored Bo')];
    const first = await c.sync.push({ protocol: P, deviceId: device, mutations: batch });
    expect(first).toEqual({
      lastMutationId: 2,
      results: [
        { id: 1, status: 'applied' },
        { id: 2, status: 'applied' },
      ],
    });
    const again = await c.sync.push({ protocol: P, deviceId: device, mutations: batch });
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    const rows = await db.query<{ n: number }>('select count(*)::int as n from win where id = any($1)', [[w1, w2]]);
    expect(rows[0]?.n).toBe(2);
  });

  it('S3: a gap stops the batch and reports the last applied id', async () => {
    const c = callerAs(db, bus, ann);
    const device = uuidv7();
    const out = await c.sync.push({ protocol: P, deviceId: device, mutations: [createWin(2, uuidv7(), 'too early')] });
    expect(out).toEqual({ lastMutationId: 0, results: [] });
  });

  it('S5: a rejected mutation keeps the text in a rejection row and does not block the ones behind it', async () => {
    const c = callerAs(db, bus, ann);
    const device = uuidv7();
    const good = uuidv7();
    const out = await c.sync.push({
      protocol: P,
      deviceId: device,
      mutations: [
        { id: 1, name: 'win.update@1', args: { id: uuidv7(), patch: { title: 'Edit of a win that never existed' } }, createdAt: 0 },
        createWin(2, good, 'After the bad one'),
      ],
    });
    expect(out.results).toEqual([
      { id: 1, status: 'rejected', code: 'NOT_FOUND', message: 'This win does not exist' },
      { id: 2, status: 'applied' },
    ]);
    const { changes } = await pullAll(c, device);
    const rejection = changes.find((ch) => ch.table === 'rejections' && ch.row?.mutationId === 1 && ch.row?.deviceId === device);
    expect(rejection?.row?.args).toEqual({ id: expect.any(String), patch: { title: 'Edit of a win that never existed' } });
    expect(changes.some((ch) => ch.id === good)).toBe(true);
  });

  it('S2: another person cannot push for a device that is not theirs, nor edit their wins', async () => {
    const device = uuidv7();
    const winId = uuidv7();
    await callerAs(db, bus, ann).sync.push({ protocol: P, deviceId: device, mutations: [createWin(1, winId, 'Mine')] });
    await expect(
      callerAs(db, bus, other).sync.push({ protocol: P, deviceId: device, mutations: [createWin(2, uuidv7(), 'x')] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const out = await callerAs(db, bus, other).sync.push({
      protocol: P,
      deviceId: uuidv7(),
      mutations: [{ id: 1, name: 'win.update@1', args: { id: winId, patch: { title: 'hijacked' } }, createdAt: 0 }],
    });
    expect(out.results[0]).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
    const rows = await db.query<{ title: string }>('select title from win where id = $1', [winId]);
    expect(rows[0]?.title).toBe('Mine');
  });

  it('S8: a manager pulls shared wins of a report, never private ones, and gets a tombstone when one turns private', async () => {
    const a = callerAs(db, bus, ann);
    const device = uuidv7();
    const shared = uuidv7();
    const priv = uuidv7();
    await a.sync.push({
      protocol: P,
      deviceId: device,
      mutations: [createWin(1, shared, 'Shared', 'manager'), createWin(2, priv, 'Private')],
    });
    const m = callerAs(db, bus, boss);
    const mDevice = uuidv7();
    const first = await pullAll(m, mDevice);
    const ids = first.changes.map((c) => c.id);
    expect(ids).toContain(shared);
    expect(ids).not.toContain(priv);
    expect(first.changes.every((c) => c.table === 'wins')).toBe(true);
    await a.sync.push({
      protocol: P,
      deviceId: device,
      mutations: [{ id: 3, name: 'win.update@1', args: { id: shared, patch: { visibility: 'private' } }, createdAt: 0 }],
    });
    const second = await pullAll(m, mDevice, first.cursor);
    expect(second.changes).toEqual([{ table: 'wins', id: shared, row: null }]);
    const stranger = await pullAll(callerAs(db, bus, other), uuidv7());
    expect(stranger.changes.filter((c) => c.table === 'wins' && c.row?.ownerId === ann.id)).toEqual([]);
  });

  it('S6: pages by limit and the union of pages equals one big pull', async () => {
    const p = await createPerson(db);
    const c = callerAs(db, bus, p);
    const device = uuidv7();
    const mutations = Array.from({ length: 25 }, (_, i) => createWin(i + 1, uuidv7(), `Win ${i}`));
    await c.sync.push({ protocol: P, deviceId: device, mutations });
    const paged = await pullAll(c, device, null, 7);
    const whole = await pullAll(c, device, null, 500);
    expect(paged.changes.map((x) => x.id).sort()).toEqual(whole.changes.map((x) => x.id).sort());
    expect(paged.changes).toHaveLength(25);
    expect(paged.lastMutationId).toBe(25);
    const after = await pullAll(c, device, paged.cursor);
    expect(after.changes).toEqual([]);
  });

  it('S11: an outdated protocol is told to update and nothing is applied', async () => {
    const c = callerAs(db, bus, ann);
    await expect(c.sync.push({ protocol: P + 1, deviceId: uuidv7(), mutations: [createWin(1, uuidv7(), 'x')] })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
  });

  it('S10: a push pokes live subscribers of the affected space', async () => {
    const seen: string[][] = [];
    const stop = bus.subscribe((s) => seen.push(s));
    await callerAs(db, bus, ann).sync.push({ protocol: P, deviceId: uuidv7(), mutations: [createWin(1, uuidv7(), 'poke')] });
    await expect.poll(() => seen.flat()).toContain(ann.id);
    stop();
  });
});

describe('sync under load', () => {
  it('S5: a mutation that is always refused does not stop the 50 behind it', async () => {
    const p = await createPerson(db);
    const c = callerAs(db, bus, p);
    const poison: Mutation = { id: 1, name: 'win.explode@9', args: { boom: true }, createdAt: 0 };
    const rest = Array.from({ length: 50 }, (_, i) => createWin(i + 2, uuidv7(), `after poison ${i}`));
    const deviceId = uuidv7();
    const out = await c.sync.push({ protocol: P, deviceId, mutations: [poison, ...rest] });
    expect(out.lastMutationId).toBe(51);
    expect(out.results[0]).toMatchObject({ id: 1, status: 'rejected', code: 'UNKNOWN_MUTATION' });
    expect(out.results.slice(1).every((r) => r.status === 'applied')).toBe(true);
    const again = await c.sync.push({ protocol: P, deviceId, mutations: [poison] });
    expect(again.results[0]).toMatchObject({ status: 'duplicate', code: 'UNKNOWN_MUTATION' });
  });

  it('S7: with concurrent writers committing out of order, the union of concurrent pulls holds every change', async () => {
    const p = await createPerson(db);
    const writers = Array.from({ length: 6 }, () => ({ device: uuidv7(), c: callerAs(db, bus, p) }));
    const reader = callerAs(db, bus, p);
    const readerDevice = uuidv7();
    const seen = new Set<string>();
    let cursor: string | null = null;
    let done = false;
    const readLoop = (async () => {
      while (!done) {
        const page = await reader.sync.pull({ protocol: P, deviceId: readerDevice, cursor, limit: 7 });
        for (const ch of page.changes) seen.add(ch.id);
        cursor = page.cursor;
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    const written = new Set<string>();
    await Promise.all(
      writers.map(async (w) => {
        for (let i = 1; i <= 15; i++) {
          const id = uuidv7();
          written.add(id);
          await w.c.sync.push({ protocol: P, deviceId: w.device, mutations: [createWin(i, id, `w${i}`)] });
        }
      }),
    );
    done = true;
    await readLoop;
    for (;;) {
      const page = await reader.sync.pull({ protocol: P, deviceId: readerDevice, cursor, limit: 50 });
      for (const ch of page.changes) seen.add(ch.id);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect([...written].filter((id) => !seen.has(id))).toEqual([]);
    expect(seen.size).toBe(90);
  });
});
