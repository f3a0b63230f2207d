import { type DomainError, ERROR_CODES, type ErrorCode } from '@merit/shared/errors';

/** Every error code in the words a person reads. The one place the client turns a code into text. */
export const ERROR_WORDS: Record<ErrorCode, string> = {
  VALIDATION: 'Some of what you entered is not valid.',
  UNAUTHENTICATED: 'You are signed out. Sign in again; your unsynced changes are kept on this device.',
  FORBIDDEN: 'You are not allowed to do this.',
  NOT_FOUND: 'This no longer exists.',
  CONFLICT: 'This was changed somewhere else at the same time. Look at the latest version and try again.',
  DELETED: 'This was deleted on another device.',
  LOCKED: 'This review is signed off and locked, so it can no longer be changed.',
  DEADLINE_PASSED: 'The deadline for this has passed.',
  RATE_LIMITED: 'Too many attempts. Wait a minute, then try again.',
  UNKNOWN_MUTATION: 'This change comes from a version of Merit the server does not know. Reload to update.',
  UPDATE_REQUIRED: 'A new version of Merit is needed. Reload to update; your unsynced changes are kept.',
  FAILED: 'The server could not save this change because of a problem on its side. Your text is kept here: try again later, or copy it.',
  NOT_SENT:
    'This change could not be sent: the server kept failing on it, so it was set aside to let your other changes through. Try again, copy it, or discard it.',
};

const NETWORK_WORDS = 'Cannot reach Merit right now. Your changes are saved on this device and will sync when the connection is back.';
const QUOTA_WORDS = 'This device has no storage space left for Merit. Free up some space, then try again.';
const UNKNOWN_WORDS = 'Something went wrong. Try again in a moment.';

/** tRPC codes the server uses without a domain error, by the domain code that says the same. */
const TRPC_TO_DOMAIN: Record<string, ErrorCode> = {
  UNAUTHORIZED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
  PRECONDITION_FAILED: 'UPDATE_REQUIRED',
  BAD_REQUEST: 'VALIDATION',
};

export interface ErrorInfo {
  /** The tRPC code (`UNAUTHORIZED`, `PRECONDITION_FAILED`, ...) when the server answered with one. */
  trpc?: string;
  domain?: DomainError;
  /** The request did not get a readable answer: offline, DNS, a proxy's HTML error page. */
  network: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isCode = (v: unknown): v is ErrorCode => typeof v === 'string' && (ERROR_CODES as readonly string[]).includes(v);

function asDomain(v: unknown): DomainError | undefined {
  if (!isObject(v) || !isCode(v.code) || typeof v.message !== 'string') return undefined;
  return typeof v.field === 'string' ? { code: v.code, message: v.message, field: v.field } : { code: v.code, message: v.message };
}

/** Reads a tRPC client error structurally (`e.data.code`, `e.data.domain`; docs/API.md), so callers need no tRPC import. */
export function errorCode(e: unknown): ErrorInfo {
  const data = isObject(e) && isObject(e.data) ? e.data : undefined;
  const trpc = typeof data?.code === 'string' ? data.code : undefined;
  const domain = asDomain(data?.domain);
  const info: ErrorInfo = { network: !trpc && !domain && isNetworkFailure(e) };
  if (trpc) info.trpc = trpc;
  if (domain) info.domain = domain;
  return info;
}

function isNetworkFailure(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  // fetch rejects with a TypeError; tRPC wraps it (as `cause`) in a TRPCClientError that has no `data`.
  return e instanceof TypeError || e.cause instanceof TypeError || e.name === 'TRPCClientError';
}

/** IndexedDB (and Dexie, which keeps the name) reports a full disk as QuotaExceededError, sometimes wrapped. */
export function isQuotaError(e: unknown): boolean {
  for (let x: unknown = e, depth = 0; isObject(x) && depth < 4; depth++) {
    if (x.name === 'QuotaExceededError') return true;
    x = x.inner ?? x.cause;
  }
  return false;
}

/** A sentence for a person, from anything thrown or returned: a DomainError, a tRPC error, a storage error. */
export function describeError(e: unknown): string {
  if (isQuotaError(e)) return QUOTA_WORDS;
  const direct = asDomain(e);
  const info = errorCode(e);
  const domain = direct ?? info.domain;
  // A validation message names the field ("title is required"): more useful than the generic words.
  if (domain) return domain.code === 'VALIDATION' ? domain.message : ERROR_WORDS[domain.code];
  const mapped = info.trpc ? TRPC_TO_DOMAIN[info.trpc] : undefined;
  if (mapped) return ERROR_WORDS[mapped];
  if (info.network) return NETWORK_WORDS;
  return UNKNOWN_WORDS;
}
