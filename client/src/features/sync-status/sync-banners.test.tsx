import { uuidv7 } from '@merit/shared/ids';
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DbProvider } from '@/db/hooks';
import { SyncEngine } from '@/sync/engine';
import { mutate } from '@/sync/mutate';
import { makeActor, makeDeviceDb } from '@/sync/testing/factories';
import { FakeServer } from '@/sync/testing/fake-server';
import { SyncBanners } from './sync-banners';
import { SyncPill } from './sync-pill';

async function device(pending: number, fault: { data: { code: string } }) {
  const actor = makeActor();
  const db = makeDeviceDb(actor.personId);
  for (let i = 0; i < pending; i++)
    await mutate(db, actor, 'win.create@1', { id: uuidv7(), title: `Win ${i}`, date: '2025-03-01', visibility: 'private' });
  const server = new FakeServer(actor);
  // Push is skipped when nothing waits, so the pull carries the refusal too.
  server.faults.push.push(Object.assign(new Error('refused'), fault));
  server.faults.pull.push(Object.assign(new Error('refused'), fault));
  const engine = new SyncEngine({ db, actor, transport: server.transport() });
  render(
    <DbProvider db={db} actor={actor} engine={engine}>
      <SyncPill />
      <SyncBanners />
    </DbProvider>,
  );
  await act(() => engine.syncOnce());
}

afterEach(() => vi.restoreAllMocks());

describe('SyncBanners', () => {
  it('a session that ended keeps the changes and leads to sign-in, without blocking the screen', async () => {
    await device(3, { data: { code: 'UNAUTHORIZED' } });
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('Your session has ended. Sign in to sync — your 3 unsynced changes are kept.');
    expect(screen.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/sign-in');
    expect(screen.getByTestId('sync-status').dataset).toMatchObject({ phase: 'signed-out', pending: '3' });
  });

  it('an outdated app is asked to reload', async () => {
    await device(0, { data: { code: 'PRECONDITION_FAILED' } });
    expect((await screen.findByRole('alert')).textContent).toContain('Reload to update');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });

  it('says when the browser is offline', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await device(1, { data: { code: 'UNAUTHORIZED' } });
    expect(screen.getByText(/You are offline/)).toBeTruthy();
  });
});
