import { uuidv7 } from '@merit/shared/ids';
import { describe, expect, it, vi } from 'vitest';
import { getMeta } from '@/db/meta';
import { mutate } from './mutate';
import { makeActor, makeDeviceDb, makeWin } from './testing/factories';

const setup = () => {
  const actor = makeActor();
  return { actor, db: makeDeviceDb(actor.personId) };
};
const create = (title = 'Closed the Q3 deal') => ({ id: uuidv7(), title, date: '2025-03-04', visibility: 'private' as const });

describe('mutate (docs/SYNC.md S12)', () => {
  it('S12: success writes the row and appends outbox entries with consecutive ids in one step', async () => {
    const { db, actor } = setup();
    const args = create();
    const r = await mutate(db, actor, 'win.create@1', args, 1000);
    expect(r.ok && r.value.title).toBe('Closed the Q3 deal');
    await mutate(db, actor, 'win.update@1', { id: args.id, patch: { title: 'Closed the Q3 deal early' } }, 2000);
    await mutate(db, actor, 'win.update@1', { id: args.id, patch: { tags: ['Sales'] } }, 3000);

    const outbox = await db.outbox.orderBy('mutationId').toArray();
    expect(outbox.map((e) => [e.mutationId, e.name, e.createdAt])).toEqual([
      [1, 'win.create@1', 1000],
      [2, 'win.update@1', 2000],
      [3, 'win.update@1', 3000],
    ]);
    expect(outbox.map((e) => [e.table, e.target])).toEqual(Array(3).fill(['wins', args.id]));
    expect(await getMeta(db, 'nextMutationId')).toBe(4);
    const row = await db.wins.get(args.id);
    expect(row).toMatchObject({ title: 'Closed the Q3 deal early', tags: ['sales'], ownerId: actor.personId, version: 0, updatedAt: 3000 });
    // The shadow is the server copy from before the first pending mutation: none, for a new record.
    expect(await db.shadows.toArray()).toEqual([{ table: 'wins', id: args.id, row: null }]);
  });

  it('S13: the shadow keeps the server copy and the optimistic row keeps the server version', async () => {
    const { db, actor } = setup();
    const server = makeWin({ ownerId: actor.personId, title: 'Server title', version: 7 });
    await db.wins.put(server);
    await mutate(db, actor, 'win.update@1', { id: server.id, patch: { title: 'Mine' } }, 5);
    await mutate(db, actor, 'win.update@1', { id: server.id, patch: { title: 'Mine again' } }, 6);
    expect(await db.wins.get(server.id)).toMatchObject({ title: 'Mine again', version: 7 });
    expect(await db.shadows.get(['wins', server.id])).toEqual({ table: 'wins', id: server.id, row: server });
  });

  it('S12: a rule failure writes nothing: no row, no outbox entry, no id used', async () => {
    const { db, actor } = setup();
    const afterCommit = vi.fn();
    const r = await mutate(db, actor, 'win.update@1', { id: uuidv7(), patch: { title: 'Ghost' } }, 1, afterCommit);
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const other = makeWin();
    await db.wins.put(other);
    const forbidden = await mutate(db, actor, 'win.delete@1', { id: other.id }, 1, afterCommit);
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.shadows.count()).toBe(0);
    expect(await getMeta(db, 'nextMutationId')).toBeUndefined();
    expect(await db.wins.get(other.id)).toEqual(other);
    expect(afterCommit).not.toHaveBeenCalled();
  });

  it('S12: invalid arguments give an error naming the field and write nothing', async () => {
    const { db, actor } = setup();
    const r = await mutate(db, actor, 'win.create@1', { ...create(), title: '   ' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'VALIDATION', field: 'title' });
    expect(r.error.message).toMatch(/^title /);
    expect(await db.wins.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('stores the parsed (normalised) arguments and calls afterCommit once after a commit', async () => {
    const { db, actor } = setup();
    const afterCommit = vi.fn();
    const args = { ...create(), title: '  Padded  ', tags: ['  Growth '] };
    await mutate(db, actor, 'win.create@1', args, 1, afterCommit);
    expect(afterCommit).toHaveBeenCalledTimes(1);
    const [entry] = await db.outbox.toArray();
    expect(entry?.args).toEqual({ ...args, title: 'Padded', tags: ['growth'] });
  });

  it('S12: one failing write aborts them all: no row, no shadow, id unchanged (why mutate never commits early)', async () => {
    const { db, actor } = setup();
    await mutate(db, actor, 'win.create@1', create('First'), 1);
    // Another writer left the counter behind the outbox: the outbox's unique mutationId refuses the entry.
    await db.meta.put({ key: 'nextMutationId', value: 1 });
    const afterCommit = vi.fn();
    const second = create('Second');
    await expect(mutate(db, actor, 'win.create@1', second, 2, afterCommit)).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await db.wins.get(second.id)).toBeUndefined();
    expect(await db.shadows.get(['wins', second.id])).toBeUndefined();
    expect(await getMeta(db, 'nextMutationId')).toBe(1);
    expect(await db.outbox.count()).toBe(1);
    expect(afterCommit).not.toHaveBeenCalled();
  });
});
