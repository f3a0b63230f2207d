import type { Rejection } from '@merit/shared/domain/rejection';
import { uuidv7 } from '@merit/shared/ids';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { SyncEngine } from '@/sync/engine';
import { mutate } from '@/sync/mutate';
import { makeActor, makeWin } from '@/sync/testing/factories';
import { FakeServer } from '@/sync/testing/fake-server';
import { openPersonDb } from './db';
import { DbProvider, useInbox, usePendingCount, useWin, useWins, useWinTags } from './hooks';

function setup() {
  const actor = makeActor();
  const db = openPersonDb(actor.personId);
  const engine = new SyncEngine({ db, actor, transport: new FakeServer(actor).transport() });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <DbProvider db={db} actor={actor} engine={engine}>
      {children}
    </DbProvider>
  );
  return { actor, db, wrapper };
}

describe('read hooks', () => {
  it('useWins: live wins only, newest day first then newest logged, filtered by tag and query', async () => {
    const { db, actor, wrapper } = setup();
    const w = (title: string, date: string, createdAt: number, o = {}) =>
      makeWin({ ownerId: actor.personId, title, date, createdAt, ...o });
    await db.wins.bulkPut([
      w('Old', '2025-01-01', 5, { tags: ['sales'] }),
      w('Same day, earlier', '2025-03-01', 1),
      w('Same day, later', '2025-03-01', 2, { tags: ['sales'], description: 'Big contract' }),
      w('Deleted', '2025-04-01', 3, { deleted: true, tags: ['sales'] }),
      // A report's shared win on a manager's device is theirs, not mine.
      w('A report shared this', '2025-03-02', 4, { ownerId: uuidv7(), tags: ['sales'] }),
    ]);
    const all = renderHook(() => useWins({}), { wrapper });
    await waitFor(() => expect(all.result.current?.map((x) => x.title)).toEqual(['Same day, later', 'Same day, earlier', 'Old']));
    const tagged = renderHook(() => useWins({ tags: ['sales'] }), { wrapper });
    await waitFor(() => expect(tagged.result.current?.map((x) => x.title)).toEqual(['Same day, later', 'Old']));
    const searched = renderHook(() => useWins({ query: 'contract #sales' }), { wrapper });
    await waitFor(() => expect(searched.result.current?.map((x) => x.title)).toEqual(['Same day, later']));
    const thisQuarter = renderHook(() => useWins({ period: 'quarter' }, '2025-02-14'), { wrapper });
    await waitFor(() => expect(thisQuarter.result.current?.map((x) => x.title)).toEqual(['Same day, later', 'Same day, earlier', 'Old']));
    const march = renderHook(() => useWins({ period: 'custom', from: '2025-03-01', to: '2025-03-31', tags: ['sales'] }), { wrapper });
    await waitFor(() => expect(march.result.current?.map((x) => x.title)).toEqual(['Same day, later']));
  });

  it('useWin: the live row, or null once it is deleted', async () => {
    const { db, actor, wrapper } = setup();
    const win = makeWin({ ownerId: actor.personId, title: 'Detail' });
    await db.wins.put(win);
    const one = renderHook(() => useWin(win.id), { wrapper });
    await waitFor(() => expect(one.result.current?.title).toBe('Detail'));
    await mutate(db, actor, 'win.delete@1', { id: win.id });
    await waitFor(() => expect(one.result.current).toBeNull());
  });

  it('useWins and usePendingCount follow mutate (written on the strict instance)', async () => {
    const { db, actor, wrapper } = setup();
    const wins = renderHook(() => useWins({}), { wrapper });
    const pending = renderHook(() => usePendingCount(), { wrapper });
    await waitFor(() => expect(wins.result.current).toEqual([]));
    await mutate(db, actor, 'win.create@1', { id: uuidv7(), title: 'Fresh', date: '2025-06-01', visibility: 'manager' });
    await waitFor(() => expect(wins.result.current?.map((x) => x.title)).toEqual(['Fresh']));
    await waitFor(() => expect(pending.result.current).toBe(1));
  });

  it('useWinTags: tags of live wins, most used first, ties alphabetical', async () => {
    const { db, actor, wrapper } = setup();
    const w = (tags: string[], deleted = false) => makeWin({ ownerId: actor.personId, tags, deleted });
    await db.wins.bulkPut([w(['b', 'a']), w(['b']), w(['c']), w(['z', 'z2'], true)]);
    const { result } = renderHook(() => useWinTags(), { wrapper });
    await waitFor(() => expect(result.current).toEqual(['b', 'a', 'c']));
  });

  it('useInbox: rejections not dismissed, newest first', async () => {
    const { db, actor, wrapper } = setup();
    const r = (createdAt: number, dismissed = false): Rejection => ({
      id: uuidv7(),
      ownerId: actor.personId,
      deviceId: uuidv7(),
      mutationId: createdAt,
      name: 'win.update@1',
      args: {},
      code: 'DELETED',
      message: 'Deleted',
      createdAt,
      dismissed,
      version: 1,
      deleted: false,
    });
    await db.rejections.bulkPut([r(1), r(3), r(2, true)]);
    const { result } = renderHook(() => useInbox(), { wrapper });
    await waitFor(() => expect(result.current?.map((x) => x.createdAt)).toEqual([3, 1]));
  });
});
