import type { DirectoryGoal } from '@merit/shared/domain/goal-directory';
import { LIMITS } from '@merit/shared/limits';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { FormError, SelectField, TextArea, TextField } from '@/ui/field';
import { CloseIcon, PlusIcon } from '@/ui/icons';
import { blankKr, defaultGoalValues, type GoalFormOutput, type GoalFormValues, goalFormResolver } from './goal-form-schema';

interface Props {
  initial?: GoalFormValues;
  /** Resolves with nothing when saved, or with words to show when it could not be saved. */
  onSave(goal: GoalFormOutput): Promise<string | undefined>;
  onCancel(): void;
  submitLabel: string;
  /** Organisation goals this one may support (cached on the device for offline use). */
  parents: readonly DirectoryGoal[];
  /** A proposal to a report is never private. */
  allowPrivate?: boolean;
  now?: Date;
}

const KIND_LABELS = { number: 'Number', percent: 'Percent', currency: 'Money', done: 'Done / not done' } as const;

export function GoalForm({ initial, onSave, onCancel, submitLabel, parents, allowPrivate = true, now }: Props) {
  const [formError, setFormError] = useState<string>();
  const {
    register,
    control,
    handleSubmit,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<GoalFormValues, unknown, GoalFormOutput>({ resolver: goalFormResolver, defaultValues: initial ?? defaultGoalValues(now) });
  const krs = useFieldArray({ control, name: 'keyResults', keyName: 'key' });
  const kinds = watch('keyResults').map((k) => k.kind);

  const submit = handleSubmit(async (goal) => {
    setFormError(undefined);
    const problem = await onSave(goal);
    if (problem) setFormError(problem);
  });

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField
        label="Objective"
        placeholder="What do you want to achieve?"
        autoFocus
        autoComplete="off"
        maxLength={LIMITS.titleMax}
        error={errors.title?.message}
        {...register('title')}
      />
      <TextArea
        label="Description"
        rows={3}
        placeholder="Why it matters (optional)"
        maxLength={LIMITS.descriptionMax}
        error={errors.description?.message}
        {...register('description')}
      />
      <div className="field-row">
        <TextField label="Period start" type="date" error={errors.periodStart?.message} {...register('periodStart')} />
        <TextField label="Due date" type="date" error={errors.dueDate?.message} {...register('dueDate')} />
      </div>

      <fieldset className="kr-fieldset">
        <legend className="field-label">Key results</legend>
        {errors.keyResults?.root?.message && <p className="field-error">{errors.keyResults.root.message}</p>}
        {errors.keyResults?.message && <p className="field-error">{errors.keyResults.message}</p>}
        {krs.fields.map((f, i) => {
          const e = errors.keyResults?.[i];
          const kind = kinds[i] ?? 'number';
          return (
            <div key={f.key} className="kr-edit">
              <div className="kr-edit-head">
                <span className="kr-edit-number">Key result {i + 1}</span>
                {krs.fields.length > 1 && (
                  <button type="button" className="icon-btn" onClick={() => krs.remove(i)} aria-label={`Remove key result ${i + 1}`}>
                    <CloseIcon width={18} height={18} />
                  </button>
                )}
              </div>
              <TextField
                label="Measure"
                placeholder="e.g. Pilot customers signed"
                autoComplete="off"
                maxLength={LIMITS.titleMax}
                error={e?.title?.message}
                {...register(`keyResults.${i}.title`)}
              />
              <SelectField label="Kind" error={e?.kind?.message} {...register(`keyResults.${i}.kind`)}>
                {Object.entries(KIND_LABELS).map(([k, label]) => (
                  <option key={k} value={k}>
                    {label}
                  </option>
                ))}
              </SelectField>
              {kind !== 'done' && (
                <div className="field-row field-row-3">
                  <TextField label="Start" inputMode="decimal" error={e?.start?.message} {...register(`keyResults.${i}.start`)} />
                  <TextField label="Target" inputMode="decimal" error={e?.target?.message} {...register(`keyResults.${i}.target`)} />
                  {kind !== 'percent' && (
                    <TextField
                      label={kind === 'currency' ? 'Currency' : 'Unit'}
                      placeholder={kind === 'currency' ? 'EUR' : 'deals'}
                      autoComplete="off"
                      maxLength={LIMITS.unitMax}
                      error={e?.unit?.message}
                      {...register(`keyResults.${i}.unit`)}
                    />
                  )}
                </div>
              )}
              <TextField
                label="Weight"
                inputMode="decimal"
                hint="How much it counts toward the objective."
                error={e?.weight?.message}
                {...register(`keyResults.${i}.weight`)}
              />
            </div>
          );
        })}
        {krs.fields.length < LIMITS.krsMax && (
          <button type="button" className="btn btn-secondary btn-block" onClick={() => krs.append(blankKr())}>
            <PlusIcon width={18} height={18} /> Add a key result
          </button>
        )}
      </fieldset>

      <fieldset className="field radio-group">
        <legend className="field-label">Who can see it</legend>
        {allowPrivate && (
          <label className="radio">
            <input type="radio" value="private" {...register('visibility')} />
            <span>Private</span>
          </label>
        )}
        <label className="radio">
          <input type="radio" value="manager" {...register('visibility')} />
          <span>My manager</span>
        </label>
        <label className="radio">
          <input type="radio" value="org" {...register('visibility')} />
          <span>Everyone in the organisation</span>
        </label>
      </fieldset>

      <SelectField
        label="Supports"
        hint={parents.length === 0 ? 'Organisation goals appear here once loaded online.' : 'A goal of your manager or the organisation.'}
        {...register('parentId')}
      >
        <option value="">Nothing in particular</option>
        {parents.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title} ({p.ownerName})
          </option>
        ))}
      </SelectField>

      <FormError>{formError}</FormError>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-block" disabled={isSubmitting}>
          {submitLabel}
        </button>
        <button type="button" className="btn btn-ghost btn-block" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
