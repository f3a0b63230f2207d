import { matchesWinQuery, type Win } from './win';

/** The named periods of the wins list; `custom` takes `from`/`to` as given. */
export const PERIODS = ['all', 'month', 'quarter', 'year', 'custom'] as const;
export type Period = (typeof PERIODS)[number];

/**
 * What narrows the wins list. Every part is optional and they combine with AND. `goalId` is honoured here
 * so a goals screen can link to "wins for this goal" without the list knowing about goals.
 */
export interface WinFilter {
  query?: string;
  tags?: readonly string[];
  period?: Period;
  /** Inclusive days (YYYY-MM-DD); used when `period` is `custom`. Either end may be open. */
  from?: string;
  to?: string;
  goalId?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const day = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The inclusive day range of a period that contains `today` (YYYY-MM-DD); `null` ends are open. */
export function periodRange(filter: Pick<WinFilter, 'period' | 'from' | 'to'>, today: string): { from: string | null; to: string | null } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  switch (filter.period) {
    case 'month':
      return { from: day(y, m, 1), to: day(y, m, lastDay(y, m)) };
    case 'quarter': {
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      return { from: day(y, first, 1), to: day(y, first + 2, lastDay(y, first + 2)) };
    }
    case 'year':
      return { from: day(y, 1, 1), to: day(y, 12, 31) };
    case 'custom':
      return { from: filter.from || null, to: filter.to || null };
    default:
      return { from: null, to: null };
  }
}

/** Whether a live win passes every part of the filter; days compare as strings (ISO order is day order). */
export function matchesWinFilter(win: Win, filter: WinFilter, today: string): boolean {
  if (win.deleted) return false;
  if (filter.goalId !== undefined && win.goalId !== filter.goalId) return false;
  if (filter.tags && !filter.tags.every((t) => win.tags.includes(t))) return false;
  const { from, to } = periodRange(filter, today);
  if (from !== null && win.date < from) return false;
  if (to !== null && win.date > to) return false;
  return !filter.query?.trim() || matchesWinQuery(win, filter.query);
}
