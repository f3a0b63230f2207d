import { uuidv7 } from '@merit/shared/ids';
import { type Mutation, PROTOCOL_VERSION, type PullOutput } from '@merit/shared/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { callerAs, createPerson } from '../test/context';
import { openTestDb } from '../test/harness';
import { type ChangeBus, createChangeBus } from './bus';
import { pull } from './pull';

let db: Db;
let bus: ChangeBus;
beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
});
afterAll(async () => {
  await bus.close();
  await db.close();
});

const P = PROTOCOL_VERSION;
const create = (id: number, winId: string, title: string, visibility: 'private' | 'manager' = 'private'): Mutation => ({
  id,
  name: 'win.create@1',
  args: { id: winId, title, date: '2026-11-20', visibility },
  createdAt: 0,
});

/** The same database, counting the statements sent through it. */
function counting(inner: Db): { db: Db; count: () => number } {
  let n = 0;
  const db: Db = {
    ...inner,
    query: (sql, params) => {
      n++;
      return inner.query(sql, params);
    },
    tx: (fn) => inner.tx(fn),
  };
  return { db, count: () => n };
}

describe('the pull cache, kept fresh by the change bus (docs/SYNC.md, "Caches")', () => {
  it('answers an empty pull whose cursor is current without touching the database', async () => {
    const p = await createPerson(db);
    const c = callerAs(db, bus, p);
    const deviceId = uuidv7();
    // The NOTIFY of this push comes back to this process too; wait for it, as it forgets the space again.
    const heard = new Promise<void>((resolve) => {
      const stop = bus.subscribe((spaces) => {
        if (!spaces.includes(p.id)) return;
        stop();
        resolve();
      });
    });
    await c.sync.push({ protocol: P, deviceId, mutations: [create(1, uuidv7(), 'One')] });
    await heard;
    const first = await c.sync.pull({ protocol: P, deviceId, cursor: null });
    const counted = counting(db);
    const again = await pull(counted.db, { personId: p.id, role: p.role }, { protocol: P, deviceId, cursor: first.cursor }, bus.cache);
    expect(again).toEqual({ cursor: first.cursor, lastMutationId: 1, reset: false, hasMore: false, changes: [] });
    expect(counted.count()).toBe(0);
  });

  it('a device that never pushed is answered from memory too, and its first push, made through another process, is seen', async () => {
    const p = await createPerson(db);
    const here = callerAs(db, bus, p);
    const deviceId = uuidv7();
    const first = await here.sync.pull({ protocol: P, deviceId, cursor: null });
    const counted = counting(db);
    const again = await pull(counted.db, { personId: p.id, role: p.role }, { protocol: P, deviceId, cursor: first.cursor }, bus.cache);
    expect(again).toEqual({ cursor: first.cursor, lastMutationId: 0, reset: false, hasMore: false, changes: [] });
    expect(counted.count()).toBe(0);

    const elsewhere = await createChangeBus(db);
    try {
      const win = uuidv7();
      await callerAs(db, elsewhere, p).sync.push({ protocol: P, deviceId, mutations: [create(1, win, 'From a pull-only device')] });
      await expect
        .poll(async () => {
          const page = await here.sync.pull({ protocol: P, deviceId, cursor: first.cursor });
          expect(page.lastMutationId === 1).toBe(page.changes.some((ch) => ch.id === win));
          return page.lastMutationId;
        })
        .toBe(1);
      // Now bound to its owner (S2): anyone else's pull for it is refused, whatever this process remembers.
      const stranger = await createPerson(db);
      await expect(callerAs(db, bus, stranger).sync.pull({ protocol: P, deviceId, cursor: null })).rejects.toThrow(/another person/);
    } finally {
      await elsewhere.close();
    }
  });

  it('S13: a push is seen by the very next pull in this process, acknowledged together with its rows', async () => {
    const p = await createPerson(db);
    const c = callerAs(db, bus, p);
    const deviceId = uuidv7();
    const other = uuidv7();
    let cursor = (await c.sync.pull({ protocol: P, deviceId, cursor: null })).cursor;
    for (let i = 1; i <= 3; i++) {
      const win = uuidv7();
      await c.sync.push({ protocol: P, deviceId, mutations: [create(i, win, `Win ${i}`)] });
      const page = await c.sync.pull({ protocol: P, deviceId, cursor });
      expect(page.lastMutationId).toBe(i);
      expect(page.changes.map((ch) => ch.id)).toEqual([win]);
      cursor = page.cursor;
      // Another device of the same person writes: this device's cached state must be forgotten too.
      const theirs = uuidv7();
      await c.sync.push({ protocol: P, deviceId: other, mutations: [create(i, theirs, `Theirs ${i}`)] });
      const next = await c.sync.pull({ protocol: P, deviceId, cursor });
      expect(next.changes.map((ch) => ch.id)).toEqual([theirs]);
      cursor = next.cursor;
    }
  });

  it('S10: a change made through another server process reaches this one by NOTIFY, never acknowledged before its rows', async () => {
    const p = await createPerson(db);
    const here = callerAs(db, bus, p);
    const elsewhere = await createChangeBus(db);
    try {
      const there = callerAs(db, elsewhere, p);
      const deviceId = uuidv7();
      await here.sync.push({ protocol: P, deviceId, mutations: [create(1, uuidv7(), 'First')] });
      const first = await here.sync.pull({ protocol: P, deviceId, cursor: null });
      const win = uuidv7();
      await there.sync.push({ protocol: P, deviceId, mutations: [create(2, win, 'Pushed to the other process')] });
      let page: PullOutput | undefined;
      await expect
        .poll(async () => {
          page = await here.sync.pull({ protocol: P, deviceId, cursor: first.cursor });
          // Whatever this process knows, the acknowledgement and the row travel together.
          expect(page.lastMutationId === 2).toBe(page.changes.some((ch) => ch.id === win));
          return page.lastMutationId;
        })
        .toBe(2);
    } finally {
      await elsewhere.close();
    }
  });

  it('S9: a report moved to another manager resets the old manager at once; the new one reads the report', async () => {
    const hr = await createPerson(db, { role: 'hr' });
    const oldBoss = await createPerson(db);
    const newBoss = await createPerson(db);
    const report = await createPerson(db, { managerId: oldBoss.id });
    await callerAs(db, bus, report).sync.push({ protocol: P, deviceId: uuidv7(), mutations: [create(1, uuidv7(), 'Shared', 'manager')] });
    const oldDevice = uuidv7();
    const newDevice = uuidv7();
    const o = callerAs(db, bus, oldBoss);
    const n = callerAs(db, bus, newBoss);
    await o.sync.push({ protocol: P, deviceId: oldDevice, mutations: [] });
    await n.sync.push({ protocol: P, deviceId: newDevice, mutations: [] });
    const before = await o.sync.pull({ protocol: P, deviceId: oldDevice, cursor: null });
    expect(before.changes).toHaveLength(1);
    const nb = await n.sync.pull({ protocol: P, deviceId: newDevice, cursor: null });
    expect(nb.changes).toHaveLength(0);
    expect((await o.sync.pull({ protocol: P, deviceId: oldDevice, cursor: before.cursor })).reset).toBe(false);
    await callerAs(db, bus, hr).people.update({ id: report.id, managerId: newBoss.id });
    const after = await o.sync.pull({ protocol: P, deviceId: oldDevice, cursor: before.cursor });
    expect(after).toMatchObject({ reset: true, changes: [] });
    const gained = await n.sync.pull({ protocol: P, deviceId: newDevice, cursor: nb.cursor });
    expect(gained.changes).toHaveLength(1);
  });
});
