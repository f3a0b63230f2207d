import type { Win } from '@merit/shared/domain/win';
import { type ReactNode, useState } from 'react';
import { useDb, useWin, useWinTags } from '@/db/hooks';
import { describeError } from '@/lib/errors';
import { useMutate } from '@/sync/mutate';
import { formatAgo, formatDay } from '@/ui/format';
import { CloseIcon, LockIcon } from '@/ui/icons';
import { goBack, Link } from '@/ui/router';
import { EmptyState, Spinner } from '@/ui/screen';
import { useToast } from '@/ui/toast';
import { formValuesOf, restoreArgs, winEdit } from './win-edit';
import { WinForm } from './win-form';
import type { WinFormOutput } from './win-form-schema';

function Sheet({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="sheet" aria-labelledby="win-detail-title">
      <header className="sheet-head">
        <h1 id="win-detail-title" className="sheet-title" tabIndex={-1}>
          {title}
        </h1>
        <button type="button" className="icon-btn" onClick={() => goBack('/wins')} aria-label="Close">
          <CloseIcon />
        </button>
      </header>
      {children}
    </section>
  );
}

/** A report's shared win, as their manager sees it: to read, not to change. */
function ReadOnlyWin({ win }: { win: Win }) {
  return (
    <div className="win-detail">
      <p className="win-meta">
        <time dateTime={win.date}>{formatDay(win.date)}</time>
        <span>Shared with you</span>
      </p>
      <p className="win-detail-title">{win.title}</p>
      {win.description && <p className="win-detail-desc">{win.description}</p>}
      {win.tags.length > 0 && (
        <ul className="tag-list" aria-label="Tags">
          {win.tags.map((t) => (
            <li key={t} className="tag">
              #{t}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Edit a win in place; delete it with an "Undo" that brings it back (S18). Works offline: all through mutate. */
function EditWin({ win, onDeleting }: { win: Win; onDeleting(gone: boolean): void }) {
  const mutate = useMutate();
  const toast = useToast();
  const tags = useWinTags();
  // The win as the form opened: the patch and the description's merge base are measured against it.
  const [opened] = useState(win);
  const [deleteError, setDeleteError] = useState<string>();

  const save = async (values: WinFormOutput): Promise<string | undefined> => {
    const edit = winEdit(opened, values);
    if (edit) {
      try {
        const r = await mutate('win.update@1', edit);
        if (!r.ok) return describeError(r.error);
      } catch (e) {
        return describeError(e);
      }
    }
    goBack('/wins');
    toast(edit ? 'Changes saved' : 'Nothing changed');
    return undefined;
  };

  const remove = async () => {
    setDeleteError(undefined);
    const undo = restoreArgs(win);
    // Leaving: the screen must not flash "not here" between the delete and the way back.
    onDeleting(true);
    try {
      const r = await mutate('win.delete@1', { id: win.id });
      if (!r.ok) {
        onDeleting(false);
        return setDeleteError(describeError(r.error));
      }
    } catch (e) {
      onDeleting(false);
      return setDeleteError(describeError(e));
    }
    goBack('/wins');
    toast('Win deleted', {
      label: 'Undo',
      run: () => {
        mutate('win.restore@1', undo).then(
          (r) => toast(r.ok ? 'Win restored' : describeError(r.error)),
          (e: unknown) => toast(describeError(e)),
        );
      },
    });
  };

  return (
    <>
      <p className="win-meta win-detail-meta">
        <span>Logged {formatAgo(win.createdAt)}</span>
        {win.visibility === 'private' ? (
          <span className="win-visibility">
            <LockIcon width={14} height={14} /> Private
          </span>
        ) : (
          <span className="win-visibility">Shared with manager</span>
        )}
        {win.version === 0 && <span className="win-pending">Not synced yet</span>}
      </p>
      <WinForm
        initial={formValuesOf(opened)}
        onSave={save}
        onCancel={() => goBack('/wins')}
        suggestions={tags}
        submitLabel="Save changes"
        focusTitle={false}
      />
      <div className="danger-zone">
        <button type="button" className="btn btn-danger-outline btn-block" onClick={remove}>
          Delete win
        </button>
        {deleteError && (
          <p className="form-error" role="alert">
            {deleteError}
          </p>
        )}
      </div>
    </>
  );
}

/** `/wins/<id>`: the win to edit (its author) or to read (a manager it was shared with). */
export function WinDetailScreen({ id }: { id: string }) {
  const live = useWin(id);
  const { actor } = useDb();
  const [deleting, setDeleting] = useState(false);
  // The win as last seen here: if another device deletes it mid-edit, the form and the person's words stay.
  const [seen, setSeen] = useState<Win | null>(null);
  if (live && live !== seen) setSeen(live);
  const win = live ?? (live === null && !deleting ? seen : null);
  if (live === undefined || (live === null && deleting))
    return (
      <Sheet title="Win">
        <Spinner label="Loading the win" />
      </Sheet>
    );
  if (win === null)
    return (
      <Sheet title="Win">
        <EmptyState
          title="This win is not here"
          action={
            <Link href="/wins" className="btn btn-primary">
              See all wins
            </Link>
          }
        >
          It may have been deleted, on this device or another.
        </EmptyState>
      </Sheet>
    );
  if (win.ownerId !== actor.personId)
    return (
      <Sheet title="Win">
        <ReadOnlyWin win={win} />
      </Sheet>
    );
  return (
    <Sheet title="Edit win">
      {live === null && (
        <p className="notice" role="alert">
          This win was just deleted on another device, so these changes cannot be saved. Copy anything you want to keep.
        </p>
      )}
      <EditWin key={win.id} win={win} onDeleting={setDeleting} />
    </Sheet>
  );
}
