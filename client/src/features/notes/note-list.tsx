import type { Note } from '@merit/shared/domain/note';
import { formatDay } from '@/ui/format';
import { PinIcon } from '@/ui/icons';
import { Link } from '@/ui/router';

/** Notes as tappable rows: day, pinned mark, the title when there is one, a few lines of the body, tags. */
export function NoteList({ notes }: { notes: readonly Note[] }) {
  return (
    <ul className="win-list" aria-label="My notes">
      {notes.map((n) => {
        return (
          <li key={n.id} className="win-item note-item">
            <Link href={`/notes/${n.id}`} className="note-link">
              <span className="win-meta">
                <time dateTime={n.date}>{formatDay(n.date)}</time>
                {n.pinned && (
                  <span className="win-visibility">
                    <PinIcon width={14} height={14} /> Pinned
                  </span>
                )}
                {n.version === 0 && <span className="win-pending">Not synced yet</span>}
              </span>
              {n.title ? (
                <>
                  <span className="win-title">{n.title}</span>
                  <span className="win-desc">{n.body}</span>
                </>
              ) : (
                <span className="note-text">{n.body}</span>
              )}
            </Link>
            {n.tags.length > 0 && (
              <ul className="tag-list" aria-label="Tags">
                {n.tags.map((t) => (
                  <li key={t} className="tag">
                    #{t}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
