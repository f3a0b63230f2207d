import { useSyncStatus } from '@/sync/engine';
import { CloudOffIcon } from '@/ui/icons';
import { Link } from '@/ui/router';
import { useOnline } from '@/ui/use-online';

/**
 * Non-blocking notices above the screen: no network, a session that ended (the outbox is kept and
 * signing in again as the same person picks it up; hidden while that sign-in screen is open), a server
 * that needs a newer app.
 */
export function SyncBanners({ signingIn = false }: { signingIn?: boolean }) {
  const online = useOnline();
  const s = useSyncStatus();
  return (
    <>
      {!online && (
        <div className="banner banner-muted" role="status">
          <CloudOffIcon width={18} height={18} />
          <span>You are offline. Everything you do is saved on this phone and syncs when you are back.</span>
        </div>
      )}
      {s.phase === 'signed-out' && !signingIn && (
        <div className="banner banner-warn" role="alert">
          <span>
            Your session has ended. Sign in to sync —{' '}
            {s.pending === 1
              ? 'your 1 unsynced change is kept.'
              : s.pending > 1
                ? `your ${s.pending} unsynced changes are kept.`
                : 'nothing is lost.'}
          </span>
          <Link href="/sign-in" className="btn btn-small btn-secondary">
            Sign in
          </Link>
        </div>
      )}
      {s.phase === 'update-required' && (
        <div className="banner banner-warn" role="alert">
          <span>This version of Merit is out of date. Reload to update; your unsynced changes are kept.</span>
          <button type="button" className="btn btn-small btn-secondary" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      )}
    </>
  );
}
