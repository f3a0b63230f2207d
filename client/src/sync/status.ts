import { describeError, errorCode, isQuotaError } from '@/lib/errors';
import { PushStalledError } from './push';

export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'error' | 'signed-out' | 'update-required';

export interface SyncStatus {
  phase: SyncPhase;
  lastSyncedAt: number | null;
  error: string | null;
  /** Set while a first (or reset) snapshot loads: how many rows have arrived so far. */
  initialSync: { done: number } | null;
}

export const INITIAL_STATUS: SyncStatus = { phase: 'idle', lastSyncedAt: null, error: null, initialSync: null };

export interface Failure {
  phase: SyncPhase;
  error: string;
  /** Retrying cannot help until something changes (a sign-in, an update): no backoff timer. */
  halt: boolean;
}

/**
 * What a failed sync means for the person (rules S10, S11, S14). Signed out or outdated: stop and wait, keeping the
 * outbox. Unreachable: offline (or an error when the browser thinks it is online), retried with backoff.
 * A full disk is an error that says so, never swallowed.
 */
export function classifyFailure(e: unknown, online: boolean): Failure {
  const info = errorCode(e);
  if (isQuotaError(e)) return { phase: 'error', error: describeError(e), halt: false };
  if (info.trpc === 'UNAUTHORIZED' || info.domain?.code === 'UNAUTHENTICATED')
    return { phase: 'signed-out', error: describeError(e), halt: true };
  if (info.trpc === 'PRECONDITION_FAILED' || info.domain?.code === 'UPDATE_REQUIRED')
    return { phase: 'update-required', error: describeError(e), halt: true };
  if (info.network) return { phase: online ? 'error' : 'offline', error: describeError(e), halt: false };
  if (e instanceof PushStalledError) return { phase: 'error', error: e.message, halt: false };
  return { phase: 'error', error: describeError(e), halt: false };
}

/** Exponential backoff: 1 s doubling to 60 s, each delay jittered down by up to half so devices spread out. */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const base = Math.min(60_000, 1000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.5 + random() / 2));
}
