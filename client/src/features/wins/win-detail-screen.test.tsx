import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DbProvider } from '@/db/hooks';
import { SyncEngine } from '@/sync/engine';
import { makeActor, makeDeviceDb, makeWin } from '@/sync/testing/factories';
import { FakeServer } from '@/sync/testing/fake-server';
import { ToastProvider } from '@/ui/toast';
import { WinDetailScreen } from './win-detail-screen';

async function open(owned = true) {
  const actor = makeActor();
  const db = makeDeviceDb(actor.personId);
  const win = makeWin({
    ownerId: owned ? actor.personId : makeActor().personId,
    title: 'Ran the retro',
    description: 'Short',
    tags: ['team'],
  });
  await db.wins.put(win);
  const engine = new SyncEngine({ db, actor, transport: new FakeServer(actor).transport() });
  render(
    <ToastProvider>
      <DbProvider db={db} actor={actor} engine={engine}>
        <WinDetailScreen id={win.id} />
      </DbProvider>
    </ToastProvider>,
  );
  return { db, win };
}

describe('WinDetailScreen', () => {
  it('S16: saves only the changed fields through win.update@1, the description with its base', async () => {
    const { db, win } = await open();
    const title = await screen.findByLabelText('Title');
    expect(title).toHaveProperty('value', 'Ran the retro');
    fireEvent.change(title, { target: { value: 'Ran the big retro' } });
    fireEvent.change(screen.getByLabelText('Description'), { target: { value: 'Short and kind' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({
      name: 'win.update@1',
      args: { id: win.id, patch: { title: 'Ran the big retro', description: 'Short and kind' }, base: { description: 'Short' } },
    });
    expect(await db.wins.get(win.id)).toMatchObject({ title: 'Ran the big retro', tags: ['team'] });
  });

  it('S18: delete shows "Undo"; undo restores the win through win.restore@1', async () => {
    const { db, win } = await open();
    fireEvent.click(await screen.findByRole('button', { name: 'Delete win' }));
    const undo = await screen.findByRole('button', { name: 'Undo' });
    expect(screen.getByText('Win deleted')).toBeTruthy();
    expect(await db.wins.get(win.id)).toMatchObject({ deleted: true });
    fireEvent.click(undo);
    expect(await screen.findByText('Win restored')).toBeTruthy();
    expect(await db.wins.get(win.id)).toMatchObject({ deleted: false, title: 'Ran the retro' });
    expect((await db.outbox.orderBy('mutationId').toArray()).map((e) => e.name)).toEqual(['win.delete@1', 'win.restore@1']);
  });

  it('S17: deleted on another device mid-edit, the form and the typed words stay, with a warning; saving says why it cannot', async () => {
    const { db, win } = await open();
    fireEvent.change(await screen.findByLabelText('Title'), { target: { value: 'My careful rewrite' } });
    await db.wins.delete(win.id); // what a pull does with the tombstone
    expect((await screen.findByRole('alert')).textContent).toMatch(/deleted on another device/);
    expect(screen.getByLabelText('Title')).toHaveProperty('value', 'My careful rewrite');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('This no longer exists.')).toBeTruthy();
    expect(await db.outbox.count()).toBe(0);
  });

  it("shows a report's shared win to read, with nothing to edit or delete", async () => {
    await open(false);
    expect(await screen.findByText('Ran the retro')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Delete win' })).toBeNull();
    expect(screen.queryByLabelText('Title')).toBeNull();
  });
});
