import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../ids';
import type { Win } from './win';
import { matchesWinFilter, periodRange, type WinFilter } from './win-filter';

const makeWin = (overrides: Partial<Win> = {}): Win => ({
  id: uuidv7(),
  ownerId: uuidv7(),
  title: 'Shipped search',
  description: 'to all teams',
  date: '2026-05-14',
  tags: ['launch', 'search'],
  visibility: 'private',
  goalId: null,
  krId: null,
  createdAt: 1,
  updatedAt: 1,
  version: 1,
  deleted: false,
  ...overrides,
});

describe('periodRange', () => {
  it.each([
    ['month', '2026-02-10', '2026-02-01', '2026-02-28'],
    ['month', '2028-02-29', '2028-02-01', '2028-02-29'],
    ['month', '2026-12-31', '2026-12-01', '2026-12-31'],
    ['quarter', '2026-01-01', '2026-01-01', '2026-03-31'],
    ['quarter', '2026-05-14', '2026-04-01', '2026-06-30'],
    ['quarter', '2026-09-30', '2026-07-01', '2026-09-30'],
    ['quarter', '2026-11-23', '2026-10-01', '2026-12-31'],
    ['year', '2026-11-23', '2026-01-01', '2026-12-31'],
  ] as const)('%s containing %s is %s..%s', (period, today, from, to) => {
    expect(periodRange({ period }, today)).toEqual({ from, to });
  });

  it('all and no period are open at both ends; custom takes the given ends, either may be open', () => {
    expect(periodRange({ period: 'all' }, '2026-11-23')).toEqual({ from: null, to: null });
    expect(periodRange({}, '2026-11-23')).toEqual({ from: null, to: null });
    expect(periodRange({ period: 'custom', from: '2026-03-01' }, '2026-11-23')).toEqual({ from: '2026-03-01', to: null });
    expect(periodRange({ period: 'custom', from: '', to: '2026-03-01' }, '2026-11-23')).toEqual({ from: null, to: '2026-03-01' });
  });
});

describe('matchesWinFilter', () => {
  const today = '2026-05-20';
  it.each<[string, Partial<Win>, WinFilter, boolean]>([
    ['an empty filter keeps a live win', {}, {}, true],
    ['a deleted win never shows', { deleted: true }, {}, false],
    ['a tag it has', {}, { tags: ['launch'] }, true],
    ['every chosen tag must be on the win', {}, { tags: ['launch', 'mentoring'] }, false],
    ['this month, inside', { date: '2026-05-01' }, { period: 'month' }, true],
    ['this month, the day before', { date: '2026-04-30' }, { period: 'month' }, false],
    ['this quarter, first day', { date: '2026-04-01' }, { period: 'quarter' }, true],
    ['this year, last year', { date: '2025-12-31' }, { period: 'year' }, false],
    ['custom range ends are inclusive', { date: '2026-03-31' }, { period: 'custom', from: '2026-03-01', to: '2026-03-31' }, true],
    ['custom range, after the end', { date: '2026-04-01' }, { period: 'custom', to: '2026-03-31' }, false],
    ['a custom range is ignored unless the period is custom', { date: '2020-01-01' }, { from: '2026-01-01' }, true],
    [
      'the goal it is linked to',
      { goalId: '0190a0a0-0000-7000-8000-000000000001' },
      { goalId: '0190a0a0-0000-7000-8000-000000000001' },
      true,
    ],
    ['another goal', { goalId: null }, { goalId: '0190a0a0-0000-7000-8000-000000000001' }, false],
    ['text and period together', { date: '2026-05-02' }, { query: 'search', period: 'month' }, true],
    ['text that is not there', {}, { query: 'budget' }, false],
  ])('%s', (_, win, filter, expected) => {
    expect(matchesWinFilter(makeWin(win), filter, today)).toBe(expected);
  });
});
