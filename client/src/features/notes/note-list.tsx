import type { Note } from '@merit/shared/domain/note';
import { formatDay } from '@/ui/format';
import { PinIcon } from '@/ui/icons';
import { Link } from '@/ui/router';

/** Notes as tappable rows: pinned mark, title (or the first line), a few lines of body, tags, day. */
export function NoteList({ notes }: { notes: readonly Note[] }) {
  return (
    <ul className="win-list" aria-label="My notes">
      {notes.map((n) => {
        const [first = '', ...rest] = n.body.split('\n');
        const title = n.title || first;
        const body = n.title ? n.body : rest.join('\n').trim();
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
              <span className="win-title">{title}</span>
              {body && <span className="win-desc">{body}</span>}
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
