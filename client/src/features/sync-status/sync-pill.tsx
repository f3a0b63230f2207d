import { useSyncStatus } from '@/sync/engine';
import { useNow } from '@/ui/use-online';
import { SyncPillView } from './sync-pill-view';

export function SyncPill() {
  const s = useSyncStatus();
  const now = useNow();
  return <SyncPillView state={s} now={Math.max(now, s.lastSyncedAt ?? 0)} onRetry={s.retry} />;
}
