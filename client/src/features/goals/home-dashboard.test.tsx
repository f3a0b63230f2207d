import type { Goal } from '@merit/shared/domain/goal';
import { uuidv7 } from '@merit/shared/ids';
import { act, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openPersonDb } from '@/db/db';
import { DbProvider } from '@/db/hooks';
import { SyncEngine } from '@/sync/engine';
import { makeActor, makeWin } from '@/sync/testing/factories';
import { FakeServer } from '@/sync/testing/fake-server';
import { HomeDashboard } from './home-dashboard';

// uPlot draws on a canvas jsdom does not have; the chart itself is checked in Chromium by test/goals.spec.ts.
vi.mock('./achievement-chart', () => ({ default: () => <div data-testid="achievement-chart" /> }));

function setup() {
  const actor = makeActor();
  const db = openPersonDb(actor.personId);
  const engine = new SyncEngine({ db, actor, transport: new FakeServer(actor).transport() });
  const wrap = (ui: ReactNode) =>
    render(
      <DbProvider db={db} actor={actor} engine={engine}>
        {ui}
      </DbProvider>,
    );
  return { actor, db, wrap };
}

const ended = (ownerId: string, dueDate: string, current: number): Goal => ({
  id: uuidv7(),
  ownerId,
  title: 'Ended goal',
  description: '',
  periodStart: '2026-01-01',
  dueDate,
  visibility: 'manager',
  status: 'achieved',
  parentId: null,
  proposedBy: null,
  keyResults: [{ id: 'k1', title: 'Deals', kind: 'number', start: 0, target: 10, unit: '', weight: 1, current }],
  createdAt: 1,
  updatedAt: 1,
  version: 1,
  deleted: false,
});

afterEach(() => {
  vi.useRealTimers();
});

describe('home dashboard', () => {
  it('achievement rate: the chart, and the same figures as a table for screen readers', async () => {
    const { actor, db, wrap } = setup();
    await db.goals.bulkPut([
      ended(actor.personId, '2026-03-31', 8),
      ended(actor.personId, '2026-06-30', 2),
      ended(actor.personId, '2026-06-15', 9),
    ]);
    wrap(<HomeDashboard threshold={0.7} now={new Date(2026, 9, 20)} />);
    const table = await screen.findByRole('table', { name: 'Achievement rate by quarter' });
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toEqual([
      'QuarterRateKey results reached',
      '2026 Q1100%1 of 1',
      '2026 Q250%1 of 2',
      '2026 Q3noneno goal ended',
      '2026 Q4noneno goal ended',
    ]);
    expect(await screen.findByTestId('achievement-chart')).toBeTruthy();
  });

  it('turns over at midnight while open: the new quarter starts its own count', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], shouldAdvanceTime: true });
    vi.setSystemTime(new Date(2026, 8, 30, 23, 59, 30));
    const { actor, db, wrap } = setup();
    await db.wins.put(makeWin({ ownerId: actor.personId, date: '2026-09-30' }));
    wrap(<HomeDashboard threshold={0.7} />);
    expect((await screen.findByText('win this quarter')).previousElementSibling?.textContent).toBe('1');
    await act(async () => {
      vi.advanceTimersByTime(40_000);
    });
    expect((await screen.findByText('wins this quarter')).previousElementSibling?.textContent).toBe('0');
  });

  it('lists upcoming review deadlines as links to the reviews, a past one marked overdue', async () => {
    const { wrap } = setup();
    const deadlines = [
      { id: 'a', label: 'Your self-review · H2 2026', date: '2026-10-18' },
      { id: 'b', label: '2 reviews to write · H2 2026', date: '2026-11-02' },
    ];
    wrap(<HomeDashboard threshold={0.7} now={new Date(2026, 9, 20)} deadlines={deadlines} />);
    const section = await screen.findByRole('region', { name: 'Coming up' });
    const links = within(section).getAllByRole('link');
    expect(links.map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Your self-review · H2 2026Was due Oct 18', '/reviews'],
      ['2 reviews to write · H2 2026Due Nov 2', '/reviews'],
    ]);
  });
});
