import { conflictCopyMessage } from '@merit/shared/domain/long-text';
import type { Rejection } from '@merit/shared/domain/rejection';
import { uuidv7 } from '@merit/shared/ids';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DbProvider } from '@/db/hooks';
import { SyncEngine } from '@/sync/engine';
import { makeActor, makeDeviceDb, makeWin } from '@/sync/testing/factories';
import { FakeServer } from '@/sync/testing/fake-server';
import InboxScreen from './inbox-screen';
import { typedText, whatItWas } from './rejection-text';

const makeRejection = (ownerId: string, overrides?: Partial<Rejection>): Rejection => ({
  id: uuidv7(),
  ownerId,
  deviceId: uuidv7(),
  mutationId: 4,
  name: 'win.update@1',
  args: { id: uuidv7(), patch: { title: 'Led the incident review', description: 'Wrote the timeline\nand the fixes', tags: ['ops'] } },
  code: 'DELETED',
  message: 'This win was deleted on another device',
  createdAt: Date.now() - 60_000,
  dismissed: false,
  version: 1,
  deleted: false,
  ...overrides,
});

async function renderInbox(rows: (ownerId: string) => Rejection[]) {
  const actor = makeActor();
  const db = makeDeviceDb(actor.personId);
  await db.rejections.bulkPut(rows(actor.personId));
  const engine = new SyncEngine({ db, actor, transport: new FakeServer(actor).transport() });
  render(
    <DbProvider db={db} actor={actor} engine={engine}>
      <InboxScreen />
    </DbProvider>,
  );
  return db;
}

describe('InboxScreen', () => {
  it('says so when nothing needs attention', async () => {
    await renderInbox(() => []);
    expect(await screen.findByText('Nothing needs your attention')).toBeTruthy();
  });

  it('shows what happened in words and what the person typed; copies it; dismissing syncs as a mutation', async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const db = await renderInbox((owner) => [makeRejection(owner)]);

    expect(await screen.findByText('A change to a win')).toBeTruthy();
    expect(screen.getByText('This was deleted on another device.')).toBeTruthy();
    expect(screen.getByText('Led the incident review')).toBeTruthy();
    expect(screen.getByText('ops')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Copy text' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('Led the incident review\n\nWrote the timeline\nand the fixes\n\nops'));

    expect(screen.queryByRole('button', { name: 'Apply again' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect(await screen.findByText('Nothing needs your attention')).toBeTruthy();
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ name: 'inbox.dismiss@1', table: 'rejections' });
  });

  it('S16: a conflict copy shows only the clashing text and "Use my version" overwrites the kept text, then leaves the inbox', async () => {
    const actor = makeActor();
    const db = makeDeviceDb(actor.personId);
    const win = makeWin({ ownerId: actor.personId, title: 'Quarterly report', description: 'Laptop words' });
    await db.wins.put(win);
    await db.rejections.put(
      makeRejection(actor.personId, {
        code: 'CONFLICT',
        message: conflictCopyMessage('description'),
        args: { id: win.id, patch: { title: 'Quarterly report', description: 'Phone words' }, base: { description: 'Old' } },
      }),
    );
    const engine = new SyncEngine({ db, actor, transport: new FakeServer(actor).transport() });
    render(
      <DbProvider db={db} actor={actor} engine={engine}>
        <InboxScreen />
      </DbProvider>,
    );
    expect(await screen.findByText(/changed the description at the same time/)).toBeTruthy();
    expect(screen.getByText('Phone words')).toBeTruthy();
    expect(screen.queryByText('Quarterly report')).toBeNull();

    fireEvent.click(await screen.findByRole('button', { name: 'Use my version' }));
    expect(await screen.findByText('Nothing needs your attention')).toBeTruthy();
    expect(await db.wins.get(win.id)).toMatchObject({ description: 'Phone words', title: 'Quarterly report' });
    const sent = await db.outbox.orderBy('mutationId').toArray();
    expect(sent.map((e) => e.name)).toEqual(['win.update@1', 'inbox.dismiss@1']);
    expect(sent[0]?.args).toEqual({ id: win.id, patch: { description: 'Phone words' }, base: { description: 'Laptop words' } });
  });
});

describe('rejection words', () => {
  it('names the kind of change whatever its version', () => {
    expect(whatItWas('win.create@1')).toBe('A win you logged');
    expect(whatItWas('win.create@7')).toBe('A win you logged');
    expect(whatItWas('goal.update@1')).toBe('A change to a goal');
    expect(whatItWas('checkin.create@1')).toBe('A check-in');
    expect(whatItWas('someday.new@1')).toBe('A change you made');
  });

  it('keeps the words a person typed and drops ids, days and flags', () => {
    expect(typedText({ id: 'x', title: 'T', date: '2025-01-01', visibility: 'private', tags: [], description: ' ' })).toEqual([
      { label: 'Title', text: 'T' },
    ]);
    expect(typedText(null)).toEqual([]);
    expect(typedText('text')).toEqual([]);
  });
});
