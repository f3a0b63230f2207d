import type { SyncPhase } from '@/sync/engine';
import { formatAgo } from '@/ui/format';

export interface PillState {
  phase: SyncPhase;
  pending: number;
  lastSyncedAt: number | null;
  initialSync: { done: number } | null;
}

/** The words of the pill for a status: short enough for a phone's top bar, always saying what waits. */
export function pillText(s: PillState, now: number): string {
  const waiting = s.pending > 0 ? `${s.pending} waiting` : '';
  switch (s.phase) {
    case 'syncing':
      if (s.initialSync) return `Loading your data${s.initialSync.done > 0 ? ` · ${s.initialSync.done}` : ''}`;
      return s.pending > 0 ? `Syncing · ${waiting}` : 'Syncing';
    case 'offline':
      return waiting ? `Offline · ${waiting}` : 'Offline';
    case 'error':
      return 'Sync error';
    case 'signed-out':
      return waiting ? `Signed out · ${waiting}` : 'Signed out';
    case 'update-required':
      return 'Update needed';
    default:
      if (waiting) return waiting;
      if (s.lastSyncedAt === null) return 'Not synced yet';
      return now - s.lastSyncedAt < 60_000 ? 'Synced' : `Synced ${formatAgo(s.lastSyncedAt, now)}`;
  }
}

const TONE: Record<SyncPhase, string> = {
  idle: 'ok',
  syncing: 'busy',
  offline: 'muted',
  error: 'bad',
  'signed-out': 'warn',
  'update-required': 'warn',
};

/** `role="status"` so changes are announced politely; on error the pill holds a Retry button. */
export function SyncPillView({ state, now, onRetry }: { state: PillState; now: number; onRetry(): void }) {
  const text = pillText(state, now);
  const tone = state.phase === 'idle' && state.pending > 0 ? 'busy' : TONE[state.phase];
  return (
    <div role="status" className={`pill pill-${tone}`} data-testid="sync-status" data-phase={state.phase} data-pending={state.pending}>
      <span className="pill-dot" aria-hidden="true" />
      {state.phase === 'error' ? (
        <button type="button" className="pill-btn" onClick={onRetry}>
          {text} · <span className="pill-retry">Retry</span>
        </button>
      ) : (
        <span>{text}</span>
      )}
    </div>
  );
}
