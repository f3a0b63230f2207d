import { uuidv7 } from '@merit/shared/ids';
import { describe, expect, it } from 'vitest';
import { openPersonDb } from '@/db/db';
import { mutate } from './mutate';
import { pendingCount, signOutAndWipe } from './session';
import { makeActor } from './testing/factories';

async function withPendingWin() {
  const actor = makeActor();
  const db = openPersonDb(actor.personId);
  await mutate(db, actor, 'win.create@1', { id: uuidv7(), title: 'Secret', date: '2025-01-01', visibility: 'private' });
  return { actor, db };
}

describe('sign-out (docs/SYNC.md S15)', () => {
  it('S15: counts pending changes, then deletes the local database after the server sign-out', async () => {
    const { actor, db } = await withPendingWin();
    expect(await pendingCount(db)).toBe(1);
    const calls: string[] = [];
    await signOutAndWipe(db, actor.personId, async () => calls.push('server'));
    expect(calls).toEqual(['server']);
    const reopened = openPersonDb(actor.personId);
    expect(await reopened.wins.count()).toBe(0);
    expect(await pendingCount(reopened)).toBe(0);
  });

  it('S15: offline, the data is still wiped', async () => {
    const { actor, db } = await withPendingWin();
    await signOutAndWipe(db, actor.personId, () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await openPersonDb(actor.personId).wins.count()).toBe(0);
  });

  it('S15: any other server failure is reported, after the wipe', async () => {
    const { actor, db } = await withPendingWin();
    const boom = Object.assign(new Error('down'), { data: { code: 'INTERNAL_SERVER_ERROR' } });
    await expect(signOutAndWipe(db, actor.personId, () => Promise.reject(boom))).rejects.toBe(boom);
    expect(await openPersonDb(actor.personId).wins.count()).toBe(0);
  });
});
