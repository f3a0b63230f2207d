import type { Period, WinFilter } from '@merit/shared/domain/win-filter';
import { useDeferredValue } from 'react';
import { useWins, useWinTags } from '@/db/hooks';
import { TextField } from '@/ui/field';
import { plural } from '@/ui/format';
import { PlusIcon } from '@/ui/icons';
import { Link, navigate, useSearch } from '@/ui/router';
import { EmptyState, Screen, Spinner } from '@/ui/screen';
import { SearchBox } from '@/ui/search-box';
import { filterFromSearch, isFiltered, searchFromFilter } from './win-filter-url';
import { WinList } from './win-list';

const PERIOD_LABELS: readonly [Period, string][] = [
  ['all', 'All time'],
  ['month', 'This month'],
  ['quarter', 'This quarter'],
  ['year', 'This year'],
  ['custom', 'Custom range'],
];

const withoutGoal = ({ goalId: _, ...rest }: WinFilter): WinFilter => rest;

/**
 * Every win, searchable and filtered by tag, period and (from a goal) the goal it supports. The filter lives
 * in the URL: a chip or period is a history step (back undoes it); typing replaces the entry as it goes.
 */
export function WinsScreen() {
  const filter = filterFromSearch(useSearch());
  const query = useDeferredValue(filter.query ?? '');
  const wins = useWins({ ...filter, query });
  const tags = useWinTags();
  const filtered = isFiltered(filter);
  const period = filter.period ?? 'all';

  const go = (next: WinFilter, replace = false) => navigate(`/wins${searchFromFilter(next)}`, { replace });
  const toggleTag = (t: string) => {
    const chosen = filter.tags ?? [];
    go({ ...filter, tags: chosen.includes(t) ? chosen.filter((x) => x !== t) : [...chosen, t] });
  };
  const shownTags = [...(filter.tags ?? []).filter((t) => !tags.includes(t)), ...tags];

  return (
    <Screen
      title="Wins"
      actions={
        <Link href="/wins/new" className="btn btn-primary btn-small">
          <PlusIcon width={18} height={18} /> Log a win
        </Link>
      }
    >
      <SearchBox
        id="win-search"
        label="Search wins"
        placeholder="Search text or #tag"
        value={filter.query ?? ''}
        onChange={(query) => go({ ...filter, query }, true)}
      />
      <ul className="chip-row chip-scroll chip-fade" aria-label="Period">
        {PERIOD_LABELS.map(([p, label]) => (
          <li key={p}>
            <button type="button" className="chip" aria-pressed={period === p} onClick={() => go({ ...filter, period: p })}>
              {label}
            </button>
          </li>
        ))}
      </ul>
      {period === 'custom' && (
        <div className="range-fields">
          <TextField
            label="From"
            type="date"
            value={filter.from ?? ''}
            max={filter.to}
            onChange={(e) => go({ ...filter, from: e.target.value }, true)}
          />
          <TextField
            label="To"
            type="date"
            value={filter.to ?? ''}
            min={filter.from}
            onChange={(e) => go({ ...filter, to: e.target.value }, true)}
          />
        </div>
      )}
      {shownTags.length > 0 && (
        <ul className="chip-row chip-scroll chip-fade" aria-label="Filter by tag">
          {shownTags.map((t) => (
            <li key={t}>
              <button type="button" className="chip" aria-pressed={filter.tags?.includes(t) ?? false} onClick={() => toggleTag(t)}>
                #{t}
              </button>
            </li>
          ))}
        </ul>
      )}
      {filter.goalId && (
        <ul className="chip-row filter-goal" aria-label="Goal">
          <li>
            <button type="button" className="chip" aria-pressed="true" onClick={() => go(withoutGoal(filter))}>
              Linked to one goal <span aria-hidden="true">×</span>
              <span className="visually-hidden">, remove</span>
            </button>
          </li>
        </ul>
      )}
      {wins === undefined ? (
        <Spinner label="Loading wins" />
      ) : wins.length > 0 ? (
        <>
          <div className="list-count-row">
            <p className="list-count" aria-live="polite">
              {plural(wins.length, 'win')}
              {filtered ? ' found' : ''}
            </p>
            {filtered && (
              <button type="button" className="text-link" onClick={() => go({})}>
                Clear filters
              </button>
            )}
          </div>
          <WinList wins={wins} />
        </>
      ) : filtered ? (
        <EmptyState
          title="No wins match"
          action={
            <button type="button" className="btn btn-secondary" onClick={() => go({})}>
              Clear filters
            </button>
          }
        >
          Try other words, another period, or fewer tags.
        </EmptyState>
      ) : (
        <EmptyState
          title="No wins yet"
          action={
            <Link href="/wins/new" className="btn btn-primary">
              Log your first win
            </Link>
          }
        >
          Small things count: a bug you fixed, a customer you helped, something you learned. Log it now and it is there at review time.
        </EmptyState>
      )}
    </Screen>
  );
}
