import { describe, expect, it } from 'vitest';
import { type Column, distinctValues, pageOf, queryRows } from './table-model';

interface P {
  name: string;
  dept: string;
  n: number;
}
const COLS: Column<P>[] = [
  { key: 'name', label: 'Name', value: (r) => r.name },
  { key: 'dept', label: 'Department', value: (r) => r.dept },
  { key: 'n', label: 'N', value: (r) => r.n },
];
const ROWS: P[] = [
  { name: 'Ann Lee', dept: 'Sales', n: 10 },
  { name: 'bob Hart', dept: 'Ops', n: 2 },
  { name: 'Cleo Ann', dept: 'Sales', n: 33 },
];

describe('queryRows', () => {
  it('searches every column case-insensitively, filters by exact value, and sorts text and numbers', () => {
    expect(queryRows(ROWS, COLS, { search: 'ANN', filters: {}, sort: null }).map((r) => r.name)).toEqual(['Ann Lee', 'Cleo Ann']);
    expect(queryRows(ROWS, COLS, { search: '', filters: { dept: 'Ops' }, sort: null }).map((r) => r.name)).toEqual(['bob Hart']);
    expect(queryRows(ROWS, COLS, { search: '', filters: { dept: '' }, sort: { key: 'name', dir: 'desc' } }).map((r) => r.name)).toEqual([
      'Cleo Ann',
      'bob Hart',
      'Ann Lee',
    ]);
    expect(queryRows(ROWS, COLS, { search: '', filters: {}, sort: { key: 'n', dir: 'asc' } }).map((r) => r.n)).toEqual([2, 10, 33]);
    expect(queryRows(ROWS, COLS, { search: 'sales', filters: { dept: 'Ops' }, sort: null })).toEqual([]);
  });

  it('offers distinct filter values and pages of a fixed size, clamping the page', () => {
    expect(distinctValues(ROWS, COLS[1] as Column<P>)).toEqual(['Ops', 'Sales']);
    const many = Array.from({ length: 250 }, (_, i) => i);
    expect(pageOf(many, 2)).toMatchObject({ page: 2, pages: 3, rows: many.slice(200) });
    expect(pageOf(many, 9).page).toBe(2);
    expect(pageOf([], 0)).toEqual({ rows: [], page: 0, pages: 1 });
  });
});
