import { uuidv7 } from '@merit/shared/ids';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { openPersonDb } from '@/db/db';
import { DbProvider } from '@/db/hooks';
import { SyncEngine } from '@/sync/engine';
import { mutate } from '@/sync/mutate';
import { makeActor } from '@/sync/testing/factories';
import { FakeServer } from '@/sync/testing/fake-server';
import MeScreen from './me-screen';

const api = vi.hoisted(() => ({ signOut: vi.fn(async () => ({ ok: true })) }));
vi.mock('@/lib/trpc', () => ({ trpc: { auth: { signOut: { mutate: api.signOut } } } }));

const ME = { name: 'Eli Park', email: 'eli@acme.test', role: 'employee' as const, orgName: 'Acme Robotics', department: 'Engineering' };

async function renderMe(pending: number) {
  const actor = makeActor();
  // The app's own database (global fake-indexeddb), so sign-out deletes the very database the app opened.
  const db = openPersonDb(actor.personId);
  for (let i = 0; i < pending; i++)
    await mutate(db, actor, 'win.create@1', { id: uuidv7(), title: `Win ${i}`, date: '2025-03-01', visibility: 'private' });
  const engine = new SyncEngine({ db, actor, transport: new FakeServer(actor).transport() });
  const onSignedOut = vi.fn();
  render(
    <DbProvider db={db} actor={actor} engine={engine}>
      <MeScreen me={ME} onSignedOut={onSignedOut} />
    </DbProvider>,
  );
  return { db, onSignedOut };
}

describe('MeScreen', () => {
  it('shows who is signed in and what waits to sync', async () => {
    await renderMe(2);
    expect(screen.getByText('eli@acme.test')).toBeTruthy();
    expect(await screen.findByText('2 changes')).toBeTruthy();
  });

  it('warns before signing out with unsynced changes, and Cancel keeps everything', async () => {
    const { db, onSignedOut } = await renderMe(3);
    await screen.findByText('3 changes');
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Sign out and lose unsynced changes?' });
    expect(dialog.textContent).toContain('3 changes are not synced yet');
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await db.outbox.count()).toBe(3);
    expect(onSignedOut).not.toHaveBeenCalled();
  });

  it('signing out anyway ends the server session and deletes the local database', async () => {
    const { db, onSignedOut } = await renderMe(1);
    await screen.findByText('1 change');
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sign out anyway' }));
    await waitFor(() => expect(onSignedOut).toHaveBeenCalledWith());
    expect(api.signOut).toHaveBeenCalledTimes(1);
    // Opening the same database again finds it empty: the unsynced win is gone from this device.
    await db.open();
    expect(await db.wins.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });
});
