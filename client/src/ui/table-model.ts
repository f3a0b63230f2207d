/**
 * The pure half of HR's dense tables: search, filters, sort and paging over rows already in memory. Kept
 * free of React so the bench and the unit tests time and check exactly what a keystroke runs.
 */
export interface Column<R> {
  key: string;
  label: string;
  /** What the column sorts and searches by. */
  value(row: R): string | number;
}

export interface TableQuery {
  search: string;
  /** Column key -> the one value a row must have there ('' = any). */
  filters: Record<string, string>;
  sort: { key: string; dir: 'asc' | 'desc' } | null;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Lower-cased search text of each row, computed once per rows array (not per keystroke). */
const haystacks = new WeakMap<object, string[]>();
function haystackOf<R>(rows: readonly R[], columns: readonly Column<R>[]): string[] {
  const cached = haystacks.get(rows);
  if (cached) return cached;
  const made = rows.map((r) =>
    columns
      .map((c) => String(c.value(r)))
      .join('\u0000')
      .toLowerCase(),
  );
  haystacks.set(rows, made);
  return made;
}

export function queryRows<R>(rows: readonly R[], columns: readonly Column<R>[], q: TableQuery): R[] {
  const needle = q.search.trim().toLowerCase();
  const hay = needle ? haystackOf(rows, columns) : null;
  const active = Object.entries(q.filters).flatMap(([key, v]) => {
    const col = columns.find((c) => c.key === key);
    return v && col ? [{ col, v }] : [];
  });
  const out: R[] = [];
  for (const [i, r] of rows.entries()) {
    if (hay && !hay[i]?.includes(needle)) continue;
    if (active.some(({ col, v }) => String(col.value(r)) !== v)) continue;
    out.push(r);
  }
  const sortCol = q.sort ? columns.find((c) => c.key === q.sort?.key) : undefined;
  if (sortCol && q.sort) {
    const sign = q.sort.dir === 'asc' ? 1 : -1;
    out.sort((a, b) => {
      const x = sortCol.value(a);
      const y = sortCol.value(b);
      return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y)));
    });
  }
  return out;
}

/** The distinct values of a column, sorted, for a filter's options. */
export function distinctValues<R>(rows: readonly R[], col: Column<R>): string[] {
  return [...new Set(rows.map((r) => String(col.value(r))))].sort(collator.compare);
}

export const PAGE_SIZE = 100;

export function pageOf<R>(rows: readonly R[], page: number, size = PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  return { rows: rows.slice(p * size, (p + 1) * size), page: p, pages };
}
