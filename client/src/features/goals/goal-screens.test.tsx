import type { Checkin } from '@merit/shared/domain/checkin';
import type { Goal } from '@merit/shared/domain/goal';
import { uuidv7 } from '@merit/shared/ids';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { openPersonDb } from '@/db/db';
import { DbProvider } from '@/db/hooks';
import { SyncEngine } from '@/sync/engine';
import { makeActor } from '@/sync/testing/factories';
import { FakeServer } from '@/sync/testing/fake-server';
import { ToastProvider } from '@/ui/toast';
import CheckinScreen from './checkin-screen';
import GoalDetailScreen from './goal-detail-screen';
import GoalEditScreen from './goal-edit-screen';
import { HomeDashboard } from './home-dashboard';

// The data layer is real (Dexie on fake-indexeddb); only the network is a fake server the test never reaches.
function setup() {
  const actor = makeActor();
  const db = openPersonDb(actor.personId);
  const engine = new SyncEngine({ db, actor, transport: new FakeServer(actor).transport() });
  const wrap = (ui: ReactNode) =>
    render(
      <ToastProvider>
        <DbProvider db={db} actor={actor} engine={engine}>
          {ui}
        </DbProvider>
      </ToastProvider>,
    );
  return { actor, db, wrap };
}

const goal = (ownerId: string, over: Partial<Goal> = {}): Goal => ({
  id: uuidv7(),
  ownerId,
  title: 'Grow the pilot',
  description: '',
  periodStart: '2026-10-01',
  dueDate: '2026-12-31',
  visibility: 'manager',
  status: 'active',
  parentId: null,
  proposedBy: null,
  keyResults: [{ id: 'k1', title: 'Deals signed', kind: 'number', start: 0, target: 10, unit: 'deals', weight: 1, current: null }],
  createdAt: 1,
  updatedAt: 1,
  version: 1,
  deleted: false,
  ...over,
});
const checkin = (g: Goal, date: string, value: number): Checkin => ({
  id: uuidv7(),
  ownerId: g.ownerId,
  goalId: g.id,
  krId: 'k1',
  value,
  confidence: 6,
  note: '',
  date,
  goalVisibility: g.visibility,
  createdAt: 1,
  updatedAt: 1,
  version: 1,
  deleted: false,
});

