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
 * Sessions looked up in the last few seconds, so a burst of requests (a pull every time a device wakes, 50 at
 * once under load) does not read the database each time. Revoking a session, or all sessions of a person,
 * forgets them here at once and keeps them out of this cache for the next CACHE_MS, so a lookup that raced
 * the revoking transaction cannot put them back: in this process access ends at once. Another server
 * process forgets them within CACHE_MS (docs/SYNC.md, "Caches").
 */
export const SESSION_CACHE_MS = 5_000;
const CACHE_MAX = 10_000;
interface Cached {
  info: SessionInfo;
  at: number;
  expiresAt: number;
  idleUntil: number;
}
const cache = new Map<string, Cached>();
/** Token hashes and person ids revoked lately, with when: never cached until CACHE_MS have passed. */
const revokedTokens = new Map<string, number>();
const revokedPeople = new Map<string, number>();

function recentlyRevoked(info: SessionInfo, since: number): boolean {
  const t = revokedTokens.get(info.tokenHash);
  const p = revokedPeople.get(info.personId);
  return (t !== undefined && t >= since - SESSION_CACHE_MS) || (p !== undefined && p >= since - SESSION_CACHE_MS);
}

function prune(map: Map<string, number>, now: number): void {
  for (const [k, at] of map) if (now - at > 2 * SESSION_CACHE_MS) map.delete(k);
}

/** Forgets every cached session of a person (disabled, role changed, password reset): call it in the writing transaction. */
export function forgetSessionsOf(personId: string): void {
  const now = Date.now();
  prune(revokedPeople, now);
  revokedPeople.set(personId, now);
  for (const [hash, c] of cache) if (c.info.personId === personId) cache.delete(hash);
}

function forgetSession(tokenHash: string): void {
  const now = Date.now();
  prune(revokedTokens, now);
  revokedTokens.set(tokenHash, now);
  cache.delete(tokenHash);
}

/**
 * A session is valid while it is under its absolute expiry, was used within the idle window, and its
 * person is not disabled. Authorization always reads the role from here, never from the client.
 */
export async function lookupSession(q: Queryable, token: string, policy: SessionPolicy): Promise<SessionInfo | null> {
  const tokenHash = sha256(token);
  const started = Date.now();
  const hit = cache.get(tokenHash);
  if (hit && started - hit.at < SESSION_CACHE_MS && started < hit.expiresAt && started < hit.idleUntil) return hit.info;
  if (hit) cache.delete(tokenHash);
  const rows = await q.query<{ person_id: string; role: Role; last_seen_at: Date; expires_at: Date }>(
    `select s.person_id, p.role, s.last_seen_at, s.expires_at from session s join person p on p.id = s.person_id
     where s.token_hash = $1 and s.expires_at > now() and s.last_seen_at > now() - make_interval(days => $2)
       and not p.disabled`,
    [tokenHash, policy.sessionIdleDays],
  );
  const row = rows[0];
  if (!row) return null;
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (Date.now() - lastSeen > TOUCH_MS) {
    await q.query('update session set last_seen_at = now() where token_hash = $1', [tokenHash]);
  }
  const info: SessionInfo = { personId: row.person_id, role: row.role, tokenHash };
  if (!recentlyRevoked(info, started)) {
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(tokenHash, {
      info,
      at: started,
      expiresAt: new Date(row.expires_at).getTime(),
      idleUntil: Date.now() + policy.sessionIdleDays * DAY,
    });
  }
  return info;
}

export async function revokeSession(q: Queryable, tokenHash: string): Promise<void> {
  forgetSession(tokenHash);
  await q.query('delete from session where token_hash = $1', [tokenHash]);
}

export async function revokeAllSessions(q: Queryable, personId: string): Promise<void> {
  forgetSessionsOf(personId);
  await q.query('delete from session where person_id = $1', [personId]);
}
