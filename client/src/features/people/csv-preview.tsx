import type { CsvPreview } from '@merit/shared/domain/people-csv';
import { plural } from '@/ui/format';

/** What an import would do: the problems by line first (nothing is written while any remain), then the rows. */
export function CsvPreviewView({ preview }: { preview: CsvPreview }) {
  const { rows, errors } = preview;
  return (
    <div className="csv-preview">
      <p className={errors.length > 0 ? 'notice notice-bad' : 'notice notice-ok'} role="status">
        {errors.length > 0
          ? `${plural(errors.length, 'problem')} to fix before importing. Nothing has been imported.`
          : `${plural(rows.length, 'person', 'people')} ready to import.`}
      </p>
      {errors.length > 0 && (
        <div className="table-wrap">
          <table className="table table-errors">
            <caption>Problems</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {errors.map((e) => (
                <tr key={`${e.line}-${e.message}`}>
                  <td>{e.line}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption>{errors.length > 0 ? 'Rows that are fine' : 'People to import'}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Department</th>
                <th scope="col">Manager</th>
                <th scope="col">Role</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.email}>
                  <td>
                    {r.name}
                    <br />
                    <span className="muted">{r.email}</span>
                  </td>
                  <td>{r.department || '—'}</td>
                  <td>{r.managerEmail || '—'}</td>
                  <td>{r.role === 'hr' ? 'HR admin' : 'Employee'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
