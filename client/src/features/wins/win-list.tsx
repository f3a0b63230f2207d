import type { Win } from '@merit/shared/domain/win';
import { formatDay } from '@/ui/format';
import { LockIcon } from '@/ui/icons';
import { Link } from '@/ui/router';

/**
 * Wins newest first: day, title, tags; a lock for private ones; a quiet mark until the server has it. The
 * title is the link (its name stays short for screen readers) and stretches over the whole row for a thumb.
 */
export function WinList({ wins, label = 'Wins' }: { wins: readonly Win[]; label?: string }) {
  return (
    <ul className="win-list" aria-label={label}>
      {wins.map((w) => (
        <li key={w.id} className="win-item win-item-link">
          <div className="win-meta">
            <time dateTime={w.date}>{formatDay(w.date)}</time>
            {w.visibility === 'private' ? (
              <span className="win-visibility">
                <LockIcon width={14} height={14} /> Private
              </span>
            ) : (
              <span className="win-visibility">Shared with manager</span>
            )}
            {w.version === 0 && <span className="win-pending">Not synced yet</span>}
          </div>
          <p className="win-title">
            <Link href={`/wins/${w.id}`} className="win-link">
              {w.title}
            </Link>
          </p>
          {w.description && <p className="win-desc">{w.description}</p>}
          {w.tags.length > 0 && (
            <ul className="tag-list" aria-label="Tags">
              {w.tags.map((t) => (
                <li key={t} className="tag">
                  #{t}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
