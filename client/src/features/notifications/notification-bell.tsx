import { useNotifications } from '@/db/hooks';
import { BellIcon } from '@/ui/icons';
import { Link } from '@/ui/router';

/** The bell in the top bar: unread count as a badge; opens the list. Reads Dexie, so it works offline. */
export function NotificationBell() {
  const unread = useNotifications()?.filter((n) => !n.read).length ?? 0;
  return (
    <Link href="/notifications" className="icon-btn bell" aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}>
      <BellIcon />
      {unread > 0 && (
        <span className="nav-badge bell-badge" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
