import type { Notification } from '@merit/shared/domain/notification';
import { uuidv7 } from '@merit/shared/ids';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DbProvider } from '@/db/hooks';
import { SyncEngine } from '@/sync/engine';
import { makeActor, makeDeviceDb } from '@/sync/testing/factories';
import { FakeServer } from '@/sync/testing/fake-server';
import { NotificationBell } from './notification-bell';
import NotificationsScreen from './notifications-screen';

const makeNotification = (ownerId: string, overrides?: Partial<Notification>): Notification => ({
  id: uuidv7(),
  ownerId,
  kind: 'reopened',
  title: 'Your review in H1 was reopened',
  body: 'HR reopened it: rating mismatch',
  link: '/reviews/x',
  createdAt: Date.now() - 60_000,
  read: false,
  version: 1,
  deleted: false,
  ...overrides,
});

async function renderWith(rows: (ownerId: string) => Notification[]) {
  const actor = makeActor();
  const db = makeDeviceDb(actor.personId);
  await db.notifications.bulkPut(rows(actor.personId));
  const engine = new SyncEngine({ db, actor, transport: new FakeServer(actor).transport() });
  render(
    <DbProvider db={db} actor={actor} engine={engine}>
      <NotificationBell />
      <NotificationsScreen />
    </DbProvider>,
  );
  return db;
}

describe('notifications', () => {
  it('says so when there are none, and the bell shows no count', async () => {
    await renderWith(() => []);
    expect(await screen.findByText('No notifications')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Notifications' })).toBeTruthy();
  });

  it('counts unread ones on the bell; marking one read goes through mutate and the outbox', async () => {
    const db = await renderWith((o) => [makeNotification(o), makeNotification(o, { title: 'Old', body: 'Older notice', read: true })]);
    expect(await screen.findByRole('link', { name: 'Notifications, 1 unread' })).toBeTruthy();
    expect(screen.getByText('HR reopened it: rating mismatch')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Mark as read/ }));
    await waitFor(async () => expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(['notification.read@1']));
    expect(await screen.findByRole('link', { name: 'Notifications' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Mark as read/ })).toBeNull();
  });
});
