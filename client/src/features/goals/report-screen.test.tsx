import { uuidv7 } from '@merit/shared/ids';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { openPersonDb } from '@/db/db';
import { DbProvider } from '@/db/hooks';
import { SyncEngine } from '@/sync/engine';
import { makeActor } from '@/sync/testing/factories';
import { FakeServer } from '@/sync/testing/fake-server';
import ReportScreen from './report-screen';

const REPORT = uuidv7();
// The team list comes from the server (online only); the rest is the device's synced data.
vi.mock('./use-online-lists', () => ({ useTeam: () => [{ id: REPORT, name: 'Sam Okafor', department: 'Engineering' }] }));

describe("a report's page on the Team tab (issue 12)", () => {
  it('shows the feedback the report shared with the manager (never their private feedback) and their reviews', async () => {
    const actor = makeActor();
    const db = openPersonDb(actor.personId);
    const engine = new SyncEngine({ db, actor, transport: new FakeServer(actor).transport() });
    const base = { ownerId: REPORT, fromId: null, date: '2026-11-02', createdAt: 1, updatedAt: 1, version: 1, deleted: false };
    await db.feedback.bulkPut([
      { ...base, id: uuidv7(), fromName: 'Zoe', body: 'Your demo unblocked sales', visibility: 'manager' },
      { ...base, id: uuidv7(), fromName: 'Yan', body: 'Private thoughts', visibility: 'private' },
    ]);
    render(
      <DbProvider db={db} actor={actor} engine={engine}>
        <ReportScreen personId={REPORT} />
      </DbProvider>,
    );
    const shared = await screen.findByRole('list', { name: 'Feedback shared with you' });
    expect(within(shared).getByText('Your demo unblocked sales')).toBeTruthy();
    expect(within(shared).getByText(/From Zoe/)).toBeTruthy();
    expect(screen.queryByText('Private thoughts')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Reviews' })).toBeTruthy();
  });
});
