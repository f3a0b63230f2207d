import { matchPath } from '@/ui/router';
import { AddPerson } from './add-person';
import { EditPerson } from './edit-person';
import { ImportCsv } from './import-csv';
import { PeopleList } from './people-list';

/** HR's people screens, one lazily loaded chunk: /people, /people/new, /people/import, /people/:id. */
export default function PeopleArea({ path }: { path: string }) {
  if (path === '/people/new') return <AddPerson />;
  if (path === '/people/import') return <ImportCsv />;
  const edit = matchPath('/people/:id', path);
  if (edit?.id) return <EditPerson id={edit.id} />;
  return <PeopleList />;
}
