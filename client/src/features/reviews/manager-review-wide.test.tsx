import { checkin, goal, kr } from '@merit/shared/domain/dashboard.fixtures';
import { review as reviewOf } from '@merit/shared/domain/review.fixtures';
import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DbProvider } from '@/db/hooks';
import { SyncEngine } from '@/sync/engine';
import { makeActor, makeDeviceDb } from '@/sync/testing/factories';
import { FakeServer } from '@/sync/testing/fake-server';
import { ManagerReview } from './manager-review';

/** A window `width` px wide, as far as CSS media queries go. */
function viewport(width: number) {
  vi.stubGlobal('matchMedia', (q: string) => ({
    matches: q === '(min-width: 900px)' ? width >= 900 : false,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
}
afterEach(() => vi.unstubAllGlobals());

/** The manager's device: the report's submitted review, and the goals and check-ins the pull gave it. */
async function renderAsManager() {
  const actor = makeActor();
  const db = makeDeviceDb(actor.personId);
  const report = '01900000-0000-7000-8000-0000000000e1';
  const review = reviewOf('self_submitted', {
    ownerId: report,
    managerId: actor.personId,
    selfAnswers: { 'q-self': { text: 'Shipped search' } },
  });
  const shipped = goal({
    ownerId: report,
    title: 'Ship search',
    periodStart: '2026-07-01',
    dueDate: '2026-09-30',
    keyResults: [kr({ id: 'lat', title: 'Queries under 200 ms', kind: 'percent', start: 0, target: 90 })],
  });
  await db.reviews.put(review);
  await db.goals.bulkPut([shipped, goal({ ownerId: report, title: 'Last year', periodStart: '2025-01-01', dueDate: '2025-06-30' })]);
  await db.checkins.put(checkin(shipped, 'lat', '2026-08-01', 45));
  const engine = new SyncEngine({ db, actor, transport: new FakeServer(actor).transport() });
  render(
    <DbProvider db={db} actor={actor} engine={engine}>
      <ManagerReview review={review} name="Sam Okafor" />
    </DbProvider>,
  );
}

describe("the manager's review, laid out by width (issue 6 item 4)", () => {
  it('at 1280 px: the self-review beside the form, both on screen at once, no "Yours" tab', async () => {
    viewport(1280);
    await renderAsManager();
    const mine = await screen.findByRole('region', { name: 'Yours' });
    expect(within(mine).getByRole('button', { name: 'Sign off and share with Sam' })).toBeTruthy();
    expect(screen.getByText('Shipped search')).toBeTruthy();
    expect(screen.queryByRole('tab', { name: 'Yours' })).toBeNull();
    expect(screen.getByRole('tab', { name: "Sam's" }).getAttribute('aria-selected')).toBe('true');
    // The goals section once, in the form column, not again beside it.
    expect(await screen.findAllByRole('list', { name: 'Goals of the period' })).toHaveLength(1);
  });

  it('at 390 px: tabs, the form first', async () => {
    viewport(390);
    await renderAsManager();
    expect((await screen.findByRole('tab', { name: 'Yours' })).getAttribute('aria-selected')).toBe('true');
    expect(screen.queryByRole('region', { name: 'Yours' })).toBeNull();
  });

  it("lists the report's goals of the period with progress, status and key results (current of target)", async () => {
    viewport(1280);
    await renderAsManager();
    const mine = await screen.findByRole('region', { name: 'Yours' });
    const goals = await within(mine).findByRole('list', { name: 'Goals of the period' });
    expect(within(goals).getByText('Ship search')).toBeTruthy();
    expect(within(goals).queryByText('Last year')).toBeNull();
    expect(within(goals).getByRole('progressbar', { name: 'Ship search: progress' }).getAttribute('aria-valuetext')).toBe('50%');
    expect(within(goals).getByText('45% of 90% · 50%')).toBeTruthy();
    expect(within(goals).getByText('Active')).toBeTruthy();
  });
});
