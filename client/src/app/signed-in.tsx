import { useEffect, useState } from 'react';
import { openPersonDb } from '@/db/db';
import { DbProvider } from '@/db/hooks';
import type { Me } from '@/lib/me';
import { trpcTransport } from '@/lib/trpc';
import { SyncEngine } from '@/sync/engine';
import { Layout } from './layout';
import { askPersistOnce } from './me-cache';
import { findRoute, RouteView } from './routes';
import { LogWinScreen, preloadOfflineScreens } from './screens';
// Styles only the signed-in screens use: they arrive with this chunk, so the sign-in page does not wait for them.
import '@/ui/styles/goals.css';
import '@/ui/styles/cycles.css';
import '@/ui/styles/wins.css';
import '@/ui/styles/notes.css';
import '@/ui/styles/reviews.css';

interface Props {
  me: Me;
  path: string;
  onSignedIn(me: Me): void;
  onSignedOut(warning?: string): void;
}

/**
 * The signed-in app: this person's own database (one per person on a shared device), their sync engine,
 * and the screens. Mounted per person, so switching people never mixes their data.
 */
export function SignedIn({ me, path, onSignedIn, onSignedOut }: Props) {
  const [ctx] = useState(() => {
    const db = openPersonDb(me.id);
    const actor = { personId: me.id, role: me.role };
    return { db, actor, engine: new SyncEngine({ db, actor, transport: trpcTransport }) };
  });

  useEffect(() => {
    ctx.engine.start();
    // The strict connection mutate() writes through, opened now rather than inside the first save (~100 ms
    // at 4x CPU). A failure here is not lost: that save opens it again and reports what went wrong.
    ctx.db.durable.open().catch(() => {});
    askPersistOnce();
    // Loaded ahead so "Log a win" opens inside the tap, with the keyboard up.
    void LogWinScreen.preload().catch(() => {});
    // Then every other screen, once the page is idle: the first visit leaves the app usable offline (S52).
    // Without requestIdleCallback (Safari), a few seconds' wait keeps the first screen's own loads ahead of it.
    const idle = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 2500));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(() => void preloadOfflineScreens(me.role), { timeout: 3000 });
    return () => {
      cancel(handle);
      ctx.engine.stop();
    };
  }, [ctx, me.role]);

  // Signing in again after the session ended (same person, same database and outbox): sync at once.
  const reSignedIn = (next: Me) => {
    onSignedIn(next);
    if (next.id === me.id) ctx.engine.retry();
  };

  const route = findRoute(path, me.role);
  return (
    <DbProvider db={ctx.db} actor={ctx.actor} engine={ctx.engine}>
      <Layout
        path={path}
        title={route?.title ?? 'Not found'}
        orgName={me.orgName}
        isHr={me.role === 'hr'}
        isManager={me.isManager}
        focused={route?.focused ?? false}
      >
        <RouteView path={path} me={me} onSignedIn={reSignedIn} onSignedOut={onSignedOut} />
      </Layout>
    </DbProvider>
  );
}
