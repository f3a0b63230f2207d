import { memo, type ReactNode, useCallback, useDeferredValue, useId, useMemo, useState } from 'react';
import { SearchBox } from './search-box';
import { type Column, distinctValues, pageOf, queryRows, type TableQuery } from './table-model';

export interface TableColumn<R> extends Column<R> {
  render?(row: R): ReactNode;
  /** Offer a filter on this column, with its options in words. */
  filter?: { label: string; words?(value: string): string };
}

interface Props<R> {
  label: string;
  rows: readonly R[];
  columns: readonly TableColumn<R>[];
  rowKey(row: R): string;
  searchPlaceholder: string;
  /** The first column names the row (a row header); its key. */
  headerKey: string;
  initialFilters?: Record<string, string>;
  /** With it, rows get checkboxes and the toolbar shows these actions for the selected rows. */
  selection?(selected: R[], clear: () => void): ReactNode;
  rowActions?(row: R): ReactNode;
  testId?(row: R): string;
}

interface RowProps<R> {
  row: R;
  rowKey: string;
  picked: boolean;
  columns: readonly TableColumn<R>[];
  headerKey: string;
  selectable: boolean;
  rowActions?: ((row: R) => ReactNode) | undefined;
  testId?: string | undefined;
  onPick(key: string, on: boolean): void;
}

/** One row; memoised, so a keystroke re-renders only rows whose data or selection changed. */
function RowView<R>({ row, rowKey, picked, columns, headerKey, selectable, rowActions, testId, onPick }: RowProps<R>) {
  return (
    <tr data-testid={testId} className={picked ? 'row-picked' : undefined}>
      {selectable && (
        <td className="col-check">
          <label className="check-target">
            <input
              type="checkbox"
              className="check"
              aria-label={`Select ${String(columns.find((c) => c.key === headerKey)?.value(row) ?? rowKey)}`}
              checked={picked}
              onChange={(e) => onPick(rowKey, e.target.checked)}
            />
          </label>
        </td>
      )}
      {columns.map((c) =>
        c.key === headerKey ? (
          <th key={c.key} scope="row">
            {c.render ? c.render(row) : c.value(row)}
          </th>
        ) : (
          <td key={c.key}>{c.render ? c.render(row) : c.value(row)}</td>
        ),
      )}
      {rowActions && <td className="row-actions">{rowActions(row)}</td>}
    </tr>
  );
}
const Row = memo(RowView) as typeof RowView;

const arrow = (dir: 'asc' | 'desc' | null) => (dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '');

/**
 * HR's dense table: search, filters, sortable headers, select many, pages of 100 rows (10,000 rows stay
 * smooth: a keystroke filters in memory and renders one page). On a phone it scrolls sideways.
 */
