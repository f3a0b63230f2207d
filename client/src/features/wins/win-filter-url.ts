import { PERIODS, type Period, type WinFilter } from '@merit/shared/domain/win-filter';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isPeriod = (p: string | null): p is Period => p !== null && (PERIODS as readonly string[]).includes(p);

/**
 * The wins list keeps its filter in the URL (`/wins?q=demo&tag=sales&period=quarter`), so back and forward
 * step through filters, and a link (from a goal: `?goal=<id>`) opens the list already filtered. Anything
 * malformed is ignored rather than shown as an error: a URL is not a form.
 */
export function filterFromSearch(search: string): WinFilter {
  const p = new URLSearchParams(search);
  const f: WinFilter = {};
  const q = p.get('q');
  if (q) f.query = q;
  const tags = p.getAll('tag').filter(Boolean);
  if (tags.length > 0) f.tags = [...new Set(tags)];
  const period = p.get('period');
  if (isPeriod(period) && period !== 'all') f.period = period;
  if (f.period === 'custom') {
    const from = p.get('from');
    const to = p.get('to');
    if (from && DAY.test(from)) f.from = from;
    if (to && DAY.test(to)) f.to = to;
  }
  const goal = p.get('goal');
  if (goal) f.goalId = goal;
  return f;
}

/** The query string for a filter, `""` for none; parts in a fixed order so equal filters give equal URLs. */
export function searchFromFilter(f: WinFilter): string {
  const p = new URLSearchParams();
  if (f.query) p.set('q', f.query);
  for (const t of f.tags ?? []) p.append('tag', t);
  if (f.period && f.period !== 'all') p.set('period', f.period);
  if (f.period === 'custom') {
    if (f.from) p.set('from', f.from);
    if (f.to) p.set('to', f.to);
  }
  if (f.goalId) p.set('goal', f.goalId);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Whether anything narrows the list (the text box alone counts). */
export const isFiltered = (f: WinFilter): boolean =>
  Boolean(f.query?.trim() || f.tags?.length || (f.period && f.period !== 'all') || f.goalId);
