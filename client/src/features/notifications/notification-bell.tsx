import { useNotifications } from '@/db/hooks';
import { BadgeLink } from '@/ui/badge-link';
import { BellIcon } from '@/ui/icons';

/** The bell in the top bar: unread count as a badge; opens the list. Reads Dexie, so it works offline. */
export function NotificationBell() {
  const unread = useNotifications()?.filter((n) => !n.read).length ?? 0;
  return <BadgeLink href="/notifications" label="Notifications" count={unread} countWords="unread" Icon={BellIcon} />;
}
