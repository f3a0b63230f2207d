import { createHash } from 'node:crypto';
import type { Role } from '@merit/shared/domain/person';
import { randomToken } from '@merit/shared/ids';
import type { Queryable } from '../db/client';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');

export interface SessionInfo {
  personId: string;
  role: Role;
  tokenHash: string;
}

export interface SessionPolicy {
  sessionIdleDays: number;
  sessionMaxDays: number;
}

const DAY = 86_400_000;
/** last_seen_at is written at most once a minute per session, not on every request. */
const TOUCH_MS = 60_000;

/** A fresh random token; only its hash is stored. Returns the token for the cookie. */
export async function createSession(q: Queryable, personId: string, policy: SessionPolicy, userAgent: string): Promise<string> {
  const token = randomToken();
  const expires = new Date(Date.now() + policy.sessionMaxDays * DAY);
  await q.query('insert into session (token_hash, person_id, expires_at, user_agent) values ($1, $2, $3, $4)', [
    sha256(token),
    personId,
    expires,
    userAgent.slice(0, 300),
  ]);
  return token;
}

/**
 * A session is valid while it is under its absolute expiry, was used within the idle window, and its
 * person is not disabled. Authorization always reads the role from here, never from the client.
 */
export async function lookupSession(q: Queryable, token: string, policy: SessionPolicy): Promise<SessionInfo | null> {
  const tokenHash = sha256(token);
  const rows = await q.query<{ person_id: string; role: Role; last_seen_at: Date }>(
    `select s.person_id, p.role, s.last_seen_at from session s join person p on p.id = s.person_id
     where s.token_hash = $1 and s.expires_at > now() and s.last_seen_at > now() - make_interval(days => $2)
       and not p.disabled`,
    [tokenHash, policy.sessionIdleDays],
  );
  const row = rows[0];
  if (!row) return null;
  if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_MS) {
    await q.query('update session set last_seen_at = now() where token_hash = $1', [tokenHash]);
  }
  return { personId: row.person_id, role: row.role, tokenHash };
}

export async function revokeSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('delete from session where token_hash = $1', [tokenHash]);
}

export async function revokeAllSessions(q: Queryable, personId: string): Promise<void> {
  await q.query('delete from session where person_id = $1', [personId]);
}
