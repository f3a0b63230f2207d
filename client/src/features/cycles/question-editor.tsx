import type { Question } from '@merit/shared/domain/review-template';
import { useId } from 'react';
import { SelectField, TextArea, TextField } from '@/ui/field';
import { ANSWERER_WORDS, KIND_WORDS } from './labels';

interface Props {
  q: Question;
  index: number;
  count: number;
  readOnly: boolean;
  onChange(q: Question): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
  onSaveToBank(): void;
}

/** Fits a scale's labels to its points: keeps the ones typed, pads with blanks, drops the extra. */
function fitLabels(labels: readonly string[], min: number, max: number): string[] {
  const n = Math.max(0, max - min + 1);
  return Array.from({ length: n }, (_, i) => labels[i] ?? '');
}

/** One question of the template builder: kind-specific fields, who answers, required, help, order. */
export function QuestionEditor({ q, index, count, readOnly, onChange, onMove, onRemove, onSaveToBank }: Props) {
  const id = useId();
  const set = (patch: Partial<Question>) => onChange({ ...q, ...patch } as Question);
  const label = `Question ${index + 1}`;
  return (
    <fieldset className="card q-editor" disabled={readOnly} aria-label={label}>
      <div className="q-editor-head">
        <span className="badge badge-muted">{KIND_WORDS[q.kind]}</span>
        <span className="muted">{label}</span>
        <div className="q-editor-tools">
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => onMove(-1)}
            disabled={index === 0}
            aria-label={`Move ${label} up`}
          >
            ↑
          </button>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => onMove(1)}
            disabled={index === count - 1}
            aria-label={`Move ${label} down`}
          >
            ↓
          </button>
          <button type="button" className="btn btn-ghost btn-small" onClick={onSaveToBank}>
            Save to bank<span className="visually-hidden"> ({label})</span>
          </button>
          <button type="button" className="btn btn-ghost btn-small" onClick={onRemove}>
            Remove<span className="visually-hidden"> {label}</span>
          </button>
        </div>
      </div>
      <TextField label="Prompt" value={q.prompt} maxLength={300} onChange={(e) => set({ prompt: e.target.value })} />
      {q.kind === 'competency' && (
        <div className="grid-2">
          <TextField
            label="Competency"
            value={q.competency.name}
            maxLength={120}
            onChange={(e) => set({ competency: { ...q.competency, name: e.target.value } })}
          />
          <TextField
            label="What it means"
            value={q.competency.description}
            maxLength={1000}
            onChange={(e) => set({ competency: { ...q.competency, description: e.target.value } })}
          />
        </div>
      )}
      <TextArea
        label="Help text (optional)"
        rows={2}
        value={q.help ?? ''}
        maxLength={1000}
        onChange={(e) => set({ help: e.target.value })}
      />
      <div className="grid-2">
        <SelectField
          label="Who answers"
          value={q.answeredBy}
          onChange={(e) => set({ answeredBy: e.target.value as Question['answeredBy'] })}
        >
          {(['both', 'self', 'manager'] as const).map((a) => (
            <option key={a} value={a}>
              {ANSWERER_WORDS[a]}
            </option>
          ))}
        </SelectField>
        <label className="radio q-required" htmlFor={`${id}-req`}>
          <input id={`${id}-req`} type="checkbox" checked={q.required} onChange={(e) => set({ required: e.target.checked })} />
          Required
        </label>
      </div>
      {q.kind !== 'text' && (
        <div className="q-scale">
          <div className="grid-2">
            <SelectField
              label="Scale from"
              value={q.scale.min}
              onChange={(e) => {
                const min = Number(e.target.value);
                set({ scale: { ...q.scale, min, labels: fitLabels(q.scale.labels, min, q.scale.max) } });
              }}
            >
              <option value={0}>0</option>
              <option value={1}>1</option>
            </SelectField>
            <SelectField
              label="Scale to"
              value={q.scale.max}
              onChange={(e) => {
                const max = Number(e.target.value);
                set({ scale: { ...q.scale, max, labels: fitLabels(q.scale.labels, q.scale.min, max) } });
              }}
            >
              {[2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="scale-labels">
            {fitLabels(q.scale.labels, q.scale.min, q.scale.max).map((l, i) => (
              <TextField
                // biome-ignore lint/suspicious/noArrayIndexKey: one field per scale point; the point is the identity.
                key={i}
                label={`Label for ${q.scale.min + i}`}
                value={l}
                maxLength={60}
                onChange={(e) => {
                  const labels = fitLabels(q.scale.labels, q.scale.min, q.scale.max);
                  labels[i] = e.target.value;
                  set({ scale: { ...q.scale, labels } });
                }}
              />
            ))}
          </div>
        </div>
      )}
    </fieldset>
  );
}
