import type { Notification } from '@merit/shared/domain/notification';
import { useNotifications } from '@/db/hooks';
import { useMutate } from '@/sync/mutate';
import { formatAgo, localizeDays } from '@/ui/format';
import { Link } from '@/ui/router';

/** Home's cards for hand-offs waiting on this person (a review signed off, a self-review in, a reopen), newest first. */
export function HomeCards({ max = 3 }: { max?: number }) {
  const mutate = useMutate();
  const items = useNotifications()?.filter((n) => !n.read && n.kind !== 'reminder') ?? [];
  if (items.length === 0) return null;
  const read = (n: Notification) => void mutate('notification.read@1', { id: n.id }).catch(() => undefined);
  return (
    <section aria-label="For you" className="home-cards">
      {items.slice(0, max).map((n) => (
        <article key={n.id} className="card home-card" data-testid="home-card">
          <p className="person-name">{localizeDays(n.title)}</p>
          {n.body && <p>{localizeDays(n.body)}</p>}
          <p className="muted">{formatAgo(n.createdAt)}</p>
          <div className="card-actions">
            {n.link && (
              <Link className="btn btn-primary btn-small" href={n.link} onClick={() => read(n)}>
                Open<span className="visually-hidden">: {n.title}</span>
              </Link>
            )}
            <button type="button" className="btn btn-ghost btn-small" onClick={() => read(n)}>
              Dismiss<span className="visually-hidden">: {n.title}</span>
            </button>
          </div>
        </article>
      ))}
      {items.length > max && (
        <Link className="text-link" href="/notifications">
          {items.length - max} more in notifications
        </Link>
      )}
    </section>
  );
}
