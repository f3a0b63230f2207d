import { uuidv7 } from '@merit/shared/ids';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { DbProvider } from '@/db/hooks';
import { SyncEngine, useSyncStatus } from './engine';
import { mutate } from './mutate';
import { makeActor, makeDeviceDb } from './testing/factories';
import { FakeServer } from './testing/fake-server';

describe('useSyncStatus', () => {
  it('follows the engine and counts unsynced changes', async () => {
    const actor = makeActor();
    const db = makeDeviceDb(actor.personId);
    const server = new FakeServer(actor);
    const engine = new SyncEngine({ db, actor, transport: server.transport() });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <DbProvider db={db} actor={actor} engine={engine}>
        {children}
      </DbProvider>
    );
    const { result } = renderHook(() => useSyncStatus(), { wrapper });
    expect(result.current).toMatchObject({ phase: 'idle', lastSyncedAt: null, pending: 0 });

    await mutate(db, actor, 'win.create@1', { id: uuidv7(), title: 'Queued', date: '2025-01-01', visibility: 'private' });
    await waitFor(() => expect(result.current.pending).toBe(1));
    server.faults.push.push(Object.assign(new Error('x'), { data: { code: 'UNAUTHORIZED' } }));
    await act(() => engine.syncOnce());
    expect(result.current.phase).toBe('signed-out');

    act(() => result.current.retry());
    await waitFor(() => expect(result.current).toMatchObject({ phase: 'idle', pending: 0, lastSyncedAt: expect.any(Number) }));
  });
});
