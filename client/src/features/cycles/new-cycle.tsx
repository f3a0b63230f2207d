import type { Selection } from '@merit/shared/domain/cycle';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { describeError } from '@/lib/errors';
import { trpc } from '@/lib/trpc';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { FormError, SelectField, TextArea, TextField } from '@/ui/field';
import { plural } from '@/ui/format';
import { navigate } from '@/ui/router';
import { Screen, Spinner } from '@/ui/screen';
import { friendlyField } from './template-builder';
import { KEYS, usePeopleDirectory, useTemplates } from './use-cycles';

type Kind = Selection['kind'];
const KIND_WORDS: Record<Kind, string> = {
  org: 'Whole organisation',
  department: 'A department',
  subtree: "A manager's team (everyone under them)",
  list: 'Hand-picked people',
  csv: 'A CSV of e-mails',
};

/** Name, template, period, deadlines and participants; preview who is in (and who has no manager); launch. */
export function NewCycle() {
  const templates = useTemplates();
  const people = usePeopleDirectory();
  const qc = useQueryClient();
  const [f, setF] = useState({
    name: '',
    templateId: '',
    periodStart: '',
    periodEnd: '',
    selfDeadline: '',
    managerDeadline: '',
  });
  const [kind, setKind] = useState<Kind>('department');
  const [department, setDepartment] = useState('');
  const [managerId, setManagerId] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [csv, setCsv] = useState('');
  const [confirming, setConfirming] = useState(false);
  const departments = useMemo(() => [...new Set((people.data ?? []).map((p) => p.department).filter(Boolean))].sort(), [people.data]);
  const managers = useMemo(() => (people.data ?? []).filter((p) => p.reportCount > 0 && !p.disabled), [people.data]);
  const selection: Selection =
    kind === 'org'
      ? { kind }
      : kind === 'department'
        ? { kind, department }
        : kind === 'subtree'
          ? { kind, managerId }
          : kind === 'list'
            ? { kind, personIds: picked }
            : { kind, csv };
  const preview = useMutation({ mutationFn: (s: Selection) => trpc.cycles.preview.query({ selection: s }) });
  const launch = useMutation({
    mutationFn: async () => {
      const c = await trpc.cycles.create.mutate({ ...f, selection });
      return trpc.cycles.launch.mutate({ cycleId: c.id });
    },
    onSuccess: async (c) => {
      await qc.invalidateQueries({ queryKey: KEYS.cycles });
      await qc.invalidateQueries({ queryKey: KEYS.templates });
      navigate(`/cycles/${c.id}`, { replace: true });
    },
    onSettled: () => setConfirming(false),
  });
  const changeSelection = (fn: () => void) => {
    fn();
    preview.reset();
  };
  const field = (k: keyof typeof f, label: string, type = 'date') => (
    <TextField label={label} type={type} value={f[k]} required onChange={(e) => setF({ ...f, [k]: e.target.value })} />
  );
  const ready = preview.data && preview.data.count > 0 && preview.data.errors.length === 0;

  return (
    <Screen title="New review cycle">
      <form
        className="form hr-wide"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) setConfirming(true);
          else preview.mutate(selection);
        }}
      >
        <div className="grid-2">
          {field('name', 'Name', 'text')}
          <SelectField label="Template" value={f.templateId} required onChange={(e) => setF({ ...f, templateId: e.target.value })}>
            <option value="">{templates.isPending ? 'Loading…' : 'Choose a template'}</option>
            {templates.data?.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="grid-4">
          {field('periodStart', 'Period from')}
          {field('periodEnd', 'Period to')}
          {field('selfDeadline', 'Self-review due')}
          {field('managerDeadline', 'Manager review due')}
        </div>
        <fieldset className="field radio-group">
          <legend className="field-label">Participants</legend>
          {(Object.keys(KIND_WORDS) as Kind[]).map((k) => (
            <label key={k} className="radio">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => changeSelection(() => setKind(k))} />
              {KIND_WORDS[k]}
            </label>
          ))}
        </fieldset>
        {kind === 'department' && (
          <SelectField label="Department" value={department} onChange={(e) => changeSelection(() => setDepartment(e.target.value))}>
            <option value="">Choose a department</option>
            {departments.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </SelectField>
        )}
        {kind === 'subtree' && (
          <SelectField label="Manager" value={managerId} onChange={(e) => changeSelection(() => setManagerId(e.target.value))}>
            <option value="">Choose a manager</option>
            {managers.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({plural(m.reportCount, 'direct report')})
              </option>
            ))}
          </SelectField>
        )}
        {kind === 'list' &&
          (people.isPending ? (
            <Spinner label="Loading people" />
          ) : (
            <fieldset className="field pick-list">
              <legend className="field-label">People ({picked.length} chosen)</legend>
              {people.data
                ?.filter((p) => !p.disabled)
                .map((p) => (
                  <label key={p.id} className="radio">
                    <input
                      type="checkbox"
                      checked={picked.includes(p.id)}
                      onChange={(e) =>
                        changeSelection(() => setPicked(e.target.checked ? [...picked, p.id] : picked.filter((x) => x !== p.id)))
                      }
                    />
                    {p.name} <span className="muted">· {p.department || 'no department'}</span>
                  </label>
                ))}
            </fieldset>
          ))}
        {kind === 'csv' && (
          <TextArea
            label="E-mails (CSV)"
            rows={5}
            className="mono"
            placeholder={'email\nana@example.com'}
            value={csv}
            onChange={(e) => changeSelection(() => setCsv(e.target.value))}
            hint="A column named email, or one e-mail per line."
          />
        )}
        <FormError>
          {preview.error ? friendlyField(describeError(preview.error)) : launch.error ? friendlyField(describeError(launch.error)) : null}
        </FormError>
        {preview.data && (
          <div className="card" aria-live="polite">
            <p className="stat-label">{plural(preview.data.count, 'person', 'people')} in this cycle</p>
            {preview.data.errors.length > 0 && (
              <div className="notice notice-bad">
                <p>Fix these rows first:</p>
                <ul>
                  {preview.data.errors.slice(0, 20).map((e) => (
                    <li key={e.line}>
                      Line {e.line}: {e.message}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {preview.data.withoutManager.length > 0 && (
              <div className="notice">
                <p>
                  {plural(preview.data.withoutManager.length, 'person has', 'people have')} no manager, so nobody will write their manager
                  review: {preview.data.withoutManager.map((p) => p.name).join(', ')}.
                </p>
              </div>
            )}
            {preview.data.sample.length > 0 && (
              <p className="muted">
                {preview.data.sample
                  .slice(0, 12)
                  .map((p) => p.name)
                  .join(', ')}
                {preview.data.count > 12 ? ` and ${preview.data.count - 12} more` : ''}
              </p>
            )}
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={preview.isPending || launch.isPending}>
            {ready ? 'Launch cycle…' : preview.isPending ? 'Checking…' : 'Preview participants'}
          </button>
        </div>
      </form>
      {confirming && preview.data && (
        <ConfirmDialog
          title={`Launch ${f.name || 'this cycle'}?`}
          confirmLabel={launch.isPending ? 'Launching…' : 'Launch'}
          busy={launch.isPending}
          onConfirm={() => launch.mutate()}
          onCancel={() => setConfirming(false)}
        >
          This creates {plural(preview.data.count, 'review')} at once and freezes the template. Each person&apos;s reviewer is their manager
          today.
        </ConfirmDialog>
      )}
    </Screen>
  );
}
