import type { Actor } from '@merit/shared/domain/person';
import { LIMITS } from '@merit/shared/limits';
import { PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import type { MeritDb } from '@/db/db';
import { ensureDeviceId, getMeta } from '@/db/meta';
import { isQuotaError } from '@/lib/errors';
import { electLeader, type Leadership } from './leader';
import { pullAll } from './pull';
import { pushOutbox } from './push';
import { SET_ASIDE_AFTER, setAside } from './set-aside';
import { backoffDelay, classifyFailure, INITIAL_STATUS, type SyncStatus } from './status';
import type { SyncTransport } from './transport';

export type { SyncPhase, SyncStatus } from './status';
export type { SyncTransport } from './transport';
export { useSyncStatus } from './use-sync-status';

export interface SyncEngineOptions {
  db: MeritDb;
  actor: Actor;
  transport: SyncTransport;
  protocol?: number;
  now?: () => number;
}

const DEBOUNCE_MS = 150;
const POLL_MS = 60_000;

/**
 * Drains the outbox and pulls, for one person on one device. All state lives on the instance (tests run
 * one engine per simulated device). `syncOnce` is the whole protocol; `start` adds the triggers (rule S10).
 */
export class SyncEngine {
  readonly db: MeritDb;
  readonly actor: Actor;
  private readonly transport: SyncTransport;
  private readonly protocol: number;
  private readonly now: () => number;
  private status: SyncStatus = INITIAL_STATUS;
  private readonly listeners = new Set<() => void>();
  /** The last mutation id the server confirmed to this engine; the push resumes after it. */
  private acked = 0;
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private halted = false;
  private leadership: Leadership | null = null;
  private cleanups: (() => void)[] = [];
  /** Ends the live subscription (S10); replaced on every (re)start so there is never more than one. */
  private stopLive: (() => void) | null = null;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Batch size of the next push: narrowed 100 -> 10 -> 1 while pushes fail and the server answers pulls (S41). */
  private pushLimit: number = LIMITS.pushBatchMax;
  /** Failed pushes in a row of the first entry alone, and which entry that is. */
  private strikes = 0;
  private strikeAt = 0;

  constructor(opts: SyncEngineOptions) {
    this.db = opts.db;
    this.actor = opts.actor;
    this.transport = opts.transport;
    this.protocol = opts.protocol ?? PROTOCOL_VERSION;
    this.now = opts.now ?? Date.now;
    void getMeta(this.db, 'lastSyncedAt').then(
      (at) => at != null && this.status.lastSyncedAt === null && this.setStatus({ lastSyncedAt: at }),
      () => {},
    );
  }

  getStatus = (): SyncStatus => this.status;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  /** One round: push the outbox, then pull until up to date (rule S14). Never rejects: the outcome is the status. */
  syncOnce(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.round();
        } while (this.again && this.status.phase === 'idle');
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Debounced: a burst of mutations makes one sync. Followers pass it to the leading tab; ignored until `start()`. */
  requestSync = (): void => {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.drain(), DEBOUNCE_MS);
  };

  /**
   * Tries again now, after a sign-in or an update, or when the person taps "retry". The live subscription
   * is opened again too: the failure that led here (session ended, server restarted) may have ended it,
   * and without it this device would hear of other devices' changes only on the next poll.
   */
  retry = (): void => {
    this.halted = false;
    this.failures = 0;
    clearTimeout(this.retryTimer);
    if (this.leadership?.isLeader()) this.startLive();
    if (this.leadership) this.drain();
    else void this.syncOnce();
  };

  start(): void {
    if (this.leadership) return;
    this.leadership = electLeader(`merit-sync-${this.db.personId}`, {
      onLead: () => {
        this.startLive();
        this.drain();
      },
      onRequest: () => this.drain(),
      onStatus: (s) => this.setStatus(s, false),
    });
    const visible = () => typeof document === 'undefined' || document.visibilityState === 'visible';
    const on = (target: EventTarget, type: string, fn: () => void) => {
      target.addEventListener(type, fn);
      this.cleanups.push(() => target.removeEventListener(type, fn));
    };
    if (typeof window !== 'undefined') {
      on(window, 'online', () => {
        this.failures = 0;
        clearTimeout(this.retryTimer);
        this.drain();
      });
      on(window, 'offline', () => this.setStatus({ phase: 'offline' }));
      on(window, 'focus', () => this.drain());
    }
    if (typeof document !== 'undefined') on(document, 'visibilitychange', () => visible() && this.drain());
    const poll = setInterval(() => visible() && this.drain(), POLL_MS);
    this.cleanups.push(() => clearInterval(poll));
  }

  stop(): void {
    for (const c of this.cleanups.splice(0)) c();
    this.stopLive?.();
    this.stopLive = null;
    clearTimeout(this.debounce);
    clearTimeout(this.retryTimer);
    this.leadership?.stop();
    this.leadership = null;
  }

  private startLive(): void {
    this.stopLive?.();
    this.stopLive = this.transport.live ? this.transport.live(() => this.drain()) : null;
  }

  /** A trigger fired: sync if started, leading, and nothing says retrying is pointless. */
  private drain(): void {
    if (this.halted || !this.leadership) return;
    if (this.leadership.isLeader()) void this.syncOnce();
    else this.leadership.forward();
  }

  private async round(): Promise<void> {
    this.setStatus({ phase: 'syncing', error: null });
    try {
      const deviceId = await ensureDeviceId(this.db);
      const common = { db: this.db, transport: this.transport, deviceId, protocol: this.protocol };
      let pushFailure: { error: unknown } | null = null;
      try {
        this.acked = await pushOutbox(common, this.acked, this.pushLimit);
        this.pushLimit = LIMITS.pushBatchMax;
        this.strikes = 0;
      } catch (e) {
        // Signed out or outdated stops here; any other failure still pulls, which tells whether the server is up.
        if (classifyFailure(e, true).halt || isQuotaError(e)) throw e;
        pushFailure = { error: e };
      }
      let done = 0;
      await pullAll({
        ...common,
        actor: this.actor,
        now: this.now,
        onSnapshotProgress: (n) => {
          done += n;
          this.setStatus({ initialSync: { done } });
        },
      });
      if (pushFailure) {
        await this.strike(deviceId);
        throw pushFailure.error;
      }
      this.failures = 0;
      this.setStatus({ phase: 'idle', error: null, lastSyncedAt: this.now(), initialSync: null });
    } catch (e) {
      const f = classifyFailure(e, typeof navigator === 'undefined' || navigator.onLine);
      this.setStatus({ phase: f.phase, error: f.error, initialSync: null });
      if (f.halt) this.halted = true;
      else this.scheduleRetry();
    }
  }

  /**
   * A push failed while the server answered the pull: the server is up and something in the outbox makes it fail
   * (S41). Narrow the batch to find the entry; once the first entry alone has failed SET_ASIDE_AFTER times in a
   * row, set it aside (kept, in the inbox as "could not be sent") so the queue behind it moves.
   */
  private async strike(deviceId: string): Promise<void> {
    const first = await this.db.outbox.orderBy('mutationId').first();
    if (!first) return;
    if (first.mutationId !== this.strikeAt) {
      this.strikeAt = first.mutationId;
      this.strikes = 0;
    }
    if (this.pushLimit > 1) {
      this.pushLimit = this.pushLimit > 10 ? 10 : 1;
      return;
    }
    this.strikes++;
    if (this.strikes < SET_ASIDE_AFTER) return;
    await setAside(this.db, this.actor, deviceId, first);
    this.strikes = 0;
    this.pushLimit = LIMITS.pushBatchMax;
    this.failures = 0;
  }

  private scheduleRetry(): void {
    if (!this.leadership) return;
    this.failures++;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.drain(), backoffDelay(this.failures));
  }

  private setStatus(patch: Partial<SyncStatus>, publish = true): void {
    this.status = { ...this.status, ...patch };
    if (publish && this.leadership?.isLeader()) this.leadership.publish(this.status);
    for (const fn of this.listeners) fn();
  }
}
