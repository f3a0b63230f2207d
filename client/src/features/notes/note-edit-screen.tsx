import type { Note } from '@merit/shared/domain/note';
import { LIMITS } from '@merit/shared/limits';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNote } from '@/db/notes-hooks';
import { describeError } from '@/lib/errors';
import { useMutate } from '@/sync/mutate';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { FormError, TextArea, TextField } from '@/ui/field';
import { CloseIcon } from '@/ui/icons';
import { goBack } from '@/ui/router';
import { EmptyState, Spinner } from '@/ui/screen';
import { useToast } from '@/ui/toast';
import { type NoteFormOutput, type NoteFormValues, noteFormResolver, noteFormValues, notePatch } from './note-form-schema';

function NoteEditor({ note }: { note: Note }) {
  const mutate = useMutate();
  const toast = useToast();
  // The note as it was when the editor opened: the base of the body edit, even if a sync changes it meanwhile.
  const [opened] = useState(note);
  const [formError, setFormError] = useState<string>();
  const [confirm, setConfirm] = useState(false);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<NoteFormValues, unknown, NoteFormOutput>({ resolver: noteFormResolver, defaultValues: noteFormValues(opened) });

  const submit = handleSubmit(async (values) => {
    setFormError(undefined);
    const args = notePatch(opened, values);
    if (Object.keys(args.patch).length === 0) return goBack('/notes');
    try {
      const r = await mutate('note.update@1', args);
      if (!r.ok) return setFormError(describeError(r.error));
    } catch (e) {
      return setFormError(describeError(e));
    }
    goBack('/notes');
    toast('Note saved');
  });

  const remove = async () => {
    const r = await mutate('note.delete@1', { id: opened.id }).catch((e: unknown) => ({ ok: false as const, error: e }));
    if (!r.ok) {
      setConfirm(false);
      return setFormError(describeError(r.error));
    }
    goBack('/notes');
    toast('Note deleted');
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField
        label="Title"
        placeholder="Optional"
        autoComplete="off"
        maxLength={LIMITS.titleMax}
        error={errors.title?.message}
        {...register('title')}
      />
      <TextArea label="Note" rows={8} maxLength={LIMITS.descriptionMax} error={errors.body?.message} {...register('body')} />
      <TextField
        label="Tags"
        placeholder="career, one-on-one"
        autoComplete="off"
        autoCapitalize="none"
        hint="Separate tags with commas."
        error={errors.tags?.message}
        {...register('tags')}
      />
      <TextField label="Date" type="date" error={errors.date?.message} {...register('date')} />
      <label className="radio check">
        <input type="checkbox" {...register('pinned')} />
        <span>Pin to the top</span>
      </label>
      <FormError>{formError}</FormError>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-block" disabled={isSubmitting}>
          Save note
        </button>
        <button type="button" className="btn btn-danger-outline btn-block" onClick={() => setConfirm(true)}>
          Delete note
        </button>
      </div>
      {confirm && (
        <ConfirmDialog title="Delete this note?" confirmLabel="Delete" danger onConfirm={remove} onCancel={() => setConfirm(false)}>
          It disappears from all your devices.
        </ConfirmDialog>
      )}
    </form>
  );
}

/** One private note, to read and change; it opens over the list like "Log a win". */
export default function NoteEditScreen({ id }: { id: string }) {
  const note = useNote(id);
  return (
    <section className="sheet" aria-labelledby="note-edit-title">
      <header className="sheet-head">
        <h1 id="note-edit-title" className="sheet-title" tabIndex={-1}>
          Edit note
        </h1>
        <button type="button" className="icon-btn" onClick={() => goBack('/notes')} aria-label="Close">
          <CloseIcon />
        </button>
      </header>
      {note === undefined ? (
        <Spinner label="Loading note" />
      ) : note === null ? (
        <EmptyState title="This note is gone">It was deleted, maybe on another device.</EmptyState>
      ) : (
        <NoteEditor note={note} />
      )}
    </section>
  );
}
