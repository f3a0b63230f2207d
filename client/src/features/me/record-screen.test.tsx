import { uuidv7 } from '@merit/shared/ids';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DbProvider } from '@/db/hooks';
import { SyncEngine } from '@/sync/engine';
import { mutate } from '@/sync/mutate';
import { makeActor, makeDeviceDb, makeWin } from '@/sync/testing/factories';
import { FakeServer } from '@/sync/testing/fake-server';
import RecordScreen from './record-screen';

describe('RecordScreen (/me/record)', () => {
  it("lists every table of the person's own record, in words, and prints", async () => {
    const actor = makeActor();
    const db = makeDeviceDb(actor.personId);
    await mutate(db, actor, 'win.create@1', { id: uuidv7(), title: 'Closed the backlog', date: '2026-11-02', visibility: 'private' });
    await mutate(db, actor, 'note.create@1', {
      id: uuidv7(),
      title: 'Before the 1:1',
      body: 'Ask about the budget',
      date: '2026-11-03',
      tags: ['career'],
    });
    await mutate(db, actor, 'feedback.create@1', { id: uuidv7(), fromName: 'Dana', body: 'Superb demo', date: '2026-11-04' });
    await db.wins.put(makeWin({ ownerId: uuidv7(), title: 'A report’s shared win', visibility: 'manager' }));
    const engine = new SyncEngine({ db, actor, transport: new FakeServer(actor).transport() });
    render(
      <DbProvider db={db} actor={actor} engine={engine}>
        <RecordScreen me={{ name: 'Eli Park', email: 'eli@acme.test' }} />
      </DbProvider>,
    );
    const wins = await screen.findByRole('region', { name: 'Wins (1)' });
    expect(within(wins).getByText('Closed the backlog')).toBeTruthy();
    expect(screen.queryByText('A report’s shared win')).toBeNull();
    const notes = screen.getByRole('region', { name: 'Private notes (1)' });
    expect(within(notes).getByText('Before the 1:1')).toBeTruthy();
    expect(within(notes).getByText('Ask about the budget')).toBeTruthy();
    expect(within(notes).getByText('career')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Feedback received (1)' })).getByText('From Dana')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'My notes about my reports (0)' }).textContent).toContain('None.');
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
  });
});
