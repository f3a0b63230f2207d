import { useDeferredValue, useMemo, useState } from 'react';
import { describeError } from '@/lib/errors';
import { PlusIcon } from '@/ui/icons';
import { navigate } from '@/ui/router';
import { EmptyState, Screen, Spinner } from '@/ui/screen';
import { useWide } from '@/ui/use-wide';
import { PeopleTable } from './people-table';
import { PersonCard } from './person-card';
import { usePeople } from './use-people';

export function PeopleList() {
  const people = usePeople();
  const wide = useWide();
  const [query, setQuery] = useState('');
  const q = useDeferredValue(query).trim().toLowerCase();
  const names = useMemo(() => new Map((people.data ?? []).map((p) => [p.id, p.name])), [people.data]);
  const shown = (people.data ?? []).filter((p) => !q || `${p.name} ${p.email} ${p.department}`.toLowerCase().includes(q));

  return (
    <Screen
      title="People"
      actions={
        <>
          <button type="button" className="btn btn-secondary btn-small" onClick={() => navigate('/people/import')}>
            Import CSV
          </button>
          <button type="button" className="btn btn-primary btn-small" onClick={() => navigate('/people/new')}>
            <PlusIcon width={18} height={18} /> Add person
          </button>
        </>
      }
    >
      {people.isPending ? (
        <Spinner label="Loading people" />
      ) : people.error ? (
        <EmptyState
          title="Could not load people"
          action={
            <button type="button" className="btn btn-secondary" onClick={() => people.refetch()}>
              Try again
            </button>
          }
        >
          {describeError(people.error)}
        </EmptyState>
      ) : people.data.length <= 1 ? (
        <>
          <EmptyState title="Only you so far">Add people one by one, or import everyone at once from a CSV file.</EmptyState>
          <ul className="card-list">
            {people.data.map((p) => (
              <PersonCard key={p.id} person={p} managerName={p.managerId ? names.get(p.managerId) : undefined} />
            ))}
          </ul>
        </>
      ) : wide ? (
        <div className="hr-wide">
          <PeopleTable people={people.data} />
        </div>
      ) : (
        <>
          <label htmlFor="people-search" className="visually-hidden">
            Search people
          </label>
          <input
            id="people-search"
            className="input"
            type="search"
            placeholder={`Search ${people.data.length} people`}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <ul className="card-list">
            {shown.map((p) => (
              <PersonCard key={p.id} person={p} managerName={p.managerId ? names.get(p.managerId) : undefined} />
            ))}
          </ul>
        </>
      )}
    </Screen>
  );
}
