import { useDeferredValue, useState } from 'react';
import { useWins, useWinTags } from '@/db/hooks';
import { plural } from '@/ui/format';
import { PlusIcon, SearchIcon } from '@/ui/icons';
import { Link, useSearchParam } from '@/ui/router';
import { EmptyState, Screen, Spinner } from '@/ui/screen';
import { WinList } from './win-list';

export function WinsScreen() {
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState<string>();
  const deferred = useDeferredValue(query);
  const all = useWins(tag ? { query: deferred, tag } : { query: deferred });
  // `/wins?goal=<id>` (from a goal's page) narrows the list to that goal's wins.
  const goal = useSearchParam('goal');
  const wins = goal ? all?.filter((w) => w.goalId === goal) : all;
  const tags = useWinTags();
  const filtered = deferred.trim() !== '' || tag !== undefined || goal !== null;

  return (
    <Screen
      title="Wins"
      actions={
        <Link href="/wins/new" className="btn btn-primary btn-small">
          <PlusIcon width={18} height={18} /> Log a win
        </Link>
      }
    >
      {goal && (
        <p className="notice notice-ok">
          Showing the wins linked to one goal.{' '}
          <Link href="/wins" className="text-link">
            Show all wins
          </Link>
        </p>
      )}
      <div className="search">
        <SearchIcon className="search-icon" width={20} height={20} />
        <label htmlFor="win-search" className="visually-hidden">
          Search wins
        </label>
        <input
          id="win-search"
          className="input search-input"
          type="search"
          placeholder="Search text or #tag"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoCapitalize="none"
          enterKeyHint="search"
        />
      </div>
      {tags.length > 0 && (
        <ul className="chip-row chip-scroll" aria-label="Filter by tag">
          {tags.map((t) => (
            <li key={t}>
              <button type="button" className="chip" aria-pressed={tag === t} onClick={() => setTag(tag === t ? undefined : t)}>
                #{t}
              </button>
            </li>
          ))}
        </ul>
      )}
      {wins === undefined ? (
        <Spinner label="Loading wins" />
      ) : wins.length > 0 ? (
        <>
          <p className="list-count" aria-live="polite">
            {plural(wins.length, 'win')}
            {filtered ? ' found' : ''}
          </p>
          <WinList wins={wins} />
        </>
      ) : filtered ? (
        <EmptyState title="No wins match">Try other words, or clear the tag filter.</EmptyState>
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
