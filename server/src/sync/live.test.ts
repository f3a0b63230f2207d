import { getEventListeners } from 'node:events';
import { uuidv7 } from '@merit/shared/ids';
import { PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { appRouter } from '../router';
import { callerAs, createPerson, makeContext, type TestPerson } from '../test/context';
import { openTestDb } from '../test/harness';
import { createCallerFactory } from '../trpc';
import { type ChangeBus, createChangeBus, pokes } from './bus';

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

/** The next value of a live stream, or 'quiet' when none comes within `ms`. */
async function within<T>(next: Promise<T>, ms = 400): Promise<T | 'quiet'> {
  let timer: NodeJS.Timeout | undefined;
  const quiet = new Promise<'quiet'>((r) => {
    timer = setTimeout(() => r('quiet'), ms);
  });
  try {
    return await Promise.race([next, quiet]);
  } finally {
    clearTimeout(timer);
  }
}

const winPush = (p: TestPerson, deviceId: string, id: number) =>
  callerAs(db, bus, p).sync.push({
    protocol: PROTOCOL_VERSION,
    deviceId,
    mutations: [
      {
        id,
        name: 'win.create@1',
        createdAt: Date.now(),
        args: { id: uuidv7(), title: `Win ${id}`, date: '2026-11-02', visibility: 'manager' },
      },
    ],
  });

describe('S62: one abort listener per live stream', () => {
  it('S62: 20 pokes leave one abort listener on the signal and no MaxListenersExceededWarning, and none after the end', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    const ac = new AbortController();
    const stream = pokes(bus, () => new Set(['space-x']), ac.signal)[Symbol.asyncIterator]();
    try {
      await stream.next();
      for (let i = 0; i < 20; i++) {
        const next = stream.next();
        await bus.publish(['space-x']);
        expect((await next).done).toBe(false);
      }
      expect(getEventListeners(ac.signal, 'abort')).toHaveLength(1);
      const last = stream.next();
      ac.abort();
      expect((await last).done).toBe(true);
      expect(getEventListeners(ac.signal, 'abort')).toHaveLength(0);
      await new Promise((r) => setImmediate(r));
      expect(warnings.filter((w) => w === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
      await stream.return?.(undefined);
    }
  });
});

describe('S61: the sync stream follows reporting lines', () => {
  it("S61: a new report's changes poke the manager; once the report moves away, they poke the new manager and not the old", async () => {
    const mona = await createPerson(db, { name: 'Mona' });
    const otto = await createPerson(db, { name: 'Otto' });
    const rex = await createPerson(db, { name: 'Rex' });
    const rexDevice = uuidv7();
    const asHr = callerAs(db, bus, hr);
    const ac = new AbortController();
    const live = async (p: TestPerson) => {
      const ctx = makeContext(db, bus, { personId: p.id, role: p.role, tokenHash: `test-${p.id}` });
      return (await createCallerFactory(appRouter)(ctx, { signal: ac.signal }).sync.live())[Symbol.asyncIterator]();
    };
    const monaLive = await live(mona);
    const ottoLive = await live(otto);
    try {
      await monaLive.next();
      await ottoLive.next();
      // Rex is nobody's report yet: his win pokes neither.
      let monaNext = monaLive.next();
      let ottoNext = ottoLive.next();
      await winPush(rex, rexDevice, 1);
      expect(await within(monaNext)).toBe('quiet');
      expect(await within(ottoNext)).toBe('quiet');
      // HR makes Rex Mona's report: Mona is poked (her team changed), then by each of his changes.
      await asHr.people.update({ id: rex.id, managerId: mona.id });
      expect(await within(monaNext)).toMatchObject({ done: false });
      monaNext = monaLive.next();
      await winPush(rex, rexDevice, 2);
      expect(await within(monaNext)).toMatchObject({ done: false });
      expect(await within(ottoNext)).toBe('quiet');
      // Rex moves to Otto: both are poked by the move; afterwards only Otto by Rex's changes.
      monaNext = monaLive.next();
      await asHr.people.update({ id: rex.id, managerId: otto.id });
      expect(await within(monaNext)).toMatchObject({ done: false });
      expect(await within(ottoNext)).toMatchObject({ done: false });
      monaNext = monaLive.next();
      ottoNext = ottoLive.next();
      await winPush(rex, rexDevice, 3);
      expect(await within(ottoNext)).toMatchObject({ done: false });
      expect(await within(monaNext)).toBe('quiet');
    } finally {
      ac.abort();
    }
  });
});