describe('goal screens on local data', () => {
  it('the goal page shows progress with over-achievement and the forecast of each key result', async () => {
    const { actor, db, wrap } = setup();
    const g = goal(actor.personId);
    await db.goals.put(g);
    await db.checkins.bulkPut([checkin(g, '2026-10-01', 2), checkin(g, '2026-10-15', 13)]);
    wrap(<GoalDetailScreen id={g.id} />);
    expect(await screen.findByRole('heading', { name: 'Grow the pilot', level: 1 })).toBeTruthy();
    expect(screen.getAllByText('13 deals').length).toBeGreaterThan(0);
    expect(screen.getByRole('progressbar', { name: 'Progress of Deals signed' }).getAttribute('aria-valuetext')).toBe('130%');
    expect(screen.getAllByText('On track').length).toBeGreaterThan(0);
    expect(screen.getByRole('link', { name: 'Check in' }).getAttribute('href')).toBe(`/goals/${g.id}/checkin/k1`);
  });

  it("a report's goal on the manager's device has no check-in or edit", async () => {
    const { db, wrap } = setup();
    const g = goal(uuidv7());
    await db.goals.put(g);
    wrap(<GoalDetailScreen id={g.id} />);
    await screen.findByRole('heading', { name: 'Grow the pilot', level: 1 });
    expect(screen.queryByRole('link', { name: 'Check in' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull();
  });

  it('a check-in is one screen: prefilled with the current value, saved through mutate into Dexie and the outbox', async () => {
    const { actor, db, wrap } = setup();
    const g = goal(actor.personId);
    await db.goals.put(g);
    await db.checkins.put(checkin(g, '2026-10-01', 4));
    wrap(<CheckinScreen goalId={g.id} krId="k1" now={new Date(2026, 9, 20)} />);
    const value = await screen.findByLabelText('New value (deals)');
    expect(value).toHaveProperty('value', '4');
    fireEvent.change(value, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save check-in' }));
    expect(await screen.findByText('Enter the new value as a number')).toBeTruthy();
    fireEvent.change(value, { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save check-in' }));
    await waitFor(async () => expect(await db.checkins.count()).toBe(2));
    const saved = (await db.checkins.toArray()).find((c) => c.value === 7);
    expect(saved).toMatchObject({ goalId: g.id, krId: 'k1', confidence: 6, date: '2026-10-20', ownerId: actor.personId });
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(['checkin.create@1']);
  });

  it('home: an at-risk goal raises the alert; nothing at risk, no alert', async () => {
    const { actor, db, wrap } = setup();
    const risky = goal(actor.personId, { title: 'Risky goal' });
    await db.goals.put(risky);
    await db.checkins.bulkPut([checkin(risky, '2026-10-01', 0), checkin(risky, '2026-10-15', 1)]);
    const view = wrap(<HomeDashboard threshold={0.7} now={new Date(2026, 9, 20)} />);
    expect(await screen.findByRole('heading', { name: '1 goal at risk' })).toBeTruthy();
    view.unmount();
    await db.checkins.put(checkin(risky, '2026-10-18', 9));
    wrap(<HomeDashboard threshold={0.7} now={new Date(2026, 9, 20)} />);
    await screen.findByRole('heading', { name: 'Goals' });
    expect(screen.queryByRole('heading', { name: /at risk/ })).toBeNull();
  });

  it("home counts only the person's own rows: a report's shared goal on a manager's device is not theirs", async () => {
    const { db, wrap } = setup();
    const theirs = goal(uuidv7(), { title: 'Report goal' });
    await db.goals.put(theirs);
    await db.checkins.bulkPut([checkin(theirs, '2026-10-01', 0), checkin(theirs, '2026-10-15', 1)]);
    wrap(<HomeDashboard threshold={0.7} now={new Date(2026, 9, 20)} />);
    await screen.findByRole('heading', { name: 'Goals' });
    expect(screen.queryByText('Report goal')).toBeNull();
    expect(screen.queryByRole('heading', { name: /at risk/ })).toBeNull();
  });
});

describe('proposing a goal to a report', () => {
  it("the manager's form writes goal.propose@1 into the report's space, never private, through the outbox", async () => {
    const { db, wrap } = setup();
    const report = uuidv7();
    wrap(<GoalEditScreen mode={{ kind: 'propose', ownerId: report }} />);
    expect(await screen.findByRole('heading', { name: 'Propose a goal' })).toBeTruthy();
    expect(screen.queryByLabelText('Private')).toBeNull();
    fireEvent.change(screen.getByLabelText('Objective'), { target: { value: 'Mentor a new hire' } });
    fireEvent.change(screen.getByLabelText('Measure'), { target: { value: 'Check-ins held' } });
    fireEvent.change(screen.getByLabelText('Target', { exact: true }), { target: { value: '6' } });
    fireEvent.click(screen.getByRole('button', { name: 'Propose goal' }));
    await waitFor(async () => expect(await db.goals.count()).toBe(1));
    const [g] = await db.goals.toArray();
    expect(g).toMatchObject({ ownerId: report, status: 'proposed', visibility: 'manager', title: 'Mentor a new hire' });
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(['goal.propose@1']);
  });
});

describe('accepting a proposal', () => {
  it('the report edits a proposal and saves: goal.accept@1 with the changes, the goal becomes active', async () => {
    const { actor, db, wrap } = setup();
    const g = goal(actor.personId, { status: 'proposed', proposedBy: uuidv7(), title: 'Mentor a new hire' });
    await db.goals.put(g);
    wrap(<GoalEditScreen mode={{ kind: 'edit', id: g.id }} />);
    const title = await screen.findByLabelText('Objective');
    fireEvent.change(title, { target: { value: 'Mentor two new hires' } });
    fireEvent.click(screen.getByRole('button', { name: 'Accept with changes' }));
    await waitFor(async () => expect((await db.goals.get(g.id))?.status).toBe('active'));
    expect(await db.goals.get(g.id)).toMatchObject({ title: 'Mentor two new hires', proposedBy: g.proposedBy });
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(['goal.accept@1']);
  });
});

describe('editing a goal (S21)', () => {
  it('sends the key results the form opened with as the base, so a sync landing meanwhile is merged, not overwritten', async () => {
    const { actor, db, wrap } = setup();
    const k2 = { id: 'k2', title: 'Churn', kind: 'percent' as const, start: 8, target: 4, unit: '%', weight: 1, current: null };
    const g = goal(actor.personId);
    const opened = { ...g, keyResults: [...g.keyResults, k2] };
    await db.goals.put(opened);
    wrap(<GoalEditScreen mode={{ kind: 'edit', id: g.id }} />);
    const measure = (await screen.findAllByLabelText('Measure'))[0];
    // Another device set k2's target; the pull lands while the form is open.
    await db.goals.put({ ...opened, keyResults: [opened.keyResults[0], { ...k2, target: 3 }] as Goal['keyResults'], version: 2 });
    if (!measure) throw new Error('no measure field');
    fireEvent.change(measure, { target: { value: 'Deals closed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save goal' }));
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    const [entry] = await db.outbox.toArray();
    if (!entry) throw new Error('no outbox entry');
    expect(entry.name).toBe('goal.update@1');
    expect((entry.args as { base: { keyResults: unknown } }).base.keyResults).toEqual(opened.keyResults);
    expect((await db.goals.get(g.id))?.keyResults.map((k) => [k.title, k.target])).toEqual([
      ['Deals closed', 10],
      ['Churn', 3],
    ]);
  });
});
