import { useSyncExternalStore } from 'react';
import { useDb, usePendingCount } from '@/db/hooks';
import type { SyncStatus } from './status';

/** The engine's status for the UI, with the number of unsynced changes (the badge) and a retry action. */
export function useSyncStatus(): SyncStatus & { pending: number; retry(): void } {
  const { engine } = useDb();
  const status = useSyncExternalStore(engine.subscribe, engine.getStatus);
  const pending = usePendingCount();
  return { ...status, pending, retry: engine.retry };
}
