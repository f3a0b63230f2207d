import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { type PillState, pillText, SyncPillView } from './sync-pill-view';

const NOW = 1_750_000_000_000;
const state = (overrides: Partial<PillState> = {}): PillState => ({
  phase: 'idle',
  pending: 0,
  lastSyncedAt: NOW - 5_000,
  initialSync: null,
  ...overrides,
});

describe('sync pill text', () => {
  it.each<[string, Partial<PillState>, string]>([
    ['idle, just synced', {}, 'Synced'],
    ['idle, synced two minutes ago', { lastSyncedAt: NOW - 2 * 60_000 - 1 }, 'Synced 2 min ago'],
    ['idle, never synced', { lastSyncedAt: null }, 'Not synced yet'],
    ['idle with changes waiting', { pending: 3 }, '3 waiting'],
    ['syncing', { phase: 'syncing' }, 'Syncing'],
    ['syncing with changes waiting', { phase: 'syncing', pending: 2 }, 'Syncing · 2 waiting'],
    ['first snapshot loading', { phase: 'syncing', initialSync: { done: 120 } }, 'Loading your data · 120'],
    ['offline', { phase: 'offline' }, 'Offline'],
    ['offline with changes waiting', { phase: 'offline', pending: 3 }, 'Offline · 3 waiting'],
    ['error', { phase: 'error', pending: 1 }, 'Sync error'],
    ['signed out with changes kept', { phase: 'signed-out', pending: 4 }, 'Signed out · 4 waiting'],
    ['update required', { phase: 'update-required' }, 'Update needed'],
  ])('%s: "%s"', (_name, overrides, text) => {
    expect(pillText(state(overrides), NOW)).toBe(text);
  });
});

describe('SyncPillView', () => {
  it('is a status region carrying the phase and the pending count for tests and styles', () => {
    render(<SyncPillView state={state({ phase: 'offline', pending: 3 })} now={NOW} onRetry={() => {}} />);
    const pill = screen.getByRole('status');
    expect(pill.dataset).toMatchObject({ testid: 'sync-status', phase: 'offline', pending: '3' });
    expect(pill.textContent).toBe('Offline · 3 waiting');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('on error offers "Retry" as a button that calls retry', () => {
    const onRetry = vi.fn();
    render(<SyncPillView state={state({ phase: 'error' })} now={NOW} onRetry={onRetry} />);
    const button = screen.getByRole('button', { name: 'Sync error · Retry' });
    fireEvent.click(button);
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});
