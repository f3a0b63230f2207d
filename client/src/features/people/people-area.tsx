import { AddPerson } from './add-person';
import { ImportCsv } from './import-csv';
import { PeopleList } from './people-list';

/** HR's people screens, one lazily loaded chunk: /people, /people/new, /people/import. */
export default function PeopleArea({ path }: { path: string }) {
  if (path === '/people/new') return <AddPerson />;
  if (path === '/people/import') return <ImportCsv />;
  return <PeopleList />;
}
