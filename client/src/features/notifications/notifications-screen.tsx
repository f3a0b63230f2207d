import type { Notification } from '@merit/shared/domain/notification';
import { useState } from 'react';
import { useNotifications } from '@/db/hooks';
import { describeError } from '@/lib/errors';
import { useMutate } from '@/sync/mutate';
import { formatAgo, localizeDays } from '@/ui/format';
import { CheckIcon } from '@/ui/icons';
import { Link } from '@/ui/router';
import { EmptyState, Screen, Spinner } from '@/ui/screen';

function Item({ n }: { n: Notification }) {
  const mutate = useMutate();
  const [error, setError] = useState<string>();
  const markRead = async () => {
    if (n.read) return;
    const r = await mutate('notification.read@1', { id: n.id }).catch((e: unknown) => ({ ok: false as const, error: e }));
    if (!r.ok) setError(describeError(r.error));
  };
  return (
    <li className={`card notification${n.read ? ' notification-read' : ''}`}>
      <div className="person-head">
        <p className="person-name">{localizeDays(n.title)}</p>
        {!n.read && <span className="badge badge-warn">New</span>}
      </div>
      {n.body && <p>{localizeDays(n.body)}</p>}
      <p className="muted">{formatAgo(n.createdAt)}</p>
      <div className="card-actions">
        {n.link && (
          <Link className="btn btn-secondary btn-small" href={n.link} onClick={() => void markRead()}>
            Open
          </Link>
        )}
        {!n.read && (
          <button type="button" className="btn btn-ghost btn-small" onClick={() => void markRead()}>
            Mark as read<span className="visually-hidden">: {n.title}</span>
          </button>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** Reminders and notices (a reopened review), newest first; marking one read syncs to every device. */
export default function NotificationsScreen() {
  const items = useNotifications();
  return (
    <Screen title="Notifications">
      {items === undefined ? (
        <Spinner />
      ) : items.length === 0 ? (
        <EmptyState title="No notifications" action={<CheckIcon className="empty-icon" width={32} height={32} />}>
          Reminders about reviews and other notices show up here.
        </EmptyState>
      ) : (
        <ul className="card-list">
          {items.map((n) => (
            <Item key={n.id} n={n} />
          ))}
        </ul>
      )}
    </Screen>
  );
}
