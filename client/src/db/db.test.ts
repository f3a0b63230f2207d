import { uuidv7 } from '@merit/shared/ids';
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { makeWin } from '@/sync/testing/factories';
import { deletePersonDb, MeritDb, openPersonDb } from './db';
import { ensureDeviceId } from './meta';

describe('MeritDb (docs/SYNC.md S12, S15)', () => {
  it('S15: one database per person, named merit-<personId>', () => {
    const id = uuidv7();
    expect(openPersonDb(id).name).toBe(`merit-${id}`);
  });

  it('S12: outbox writes go through a second, strict instance; live queries on the first see them', async () => {
    const db = openPersonDb(uuidv7());
    expect(db.durable).not.toBe(db);
    expect(db.durable.durable).toBe(db.durable);
    const counts: number[] = [];
    const sub = liveQuery(() => db.wins.count()).subscribe((n) => counts.push(n));
    await expect.poll(() => counts).toEqual([0]);
    await db.durable.wins.put(makeWin());
    await expect.poll(() => counts).toEqual([0, 1]);
    sub.unsubscribe();
    db.closeAll();
  });

  it('makes the device id once and keeps it', async () => {
    const personId = uuidv7();
    const first = await ensureDeviceId(openPersonDb(personId));
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(await ensureDeviceId(new MeritDb(personId))).toBe(first);
  });

  it('S15: deletePersonDb removes the data, even while a connection is open', async () => {
    const personId = uuidv7();
    const db = openPersonDb(personId);
    await db.wins.put(makeWin());
    await deletePersonDb(personId);
    expect(await openPersonDb(personId).wins.count()).toBe(0);
  });
});
