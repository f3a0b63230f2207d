import type { Feedback } from '@merit/shared/domain/feedback';
import { uuidv7 } from '@merit/shared/ids';
import { LIMITS } from '@merit/shared/limits';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useFeedbackItem, useKnownPeople } from '@/db/notes-hooks';
import { describeError } from '@/lib/errors';
import { useMutate } from '@/sync/mutate';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { FormError, TextArea, TextField } from '@/ui/field';
import { CloseIcon } from '@/ui/icons';
import { goBack } from '@/ui/router';
import { EmptyState, Spinner } from '@/ui/screen';
import { useToast } from '@/ui/toast';
import {
  type FeedbackFormOutput,
  type FeedbackFormValues,
  feedbackFormResolver,
  feedbackFormValues,
  feedbackPatch,
  resolveFrom,
} from './feedback-form-schema';

export function FeedbackForm({ item, now }: { item: Feedback | null; now?: Date }) {
  const mutate = useMutate();
  const toast = useToast();
  const known = useKnownPeople();
  const [opened] = useState(item);
  const [formError, setFormError] = useState<string>();
  const [confirm, setConfirm] = useState(false);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<FeedbackFormValues, unknown, FeedbackFormOutput>({
    resolver: feedbackFormResolver,
    defaultValues: feedbackFormValues(opened, now),
  });

  const submit = handleSubmit(async (v) => {
    setFormError(undefined);
    const fromId = resolveFrom(v.fromName, known);
    try {
      let r: { ok: true } | { ok: false; error: unknown };
      if (opened) {
        const args = feedbackPatch(opened, v, fromId);
        if (Object.keys(args.patch).length === 0) return goBack('/notes/feedback');
        r = await mutate('feedback.update@1', args);
      } else r = await mutate('feedback.create@1', { id: uuidv7(), ...v, fromId });
      if (!r.ok) return setFormError(describeError(r.error));
    } catch (e) {
      return setFormError(describeError(e));
    }
    goBack('/notes/feedback');
    toast(v.visibility === 'manager' ? 'Feedback saved and shared with your manager' : 'Feedback saved');
  });

  const remove = async () => {
    if (!opened) return;
    const r = await mutate('feedback.delete@1', { id: opened.id }).catch((e: unknown) => ({ ok: false as const, error: e }));
    if (!r.ok) {
      setConfirm(false);
      return setFormError(describeError(r.error));
    }
    goBack('/notes/feedback');
    toast('Feedback deleted');
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField
        label="From"
        placeholder="Who gave it"
        autoComplete="off"
        autoFocus={!opened}
        list="known-people"
        maxLength={LIMITS.nameMax}
        hint="A colleague, a customer, anyone."
        error={errors.fromName?.message}
        {...register('fromName')}
      />
      <datalist id="known-people">
        {known.map((p) => (
          <option key={p.id} value={p.name} />
        ))}
      </datalist>
      <TextField label="Date" type="date" error={errors.date?.message} {...register('date')} />
      <TextArea
        label="What they said"
        rows={6}
        placeholder="Their words, as close as you remember them"
        maxLength={LIMITS.descriptionMax}
        error={errors.body?.message}
        {...register('body')}
      />
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
        <p className="field-hint">Your manager sees shared feedback on your page; you can make it private again any time.</p>
      </fieldset>
      <FormError>{formError}</FormError>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-block" disabled={isSubmitting}>
          Save feedback
        </button>
        {opened ? (
          <button type="button" className="btn btn-danger-outline btn-block" onClick={() => setConfirm(true)}>
            Delete feedback
          </button>
        ) : (
          <button type="button" className="btn btn-ghost btn-block" onClick={() => goBack('/notes/feedback')}>
            Cancel
          </button>
        )}
      </div>
      {confirm && (
        <ConfirmDialog title="Delete this feedback?" confirmLabel="Delete" danger onConfirm={remove} onCancel={() => setConfirm(false)}>
          It disappears from all your devices{item?.visibility === 'manager' ? ' and from your manager’s view' : ''}.
        </ConfirmDialog>
      )}
    </form>
  );
}

function EditFeedback({ id }: { id: string }) {
  const item = useFeedbackItem(id);
  if (item === undefined) return <Spinner label="Loading feedback" />;
  if (item === null) return <EmptyState title="This feedback is gone">It was deleted, maybe on another device.</EmptyState>;
  return <FeedbackForm item={item} />;
}

/** Add (`id` undefined) or edit one piece of feedback received, as a sheet. */
export default function FeedbackScreen({ id }: { id?: string }) {
  return (
    <section className="sheet" aria-labelledby="feedback-title">
      <header className="sheet-head">
        <h1 id="feedback-title" className="sheet-title" tabIndex={-1}>
          {id ? 'Edit feedback' : 'Feedback received'}
        </h1>
        <button type="button" className="icon-btn" onClick={() => goBack('/notes/feedback')} aria-label="Close">
          <CloseIcon />
        </button>
      </header>
      {id ? <EditFeedback id={id} /> : <FeedbackForm item={null} />}
    </section>
  );
}
