import { type ReactNode, useEffect, useRef } from 'react';
import { NotificationBell } from '@/features/notifications/notification-bell';
import { SyncBanners } from '@/features/sync-status/sync-banners';
import { SyncPill } from '@/features/sync-status/sync-pill';
import { MeritMark } from '@/ui/icons';
import { AdminTabs, BottomNav, InboxButton, MeButton } from './bottom-nav';

interface Props {
  path: string;
  title: string;
  orgName: string;
  isHr: boolean;
  isManager?: boolean;
  focused: boolean;
  children: ReactNode;
}

/**
 * Top bar (organisation, sync pill), notices, the screen, bottom navigation. After an in-app navigation
 * the new screen's heading takes focus, so a screen reader announces where the person landed.
 */
export function Layout({ path, title, orgName, isHr, isManager = false, focused, children }: Props) {
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    document.title = `${title} · Merit`;
  }, [title]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation, which `path` stands for.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const active = document.activeElement;
    // A screen that focused a field itself (the win form's title) keeps it.
    if (active && active !== document.body && main.current?.contains(active)) return;
    main.current?.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  }, [path]);

  return (
    <div className={`shell${focused ? ' shell-focused' : ''}`}>
      <header className="top-bar">
        <div className="top-brand">
          <MeritMark width={28} height={28} />
          <span className="top-title">{orgName || 'Merit'}</span>
        </div>
        <div className="top-actions">
          <SyncPill />
          <InboxButton />
          <NotificationBell />
          <MeButton path={path} />
        </div>
      </header>
      <SyncBanners signingIn={path === '/sign-in'} />
      <main className="main" ref={main}>
        {isHr && !focused && <AdminTabs path={path} />}
        {children}
      </main>
      {!focused && <BottomNav path={path} isHr={isHr} isManager={isManager} />}
    </div>
  );
}
