import type { Rejection } from '@merit/shared/domain/rejection';
import type { Win } from '@merit/shared/domain/win';
import { uuidv7 } from '@merit/shared/ids';
import type { PullOutput } from '@merit/shared/sync/protocol';
import { describe, expect, it } from 'vitest';
import { getMeta } from '@/db/meta';
import { mutate } from './mutate';
import { applyPullPage } from './pull';
import { makeActor, makeDeviceDb, makeWin } from './testing/factories';

const setup = () => {
  const actor = makeActor();
  return { actor, db: makeDeviceDb(actor.personId), win: (o?: Partial<Win>) => makeWin({ ownerId: actor.personId, ...o }) };
};
const page = (o: Partial<PullOutput>): PullOutput => ({ cursor: '1', lastMutationId: 0, reset: false, hasMore: false, changes: [], ...o });
const put = (row: Win | Rejection) => ({ table: 'title' in row ? ('wins' as const) : ('rejections' as const), id: row.id, row });

describe('applying a pull page (docs/SYNC.md S13)', () => {
  it('S13: drops acknowledged entries and re-applies the rest, so an unsent edit does not flicker away', async () => {
    const { db, actor, win } = setup();
    const id = uuidv7();
    await mutate(db, actor, 'win.create@1', { id, title: 'Draft', date: '2025-01-02', visibility: 'private' }, 10);
    await mutate(db, actor, 'win.update@1', { id, patch: { title: 'Unsent edit' } }, 20);
    const serverRow = win({ id, title: 'Draft', date: '2025-01-02', createdAt: 10, updatedAt: 10, version: 3 });

    await applyPullPage(db, actor, page({ lastMutationId: 1, changes: [put(serverRow)], cursor: '3' }), 99);

    expect((await db.outbox.toArray()).map((e) => e.mutationId)).toEqual([2]);
    expect(await db.wins.get(id)).toMatchObject({ title: 'Unsent edit', version: 3 });
    expect(await db.shadows.get(['wins', id])).toMatchObject({ row: serverRow });
    expect(await getMeta(db, 'cursor')).toBe('3');
    expect(await getMeta(db, 'lastSyncedAt')).toBe(99);
  });

  it('S13: a refused optimistic edit is rolled back from the shadow even when the page has no row for it', async () => {
    const { db, actor, win } = setup();
    const server = win({ title: 'Server title', version: 5 });
    await applyPullPage(db, actor, page({ changes: [put(server)] }), null);
    await mutate(db, actor, 'win.update@1', { id: server.id, patch: { title: 'Refused edit' } }, 30);
    expect((await db.wins.get(server.id))?.title).toBe('Refused edit');

    const rejection: Rejection = {
      id: uuidv7(),
      ownerId: actor.personId,
      deviceId: uuidv7(),
      mutationId: 1,
      name: 'win.update@1',
      args: { id: server.id, patch: { title: 'Refused edit' } },
      code: 'LOCKED',
      message: 'Locked',
      createdAt: 40,
      dismissed: false,
      version: 6,
      deleted: false,
    };
    await applyPullPage(db, actor, page({ lastMutationId: 1, changes: [put(rejection)] }), null);

    expect(await db.wins.get(server.id)).toEqual(server);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.shadows.count()).toBe(0);
    expect(await db.rejections.get(rejection.id)).toEqual(rejection);
  });

  it('S13: a refused create disappears: its shadow says the server has no such record', async () => {
    const { db, actor } = setup();
    const id = uuidv7();
    await mutate(db, actor, 'win.create@1', { id, title: 'Never accepted', date: '2025-01-02', visibility: 'private' });
    await applyPullPage(db, actor, page({ lastMutationId: 1 }), null);
    expect(await db.wins.get(id)).toBeUndefined();
  });

  it('S6/S13: acknowledged entries stay until the last page, which may carry their effect', async () => {
    const { db, actor, win } = setup();
    const id = uuidv7();
    await mutate(db, actor, 'win.create@1', { id, title: 'Mine', date: '2025-01-02', visibility: 'private' }, 10);
    await applyPullPage(db, actor, page({ lastMutationId: 1, hasMore: true, changes: [put(win())] }), null);
    expect(await db.outbox.count()).toBe(1);
    expect((await db.wins.get(id))?.title).toBe('Mine');

    const confirmed = win({ id, title: 'Mine', createdAt: 10, updatedAt: 10, version: 9 });
    await applyPullPage(db, actor, page({ lastMutationId: 1, changes: [put(confirmed)] }), null);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.wins.get(id)).toEqual(confirmed);
  });

  it('S9: reset clears the synced tables, and pending mutations are re-applied on the snapshot', async () => {
    const { db, actor, win } = setup();
    const stale = win({ title: 'Gone from the server' });
    await applyPullPage(db, actor, page({ changes: [put(stale)] }), null);
    const id = uuidv7();
    await mutate(db, actor, 'win.create@1', { id, title: 'Pending', date: '2025-01-02', visibility: 'private' });
    const fresh = win({ title: 'Snapshot row' });

    await applyPullPage(db, actor, page({ reset: true, changes: [put(fresh)] }), null);

    expect((await db.wins.toArray()).map((w) => w.title).sort()).toEqual(['Pending', 'Snapshot row']);
    expect(await db.outbox.count()).toBe(1);
  });

  it('S8: a tombstone deletes the local row', async () => {
    const { db, actor, win } = setup();
    const w = win();
    await applyPullPage(db, actor, page({ changes: [put(w)] }), null);
    await applyPullPage(db, actor, page({ changes: [{ table: 'wins', id: w.id, row: null }] }), null);
    expect(await db.wins.count()).toBe(0);
  });
});
