import { finalsOf } from '@merit/shared/domain/goal-finals';
import { uuidv7 } from '@merit/shared/ids';
import type { PullOutput } from '@merit/shared/sync/protocol';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { mutate } from '@/sync/mutate';
import { applyPullPage } from '@/sync/pull';
import { makeActor, makeDeviceDb } from '@/sync/testing/factories';
import { checkinRow } from './dashboard-fixtures';
import { MeritDb } from './db';

const page = (o: Partial<PullOutput>): PullOutput => ({ cursor: '1', lastMutationId: 0, reset: false, hasMore: false, changes: [], ...o });

/** What the stored finals must always be: `finalsOf` over the check-ins on the device, one row per goal with any. */
async function expectConsistent(db: MeritDb) {
  const checkins = await db.checkins.toArray();
  const goals = [...new Set(checkins.map((c) => c.goalId))];
  const expected = goals.map((id) => finalsOf(id, checkins)).filter((f) => Object.keys(f.latest).length > 0);
  const stored = await db.goalFinals.toArray();
  expect(stored.sort((a, b) => a.goalId.localeCompare(b.goalId))).toEqual(expected.sort((a, b) => a.goalId.localeCompare(b.goalId)));
}

describe('stored goal finals follow every write path', () => {
  it('local mutate: a new check-in, a later one, then deleting the latest brings the earlier back', async () => {
    const actor = makeActor();
    const db = makeDeviceDb(actor.personId);
    const goalId = uuidv7();
    const first = { id: uuidv7(), goalId, krId: 'k1', value: 10, confidence: 5, date: '2026-10-01' };
    const second = { ...first, id: uuidv7(), value: 30, date: '2026-10-08' };
    expect((await mutate(db, actor, 'checkin.create@1', first, 1)).ok).toBe(true);
    expect((await mutate(db, actor, 'checkin.create@1', second, 2)).ok).toBe(true);
    expect((await db.goalFinals.get(goalId))?.latest.k1?.value).toBe(30);
    expect((await mutate(db, actor, 'checkin.delete@1', { id: second.id }, 3)).ok).toBe(true);
    expect((await db.goalFinals.get(goalId))?.latest.k1?.value).toBe(10);
    await mutate(db, actor, 'checkin.delete@1', { id: first.id }, 4);
    expect(await db.goalFinals.get(goalId)).toBeUndefined();
    await expectConsistent(db);
  });

  it('pull: a page of rows, a tombstone (hard delete), then a reset snapshot', async () => {
    const actor = makeActor();
    const db = makeDeviceDb(actor.personId);
    const goalId = uuidv7();
    const a = checkinRow(actor.personId, goalId, 'k1', '2026-10-01', 10);
    const b = checkinRow(actor.personId, goalId, 'k1', '2026-10-05', 20);
    const c = checkinRow(actor.personId, goalId, 'k2', '2026-10-02', 7);
    const change = (row: typeof a) => ({ table: 'checkins' as const, id: row.id, row });
    await applyPullPage(db, actor, page({ changes: [a, b, c].map(change) }), null);
    expect((await db.goalFinals.get(goalId))?.latest).toMatchObject({ k1: { value: 20 }, k2: { value: 7 } });
    await applyPullPage(db, actor, page({ changes: [{ table: 'checkins', id: b.id, row: null }] }), null);
    expect((await db.goalFinals.get(goalId))?.latest.k1?.value).toBe(10);
    await expectConsistent(db);
    const other = checkinRow(actor.personId, uuidv7(), 'k1', '2026-10-03', 3);
    await applyPullPage(db, actor, page({ reset: true, changes: [change(other)] }), null);
    expect((await db.goalFinals.toArray()).map((f) => f.goalId)).toEqual([other.goalId]);
    await expectConsistent(db);
  });

  it('rebase: an optimistic check-in the server refused is rolled back, and the finals with it', async () => {
    const actor = makeActor();
    const db = makeDeviceDb(actor.personId);
    const goalId = uuidv7();
    const kept = checkinRow(actor.personId, goalId, 'k1', '2026-10-01', 10);
    await applyPullPage(db, actor, page({ changes: [{ table: 'checkins', id: kept.id, row: kept }] }), null);
    await mutate(db, actor, 'checkin.create@1', { id: uuidv7(), goalId, krId: 'k1', value: 99, confidence: 5, date: '2026-11-01' }, 5);
    expect((await db.goalFinals.get(goalId))?.latest.k1?.value).toBe(99);
    // The server acknowledged mutation 1 without a row for it: refused, so the replay leaves nothing.
    await applyPullPage(db, actor, page({ lastMutationId: 1, cursor: '2' }), 10);
    expect((await db.goalFinals.get(goalId))?.latest.k1?.value).toBe(10);
    await expectConsistent(db);
  });

  it('opening a device database of version 5 builds the finals of the check-ins already there', async () => {
    const actor = makeActor();
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    const old = new Dexie(`merit-${actor.personId}`, deps);
    old.version(5).stores({ goals: 'id, ownerId, dueDate', checkins: 'id, goalId, ownerId, date', wins: 'id, date, updatedAt, *tags' });
    const goalId = uuidv7();
    const rows = [checkinRow(actor.personId, goalId, 'k1', '2026-10-01', 10), checkinRow(actor.personId, goalId, 'k1', '2026-10-04', 12)];
    await old.table('checkins').bulkPut([...rows, { ...checkinRow(actor.personId, goalId, 'k1', '2026-12-01', 50), deleted: true }]);
    old.close();
    const db = new MeritDb(actor.personId, deps);
    expect((await db.goalFinals.get(goalId))?.latest.k1?.value).toBe(12);
    await expectConsistent(db);
  });
});
