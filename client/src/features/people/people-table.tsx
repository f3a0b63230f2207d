import type { Person } from '@merit/shared/domain/person';
import { useMemo } from 'react';
import { DataTable, type TableColumn } from '@/ui/data-table';
import { Link } from '@/ui/router';
import { useInvite } from './use-invite';
import { ROLE_WORDS, statusOf } from './use-people';

/** The columns of HR's people table, given a way to name managers. */
export function peopleColumns(nameOf: (id: string | null) => string): TableColumn<Person>[] {
  return [
    { key: 'name', label: 'Name', value: (p) => p.name },
    { key: 'email', label: 'E-mail', value: (p) => p.email },
    {
      key: 'department',
      label: 'Department',
      value: (p) => p.department,
      filter: { label: 'Department', words: (v) => v || 'No department' },
    },
    { key: 'manager', label: 'Manager', value: (p) => nameOf(p.managerId), filter: { label: 'Manager', words: (v) => v || 'No manager' } },
    { key: 'role', label: 'Role', value: (p) => ROLE_WORDS[p.role], filter: { label: 'Role' } },
    {
      key: 'status',
      label: 'Status',
      value: (p) => statusOf(p).text,
      filter: { label: 'Status' },
      render: (p) => <span className={`badge badge-${statusOf(p).tone}`}>{statusOf(p).text}</span>,
    },
    { key: 'reports', label: 'Reports', value: (p) => p.reportCount },
  ];
}

// Stable functions: the table's memoised rows re-render only when their person or selection changes.
const idOf = (p: Person) => p.id;
const testIdOf = (p: Person) => `person-${p.email}`;
const editLink = (p: Person) => (
  <Link className="btn btn-ghost btn-small" href={`/people/${p.id}`}>
    Edit<span className="visually-hidden"> {p.name}</span>
  </Link>
);

/** People as a dense table (laptops): search, filter, sort, select many and e-mail them their links; Edit per row. */
export function PeopleTable({ people }: { people: Person[] }) {
  const invite = useInvite();
  const columns = useMemo(() => {
    const names = new Map(people.map((p) => [p.id, p.name]));
    return peopleColumns((id) => (id ? (names.get(id) ?? '') : ''));
  }, [people]);
  return (
    <DataTable
      label="People"
      rows={people}
      columns={columns}
      headerKey="name"
      rowKey={idOf}
      testId={testIdOf}
      searchPlaceholder={`Search ${people.length} people by name, e-mail, department`}
      selection={(rows, clear) => (
        <button
          type="button"
          className="btn btn-primary btn-small"
          disabled={invite.isPending}
          onClick={() =>
            invite.mutate(
              rows.filter((r) => !r.disabled).map((r) => r.id),
              { onSuccess: clear },
            )
          }
        >
          E-mail set-password links
        </button>
      )}
      rowActions={editLink}
    />
  );
}
