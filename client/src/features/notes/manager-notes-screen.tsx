import { today } from '@merit/shared/domain/common';
import type { ManagerNote } from '@merit/shared/domain/manager-note';
import { uuidv7 } from '@merit/shared/ids';
import { LIMITS } from '@merit/shared/limits';
import { type FormEvent, useState } from 'react';
import { useManagerNotes, useSharedFeedbackOf } from '@/db/notes-hooks';
import { describeError } from '@/lib/errors';
import { useMutate } from '@/sync/mutate';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { formatDay } from '@/ui/format';
import { LockIcon } from '@/ui/icons';
import { Link } from '@/ui/router';
import { EmptyState, Screen, Spinner } from '@/ui/screen';
import { useToast } from '@/ui/toast';
import { FeedbackList } from './feedback-list';

const tooLong = (s: string) => s.trim().length > LIMITS.descriptionMax;

/** A textarea with Save (and Cancel when editing): the one editor of a manager's note. */
function NoteBox({
  id,
  label,
  initial,
  onSave,
  onCancel,
}: {
  id: string;
  label: string;
  initial: string;
  onSave(body: string): Promise<string | undefined>;
  onCancel?(): void;
}) {
  const [body, setBody] = useState(initial);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return setError('Write something first');
    if (tooLong(body)) return setError(`Note must be at most ${LIMITS.descriptionMax} characters`);
    setBusy(true);
    const problem = await onSave(body.trim());
    setBusy(false);
    setError(problem);
    if (!problem && !onCancel) setBody('');
  };
  return (
    <form className="quick-note" onSubmit={submit} noValidate>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <textarea
        id={id}
        className="input textarea"
        rows={3}
        value={body}
        maxLength={LIMITS.descriptionMax}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setBody(e.target.value)}
      />
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <div className="quick-note-actions">
        {onCancel && (
          <button type="button" className="btn btn-ghost" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Save note
        </button>
      </div>
    </form>
  );
}

function ManagerNoteItem({ note }: { note: ManagerNote }) {
  const mutate = useMutate();
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<string>();
  const save = async (body: string) => {
    const r = await mutate('managerNote.update@1', { id: note.id, patch: { body }, base: { body: note.body } }).catch((e: unknown) => ({
      ok: false as const,
      error: e,
    }));
    if (!r.ok) return describeError(r.error);
    setEditing(false);
    return undefined;
  };
  const remove = async () => {
    const r = await mutate('managerNote.delete@1', { id: note.id }).catch((e: unknown) => ({ ok: false as const, error: e }));
    setConfirm(false);
    if (!r.ok) setError(describeError(r.error));
  };
  return (
    <li className="win-item">
      <div className="win-meta">
        <time dateTime={note.date}>{formatDay(note.date)}</time>
        {note.version === 0 && <span className="win-pending">Not synced yet</span>}
      </div>
      {editing ? (
        <NoteBox id={`edit-${note.id}`} label="Edit note" initial={note.body} onSave={save} onCancel={() => setEditing(false)} />
      ) : (
        <>
          <p className="note-body">{note.body}</p>
          <div className="card-actions">
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setEditing(true)}>
              Edit
            </button>
            <button type="button" className="btn btn-ghost btn-small" onClick={() => setConfirm(true)}>
              Delete
            </button>
          </div>
        </>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {confirm && (
        <ConfirmDialog title="Delete this note?" confirmLabel="Delete" danger onConfirm={remove} onCancel={() => setConfirm(false)}>
          It disappears from all your devices.
        </ConfirmDialog>
      )}
    </li>
  );
}

/**
 * A manager's page of private notes about one report (`/team/<personId>/notes`), with the feedback that report
 * chose to share. The notes live in the manager's own space: the report, HR and any later manager never see them.
 */
export default function ManagerNotesScreen({ personId, now }: { personId: string; now?: Date }) {
  const mutate = useMutate();
  const toast = useToast();
  const notes = useManagerNotes(personId);
  const shared = useSharedFeedbackOf(personId);
  const add = async (body: string) => {
    const r = await mutate('managerNote.create@1', { id: uuidv7(), subjectId: personId, body, date: today(now) }).catch((e: unknown) => ({
      ok: false as const,
      error: e,
    }));
    if (!r.ok) return describeError(r.error);
    toast('Note saved');
    return undefined;
  };
  return (
    <Screen
      title="My notes about this report"
      lead={
        <>
          <LockIcon width={14} height={14} /> Only you can read these: not them, not HR.
        </>
      }
    >
      <div className="card">
        <NoteBox id="manager-note-new" label="New note" initial="" onSave={add} />
      </div>
      <h2 className="section-title">Notes</h2>
      {notes === undefined ? (
        <Spinner label="Loading notes" />
      ) : notes.length === 0 ? (
        <EmptyState title="No notes yet">Jot down what you want to remember for their next one-on-one or review.</EmptyState>
      ) : (
        <ul className="win-list" aria-label="My notes about this report">
          {notes.map((n) => (
            <ManagerNoteItem key={n.id} note={n} />
          ))}
        </ul>
      )}
      <h2 className="section-title">Feedback they shared with you</h2>
      {shared === undefined ? (
        <Spinner label="Loading feedback" />
      ) : shared.length === 0 ? (
        <p className="field-hint">Nothing shared yet. Feedback they received stays private unless they share it.</p>
      ) : (
        <FeedbackList items={shared} editable={false} label="Feedback they shared with you" />
      )}
      <p className="page-foot">
        <Link href={`/team/${encodeURIComponent(personId)}`} className="text-link">
          Their goals, wins and reviews
        </Link>
      </p>
    </Screen>
  );
}
