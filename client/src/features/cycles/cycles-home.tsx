import { describeError } from '@/lib/errors';
import { formatDay, plural } from '@/ui/format';
import { PlusIcon } from '@/ui/icons';
import { Link, navigate } from '@/ui/router';
import { EmptyState, Screen, Spinner } from '@/ui/screen';
import { ReminderSettings } from './reminder-settings';
import { useCycles, useTemplates } from './use-cycles';

const STATUS_TONE = { draft: 'muted', launched: 'ok', closed: 'muted' } as const;

/** HR's overview: review cycles (draft and launched) and the templates they use. */
export function CyclesHome() {
  const cycles = useCycles();
  const templates = useTemplates();
  return (
    <Screen
      title="Review cycles"
      actions={
        <button type="button" className="btn btn-primary btn-small" onClick={() => navigate('/cycles/new')}>
          <PlusIcon width={18} height={18} /> New cycle
        </button>
      }
    >
      <div className="hr-wide hr-columns">
        <section aria-labelledby="cycles-title">
          <h2 className="section-title" id="cycles-title">
            Cycles
          </h2>
          {cycles.isPending ? (
            <Spinner label="Loading cycles" />
          ) : cycles.error ? (
            <p className="form-error" role="alert">
              {describeError(cycles.error)}
            </p>
          ) : cycles.data.length === 0 ? (
            <EmptyState title="No cycles yet">Build a template, then start a cycle for the people it is for.</EmptyState>
          ) : (
            <ul className="card-list">
              {cycles.data.map((c) => (
                <li key={c.id} className="card">
                  <div className="person-head">
                    <Link className="person-name text-link" href={`/cycles/${c.id}`}>
                      {c.name}
                    </Link>
                    <span className={`badge badge-${STATUS_TONE[c.status]}`}>
                      {c.status === 'launched' ? 'Launched' : c.status === 'draft' ? 'Draft' : 'Closed'}
                    </span>
                  </div>
                  <p className="person-email">
                    {c.templateName} · {formatDay(c.periodStart)} – {formatDay(c.periodEnd)}
                  </p>
                  <p className="muted">
                    {c.status === 'launched' ? `${plural(c.reviewCount, 'review')} · ` : ''}self-review by {formatDay(c.selfDeadline)},
                    manager by {formatDay(c.managerDeadline)}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="templates-title">
          <div className="section-head">
            <h2 className="section-title" id="templates-title">
              Templates
            </h2>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => navigate('/cycles/templates/new')}>
              <PlusIcon width={18} height={18} /> New template
            </button>
          </div>
          {templates.isPending ? (
            <Spinner label="Loading templates" />
          ) : templates.error ? (
            <p className="form-error" role="alert">
              {describeError(templates.error)}
            </p>
          ) : templates.data.length === 0 ? (
            <EmptyState title="No templates yet">A template holds the sections and questions of a review.</EmptyState>
          ) : (
            <ul className="card-list">
              {templates.data.map((t) => (
                <li key={t.id} className="card">
                  <div className="person-head">
                    <Link className="person-name text-link" href={`/cycles/templates/${t.id}`}>
                      {t.name}
                    </Link>
                    {t.frozen && <span className="badge badge-muted">In use</span>}
                  </div>
                  <p className="muted">
                    {plural(t.sections.length, 'section')} ·{' '}
                    {plural(
                      t.sections.reduce((n, s) => n + (s.kind === 'questions' ? s.questions.length : 0), 0),
                      'question',
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <ReminderSettings />
        </section>
      </div>
    </Screen>
  );
}
