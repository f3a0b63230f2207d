import type { Actor } from '@merit/shared/domain/person';
import type { Win } from '@merit/shared/domain/win';
import { uuidv7 } from '@merit/shared/ids';
import { describe, expect, it } from 'vitest';
import type { MeritDb } from '@/db/db';
import { SyncEngine } from './engine';
import { mutate } from './mutate';
import { makeActor, makeDeviceDb } from './testing/factories';
import { FakeServer } from './testing/fake-server';

/** One person's device: its own database and engine, talking to the shared fake server. */
function deviceOf(actor: Actor, server: FakeServer) {
  const db = makeDeviceDb(actor.personId);
  const engine = new SyncEngine({ db, actor, transport: server.transport() });
  return {
    db,
    engine,
    run: <N extends Parameters<typeof mutate>[2]>(name: N, args: Parameters<typeof mutate<N>>[3]) => mutate(db, actor, name, args),
  };
}

const liveWins = async (db: MeritDb): Promise<Win[]> =>
  (await db.wins.toArray()).filter((w) => !w.deleted).sort((a, b) => a.id.localeCompare(b.id));
const newWin = (title: string) => ({ id: uuidv7(), title, date: '2025-05-01', visibility: 'private' as const });

describe('two devices of one person converge (docs/SYNC.md S5, S14, S16, S17)', () => {
  it('S16/S17: edits from both devices survive per field, a deleted win stays deleted, the refused edit reaches both inboxes', async () => {
    const actor = makeActor();
    const server = new FakeServer(actor);
    const phone = deviceOf(actor, server);
    const laptop = deviceOf(actor, server);

    const a = newWin('Led the launch');
    const b = newWin('Mentored Sam');
    await phone.run('win.create@1', a);
    await laptop.run('win.create@1', b);
    for (const d of [phone, laptop, phone]) await d.engine.syncOnce();
    expect((await liveWins(laptop.db)).map((w) => w.title).sort()).toEqual(['Led the launch', 'Mentored Sam']);

    // Both offline: different fields of one win on each device; the laptop deletes a win the phone edits.
    await phone.run('win.update@1', { id: a.id, patch: { title: 'Led the v2 launch' } });
    await laptop.run('win.update@1', { id: a.id, patch: { tags: ['Leadership'] } });
    await laptop.run('win.delete@1', { id: b.id });
    await phone.run('win.update@1', { id: b.id, patch: { description: 'Weekly 1:1s since March' } });
    expect((await phone.db.wins.get(b.id))?.description).toBe('Weekly 1:1s since March');

    await laptop.engine.syncOnce();
    await phone.engine.syncOnce();
    await laptop.engine.syncOnce();

    const expected = server.live('wins');
    expect(expected).toHaveLength(1);
    expect(expected[0]).toMatchObject({ id: a.id, title: 'Led the v2 launch', tags: ['leadership'] });
    for (const d of [phone, laptop]) {
      expect(await liveWins(d.db)).toEqual(expected);
      expect(await d.db.outbox.count()).toBe(0);
      expect(await d.db.shadows.count()).toBe(0);
      const inbox = await d.db.rejections.toArray();
      expect(inbox).toHaveLength(1);
      expect(inbox[0]).toMatchObject({ code: 'DELETED', args: { id: b.id, patch: { description: 'Weekly 1:1s since March' } } });
    }
    // The phone's optimistic edit of the deleted win is gone, not resurrected.
    expect(await phone.db.wins.get(b.id)).toBeUndefined();
  });

  it('S3/S14: flaky networks (lost answers, failed pulls) still converge with nothing applied twice', async () => {
    const actor = makeActor();
    const server = new FakeServer(actor);
    const devices = [deviceOf(actor, server), deviceOf(actor, server)];
    const ids: string[] = [];
    for (let round = 0; round < 4; round++) {
      for (const [i, d] of devices.entries()) {
        const w = newWin(`Win ${round}.${i}`);
        ids.push(w.id);
        await d.run('win.create@1', w);
        const target = ids[(round * 3 + i) % ids.length];
        if (target) await d.run('win.update@1', { id: target, patch: { title: `Edited in ${round}.${i}` } });
      }
      server.faults.push.push('after-commit');
      server.faults.pull.push(new TypeError('Failed to fetch'));
      for (const d of devices) await d.engine.syncOnce();
    }
    for (const d of [...devices, ...devices]) await d.engine.syncOnce();

    const expected = server.live('wins');
    expect(expected).toHaveLength(ids.length);
    expect(server.live('rejections')).toHaveLength(0);
    for (const d of devices) {
      expect(d.engine.getStatus().phase).toBe('idle');
      expect(await liveWins(d.db)).toEqual(expected);
      expect(await d.db.outbox.count()).toBe(0);
    }
  });
});
