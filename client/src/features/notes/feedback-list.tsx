import type { Feedback } from '@merit/shared/domain/feedback';
import { formatDay } from '@/ui/format';
import { LockIcon } from '@/ui/icons';
import { Link } from '@/ui/router';

/** Feedback newest first: who, when, the words, and whether the manager can see it. Rows link to the editor when `editable`. */
export function FeedbackList({
  items,
  editable = true,
  label = 'Feedback received',
}: {
  items: readonly Feedback[];
  editable?: boolean;
  label?: string;
}) {
  return (
    <ul className="win-list" aria-label={label}>
      {items.map((f) => {
        const content = (
          <>
            <span className="win-meta">
              <time dateTime={f.date}>{formatDay(f.date)}</time>
              {f.visibility === 'private' ? (
                <span className="win-visibility">
                  <LockIcon width={14} height={14} /> Private
                </span>
              ) : (
                <span className="win-visibility">Shared with manager</span>
              )}
              {f.version === 0 && <span className="win-pending">Not synced yet</span>}
            </span>
            <span className="win-title">From {f.fromName}</span>
            <span className="win-desc feedback-words">{f.body}</span>
          </>
        );
        return (
          <li key={f.id} className="win-item note-item">
            {editable ? (
              <Link href={`/notes/feedback/${f.id}`} className="note-link">
                {content}
              </Link>
            ) : (
              <div className="note-link">{content}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
