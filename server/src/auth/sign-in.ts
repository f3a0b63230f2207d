import type { Context } from '../context';
import type { Queryable } from '../db/client';
import { createSession, revokeSession } from './sessions';

const DAY_SECONDS = 86_400;

/**
 * Starts a fresh session for `personId` (ASVS 7.2.4: a new token on every authentication) and drops
 * the one the request presented, so a token planted before sign-in is worthless after it. Runs on
 * the caller's transaction handle; the cookie is set by `commitSignIn` once that has committed.
 */
export async function rotateSession(q: Queryable, ctx: Context, personId: string): Promise<string> {
  if (ctx.session) await revokeSession(q, ctx.session.tokenHash);
  return createSession(q, personId, ctx.env, ctx.userAgent);
}

export function commitSignIn(ctx: Context, token: string): void {
  ctx.setSessionCookie(token, Math.round(ctx.env.sessionMaxDays * DAY_SECONDS));
}