export function DataTable<R>(p: Props<R>) {
  const id = useId();
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<Record<string, string>>(p.initialFilters ?? {});
  const [sort, setSort] = useState<TableQuery['sort']>(null);
  const [page, setPage] = useState(0);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const deferredSearch = useDeferredValue(search);
  const shown = useMemo(
    () => queryRows(p.rows, p.columns, { search: deferredSearch, filters, sort }),
    [p.rows, p.columns, deferredSearch, filters, sort],
  );
  const view = pageOf(shown, page);
  const filterCols = useMemo(() => p.columns.filter((c) => c.filter), [p.columns]);
  const options = useMemo(() => new Map(filterCols.map((c) => [c.key, distinctValues(p.rows, c)])), [p.rows, filterCols]);
  const selectedRows = useMemo(
    () => (p.selection && picked.size > 0 ? p.rows.filter((r) => picked.has(p.rowKey(r))) : []),
    [p.selection, p.rows, p.rowKey, picked],
  );
  const allShownPicked = shown.length > 0 && shown.every((r) => picked.has(p.rowKey(r)));
  const toggle = useCallback(
    (keys: string[], on: boolean) =>
      setPicked((prev) => {
        const next = new Set(prev);
        for (const k of keys) on ? next.add(k) : next.delete(k);
        return next;
      }),
    [],
  );
  const pickOne = useCallback((key: string, on: boolean) => toggle([key], on), [toggle]);
  const sortBy = (key: string) => {
    setSort((s) => (s?.key !== key ? { key, dir: 'asc' } : s.dir === 'asc' ? { key, dir: 'desc' } : null));
    setPage(0);
  };
  return (
    <div className="data-table">
      <div className="table-toolbar">
        <SearchBox
          id={`${id}-search`}
          label={`Search ${p.label.toLowerCase()}`}
          placeholder={p.searchPlaceholder}
          value={search}
          onChange={(v) => {
            setSearch(v);
            setPage(0);
          }}
        />
        {filterCols.map((c) => (
          <label key={c.key} className="table-filter">
            <span className="visually-hidden">{c.filter?.label}</span>
            <select
              className="input select"
              value={filters[c.key] ?? ''}
              onChange={(e) => {
                setFilters((f) => ({ ...f, [c.key]: e.target.value }));
                setPage(0);
              }}
            >
              <option value="">{c.filter?.label}: all</option>
              {(options.get(c.key) ?? []).map((v) => (
                <option key={v} value={v}>
                  {c.filter?.words ? c.filter.words(v) : v || '—'}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <div className="table-status">
        <p className="muted" role="status" aria-live="polite">
          {shown.length === p.rows.length ? `${p.rows.length} ${p.label.toLowerCase()}` : `${shown.length} of ${p.rows.length} shown`}
          {selectedRows.length > 0 && ` · ${selectedRows.length} selected`}
        </p>
        {p.selection && selectedRows.length > 0 && (
          <div className="table-selection">{p.selection(selectedRows, () => setPicked(new Set()))}</div>
        )}
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
      <section className="table-wrap" aria-label={p.label} tabIndex={0}>
        <table className="table table-dense">
          <thead>
            <tr>
              {p.selection && (
                <th scope="col" className="col-check">
                  <label className="check-target">
                    <input
                      type="checkbox"
                      className="check"
                      aria-label={`Select all ${shown.length} shown`}
                      checked={allShownPicked}
                      onChange={(e) => toggle(shown.map(p.rowKey), e.target.checked)}
                    />
                  </label>
                </th>
              )}
              {p.columns.map((c) => {
                const dir = sort?.key === c.key ? sort.dir : null;
                return (
                  <th key={c.key} scope="col" aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}>
                    <button type="button" className="th-sort" onClick={() => sortBy(c.key)}>
                      {c.label}
                      <span aria-hidden="true"> {arrow(dir)}</span>
                    </button>
                  </th>
                );
              })}
              {p.rowActions && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => {
              const key = p.rowKey(r);
              return (
                <Row
                  key={key}
                  row={r}
                  rowKey={key}
                  picked={picked.has(key)}
                  columns={p.columns}
                  headerKey={p.headerKey}
                  selectable={p.selection !== undefined}
                  rowActions={p.rowActions}
                  testId={p.testId?.(r)}
                  onPick={pickOne}
                />
              );
            })}
          </tbody>
        </table>
        {shown.length === 0 && <p className="muted table-empty">Nothing matches.</p>}
      </section>
      {view.pages > 1 && (
        <nav className="pager" aria-label={`Pages of ${p.label.toLowerCase()}`}>
          <button type="button" className="btn btn-ghost btn-small" disabled={view.page === 0} onClick={() => setPage(view.page - 1)}>
            Previous
          </button>
          <span className="muted">
            Page {view.page + 1} of {view.pages}
          </span>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            disabled={view.page >= view.pages - 1}
            onClick={() => setPage(view.page + 1)}
          >
            Next
          </button>
        </nav>
      )}
    </div>
  );
}
