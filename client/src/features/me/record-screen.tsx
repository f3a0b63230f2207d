import { TABLES, type TableName } from '@merit/shared/mutations';
import { useOwnRecord } from '@/db/record';
import { formatDay } from '@/ui/format';
import { Link } from '@/ui/router';
import { Spinner } from '@/ui/screen';

/** Friendly headings for the tables known today; a table added later shows under its own name. */
const LABELS: Partial<Record<TableName, string>> = {
  wins: 'Wins',
  notes: 'Private notes',
  feedback: 'Feedback received',
  managerNotes: 'My notes about my reports',
  rejections: 'Changes the server refused',
};
/** Bookkeeping fields, meaningless on paper. */
const HIDDEN = new Set(['id', 'ownerId', 'version', 'deleted', 'createdAt', 'updatedAt', 'deviceId', 'mutationId']);
const HEADLINES = ['title', 'name', 'fromName', 'message'] as const;

const words = (key: string) => {
  const s = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
};

function show(key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (typeof v === 'string' && key === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDay(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(', ');
  return typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v);
}

function RowCard({ row }: { row: Record<string, unknown> }) {
  const headKey = HEADLINES.find((k) => typeof row[k] === 'string' && row[k] !== '');
  const headline = headKey === 'fromName' ? `From ${String(row[headKey])}` : headKey ? String(row[headKey]) : '';
  const facts = Object.entries(row).filter(([k, v]) => !HIDDEN.has(k) && k !== headKey && show(k, v) !== '');
  return (
    <li className="record-row">
      {headline && <p className="record-head">{headline}</p>}
      <dl className="person-facts">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{words(k)}</dt>
            <dd className="record-value">{show(k, v)}</dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

/** Everything of the person's own on this device, on one printable page (`/me/record`). Works offline. */
export default function RecordScreen({ me }: { me: { name: string; email: string } }) {
  const record = useOwnRecord(me);
  return (
    <section className="screen record">
      <header className="screen-head">
        <h1 className="screen-title" tabIndex={-1}>
          My record
        </h1>
        <div className="screen-actions no-print">
          <button type="button" className="btn btn-primary btn-small" onClick={() => window.print()}>
            Print
          </button>
        </div>
      </header>
      <p className="screen-lead">
        {me.name} · {me.email}
        {record && <> · as of {new Date(record.generatedAt).toLocaleString()}</>}
      </p>
      <p className="no-print record-back">
        <Link href="/me" className="text-link">
          Back to Me
        </Link>
      </p>
      {record === undefined ? (
        <Spinner label="Loading your record" />
      ) : (
        // The refused changes come last: they matter least on paper.
        [...TABLES.filter((t) => t !== 'rejections'), ...TABLES.filter((t) => t === 'rejections')].map((t) => {
          const rows = record.tables[t] ?? [];
          return (
            <section key={t} className="record-section" aria-labelledby={`record-${t}`}>
              <h2 id={`record-${t}`} className="section-title">
                {LABELS[t] ?? words(t)} <span className="muted">({rows.length})</span>
              </h2>
              {rows.length === 0 ? (
                <p className="field-hint">None.</p>
              ) : (
                <ul className="record-list">
                  {rows.map((r) => (
                    <RowCard key={String(r.id)} row={r} />
                  ))}
                </ul>
              )}
            </section>
          );
        })
      )}
    </section>
  );
}
