import type { Win } from '@merit/shared/domain/win';
import { uuidv7 } from '@merit/shared/ids';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutate } from '@/sync/mutate';
import type { Db } from '../../server/src/db/client';
import { migrate } from '../../server/src/db/migrate';
import { openPglite } from '../../server/src/db/pglite';
import { createPerson } from '../../server/src/test/context';
import { TestDevice, TestServer } from './devices';

let db: Db;
let server: TestServer;
beforeAll(async () => {
  db = await openPglite(null);
  await migrate(db);
  server = new TestServer(db);
  await server.start();
});
afterAll(async () => {
  await server.bus.close();
  await db.close();
});

async function twoDevices() {
  const person = await createPerson(db);
  const actor = { personId: person.id, role: person.role };
  return [new TestDevice(server, actor), new TestDevice(server, actor)] as const;
}

const copyOf = (w: Win) => ({
  title: w.title,
  date: w.date,
  description: w.description,
  tags: w.tags,
  visibility: w.visibility,
  goalId: w.goalId,
  krId: w.krId,
});

async function ok<T>(p: Promise<{ ok: boolean; value?: T }>): Promise<void> {
  expect((await p).ok).toBe(true);
}

describe('undo of a delete against the real server (docs/SYNC.md)', () => {
  it('S18: a restore after the tombstone was pulled rebuilds the win from the copy, and every device gets it back', async () => {
    const [phone, laptop] = await twoDevices();
    const id = uuidv7();
    await ok(
      mutate(phone.db, phone.actor, 'win.create@1', {
        id,
        title: 'Ran the retro',
        date: '2026-11-20',
        description: 'Kept it short',
        tags: ['team'],
        visibility: 'manager',
      }),
    );
    await phone.engine.syncOnce();
    await laptop.engine.syncOnce();
    const before = await phone.db.wins.get(id);
    if (!before) throw new Error('the win did not sync');

    await ok(mutate(phone.db, phone.actor, 'win.delete@1', { id }));
    await phone.engine.syncOnce();
    await laptop.engine.syncOnce();
    // The tombstone removed the row on both devices: the copy is all the phone has.
    expect(await phone.db.wins.get(id)).toBeUndefined();
    expect(await laptop.db.wins.get(id)).toBeUndefined();

    await ok(mutate(phone.db, phone.actor, 'win.restore@1', { id, copy: copyOf(before) }));
    expect(await phone.db.wins.get(id)).toMatchObject({ title: 'Ran the retro', deleted: false });
    await phone.engine.syncOnce();
    await laptop.engine.syncOnce();

    for (const d of [phone, laptop]) {
      expect(await d.db.wins.get(id)).toMatchObject({ ...copyOf(before), deleted: false, createdAt: before.createdAt });
      expect(await d.db.rejections.count()).toBe(0);
      expect(await d.db.outbox.count()).toBe(0);
    }
    const rows = await db.query<{ deleted: boolean }>('select deleted from win where id = $1', [id]);
    expect(rows).toEqual([{ deleted: false }]);
  });

  it('S18: delete and undo while offline cancel out; the server applies both in order and the win stays', async () => {
    const [phone, laptop] = await twoDevices();
    const id = uuidv7();
    await ok(mutate(phone.db, phone.actor, 'win.create@1', { id, title: 'Wrote the runbook', date: '2026-11-21', visibility: 'private' }));
    await phone.engine.syncOnce();
    await ok(mutate(phone.db, phone.actor, 'win.delete@1', { id }));
    expect(await phone.db.wins.get(id)).toMatchObject({ deleted: true });
    await ok(mutate(phone.db, phone.actor, 'win.restore@1', { id }));
    await phone.engine.syncOnce();
    await laptop.engine.syncOnce();
    expect(await phone.db.wins.get(id)).toMatchObject({ title: 'Wrote the runbook', deleted: false });
    expect(await laptop.db.wins.get(id)).toMatchObject({ title: 'Wrote the runbook', deleted: false });
    const results = await db.query<{ status: string }>(
      `select r.status from mutation_result r join device d on d.id = r.device_id where d.person_id = $1 order by r.seq`,
      [phone.actor.personId],
    );
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
  });

  it("S18: a restore of another person's win is refused and lands in the inbox; the win stays deleted", async () => {
    const [owner] = await twoDevices();
    const [stranger] = await twoDevices();
    const id = uuidv7();
    await ok(mutate(owner.db, owner.actor, 'win.create@1', { id, title: 'Mine', date: '2026-11-21', visibility: 'private' }));
    await ok(mutate(owner.db, owner.actor, 'win.delete@1', { id }));
    await owner.engine.syncOnce();
    const copy = { title: 'Mine', date: '2026-11-21', description: '', tags: [], visibility: 'private' as const, goalId: null, krId: null };
    await ok(mutate(stranger.db, stranger.actor, 'win.restore@1', { id, copy }));
    await stranger.engine.syncOnce();
    expect(await stranger.db.wins.get(id)).toBeUndefined();
    expect(await stranger.db.rejections.toArray()).toEqual([expect.objectContaining({ code: 'FORBIDDEN', name: 'win.restore@1' })]);
    const rows = await db.query<{ deleted: boolean }>('select deleted from win where id = $1', [id]);
    expect(rows).toEqual([{ deleted: true }]);
  });
});
