import { LIMITS } from '@merit/shared/limits';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormError, TextArea, TextField } from '@/ui/field';
import { useLocalSubmit } from '@/ui/local-submit';
import { defaultWinValues, splitTags, type WinFormOutput, WinFormSchema, type WinFormValues, winFormResolver } from './win-form-schema';

interface Props {
  /** Resolves with nothing when saved, or with words to show when it could not be saved. */
  onSave(win: WinFormOutput): Promise<string | undefined>;
  onCancel(): void;
  /** Tags the person already uses, offered as one-tap chips. */
  suggestions?: readonly string[];
  now?: Date;
  /** The values to start from (editing a win); a new win starts empty, dated today. */
  initial?: WinFormValues;
  submitLabel?: string;
  /** Focus the title on open: yes for a new win, no when opening one to read or edit. */
  focusTitle?: boolean;
}

/** Title first and focused on open: from "Log a win" to typing is one tap. */
export function WinForm({ onSave, onCancel, suggestions = [], now, initial, submitLabel = 'Save win', focusTitle = true }: Props) {
  const [formError, setFormError] = useState<string>();
  const form = useForm<WinFormValues, unknown, WinFormOutput>({
    resolver: winFormResolver,
    defaultValues: initial ?? defaultWinValues(now),
  });
  const {
    register,
    getValues,
    setValue,
    watch,
    formState: { errors, isSubmitting },
  } = form;
  const typed = splitTags(watch('tags'));
  const offered = suggestions.filter((t) => !typed.includes(t)).slice(0, 6);

  const addTag = (tag: string) => {
    const current = getValues('tags').trim().replace(/,\s*$/, '');
    setValue('tags', current ? `${current}, ${tag}` : tag, { shouldDirty: true });
  };

  // Saved first, re-rendered after: nothing renders between the tap and the local commit.
  const submit = useLocalSubmit(form, WinFormSchema, async (win) => {
    const problem = await onSave(win);
    setFormError(problem);
  });

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField
        label="Title"
        placeholder="What went well?"
        autoFocus={focusTitle}
        autoComplete="off"
        enterKeyHint="next"
        maxLength={LIMITS.titleMax}
        error={errors.title?.message}
        {...register('title')}
      />
      <TextField label="Date" type="date" error={errors.date?.message} {...register('date')} />
      <TextArea
        label="Description"
        rows={4}
        placeholder="What you did and why it mattered (optional)"
        maxLength={LIMITS.descriptionMax}
        error={errors.description?.message}
        {...register('description')}
      />
      <TextField
        label="Tags"
        placeholder="launch, mentoring"
        autoComplete="off"
        autoCapitalize="none"
        hint="Separate tags with commas."
        error={errors.tags?.message}
        {...register('tags')}
      />
      {offered.length > 0 && (
        <ul className="chip-row chip-suggest">
          {offered.map((t) => (
            <li key={t}>
              <button type="button" className="chip chip-add" onClick={() => addTag(t)}>
                + {t}
              </button>
            </li>
          ))}
        </ul>
      )}
      <fieldset className="field radio-group">
        <legend className="field-label">Who can see it</legend>
        <label className="radio">
          <input type="radio" value="private" {...register('visibility')} />
          <span>Private</span>
        </label>
        <label className="radio">
          <input type="radio" value="manager" {...register('visibility')} />
          <span>Shared with my manager</span>
        </label>
        <p className="field-hint">Private wins are yours alone until you pick them for a review.</p>
      </fieldset>
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
