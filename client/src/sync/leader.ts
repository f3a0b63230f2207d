import type { SyncStatus } from './status';

type Message = { type: 'sync' } | { type: 'status'; status: SyncStatus };

export interface LeaderHandlers {
  /** This tab became the one that syncs (at once when Web Locks are missing). */
  onLead(): void;
  /** Another tab asked the leader to sync. */
  onRequest(): void;
  /** The leader's status, for the tabs that only watch. */
  onStatus(status: SyncStatus): void;
}

export interface Leadership {
  isLeader(): boolean;
  /** Asks the leading tab to sync (for a follower). */
  forward(): void;
  publish(status: SyncStatus): void;
  stop(): void;
}

/**
 * One tab per person leads sync (docs/SYNC.md S10; DESIGN.md section 3): it holds a Web Lock for as long as it runs, and the next tab
 * takes over when it closes. Followers forward sync requests over a BroadcastChannel; Dexie's live queries
 * bring them the results. Without Web Locks (tests, old browsers) every engine leads.
 */
export function electLeader(name: string, handlers: LeaderHandlers): Leadership {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(name) : null;
  const abort = new AbortController();
  let leader = false;
  let release = () => {};
  const becomeLeader = () => {
    leader = true;
    handlers.onLead();
  };

  if (channel) {
    channel.onmessage = (ev: MessageEvent<Message>) => {
      if (ev.data.type === 'sync' && leader) handlers.onRequest();
      if (ev.data.type === 'status' && !leader) handlers.onStatus(ev.data.status);
    };
  }
  if (locks) {
    locks
      .request(name, { signal: abort.signal }, () => {
        becomeLeader();
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      })
      // Aborted while waiting (the tab stopped before it led): nothing to release.
      .catch(() => {});
  } else queueMicrotask(() => abort.signal.aborted || becomeLeader());

  return {
    isLeader: () => leader,
    forward: () => channel?.postMessage({ type: 'sync' } satisfies Message),
    publish: (status) => channel?.postMessage({ type: 'status', status } satisfies Message),
    stop: () => {
      leader = false;
      abort.abort();
      release();
      channel?.close();
    },
  };
}
