import type { WinFilter } from '@merit/shared/domain/win-filter';
import { describe, expect, it } from 'vitest';
import { filterFromSearch, isFiltered, searchFromFilter } from './win-filter-url';

describe('wins filter in the URL', () => {
  it.each<[string, WinFilter]>([
    ['', {}],
    ['?q=demo&tag=sales&tag=ops&period=quarter', { query: 'demo', tags: ['sales', 'ops'], period: 'quarter' }],
    ['?period=custom&from=2026-01-01&to=2026-03-31', { period: 'custom', from: '2026-01-01', to: '2026-03-31' }],
    ['?goal=0190a0a0-0000-7000-8000-000000000001', { goalId: '0190a0a0-0000-7000-8000-000000000001' }],
  ])('%s round-trips', (search, filter) => {
    expect(filterFromSearch(search)).toEqual(filter);
    expect(searchFromFilter(filter)).toBe(search);
  });

  it('ignores what it cannot read: unknown periods, malformed days, a range without "custom", repeated tags', () => {
    expect(filterFromSearch('?period=decade&from=2026-01-01')).toEqual({});
    expect(filterFromSearch('?period=custom&from=yesterday&to=2026-13')).toEqual({ period: 'custom' });
    expect(filterFromSearch('?tag=a&tag=a&tag=')).toEqual({ tags: ['a'] });
    expect(filterFromSearch('?period=all')).toEqual({});
  });

  it('knows when the list is narrowed', () => {
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ query: '  ', period: 'all', tags: [] })).toBe(false);
    expect(isFiltered({ period: 'month' })).toBe(true);
    expect(isFiltered({ goalId: 'g' })).toBe(true);
  });
});
