import type { DomainError } from '@merit/shared/errors';

/** How long the batch loop runs before it lets the event loop take other requests. */
export const YIELD_MS = 10;

/** Words for a mutation the server failed on (S40): never the error itself (SQL, paths), which stays in the log. */
export const FAILED: DomainError = {
  code: 'FAILED',
  message: 'The server could not save this change because of a problem on its side. Your text is kept here.',
};

/**
 * A failure that may pass on its own (the connection, a deadlock or serialization failure, the server going
 * down): the batch stops and the device resends later (S4). Anything else thrown while processing one mutation
 * is taken to be that mutation's own doing and is filed as failed (S40).
 */
export function isTransient(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  if (/^(08|40|53|57|58)[0-9A-Z]{3}$/.test(code) || /^E[A-Z]+$/.test(code)) return true;
  return e instanceof Error && /connection|terminat|timeout|closed/i.test(e.message);
}
