import { randomToken } from '@merit/shared/ids';
import type { Queryable } from '../db/client';
import { sha256 } from './sessions';

/** A set-password link works for 7 days, once, and only the newest one for a person works. */
export const PASSWORD_TOKEN_DAYS = 7;

/** Replaces any earlier link for the person. Returns the token; only its SHA-256 is stored. */
export async function issuePasswordToken(q: Queryable, personId: string): Promise<string> {
  const token = randomToken();
  await q.query('delete from password_token where person_id = $1', [personId]);
  await q.query(`insert into password_token (token_hash, person_id, expires_at) values ($1, $2, now() + make_interval(days => $3))`, [
    sha256(token),
    personId,
    PASSWORD_TOKEN_DAYS,
  ]);
  return token;
}

/** The token travels in the URL fragment, so it never reaches a server or proxy log. */
export const setPasswordUrl = (origin: string, token: string) => `${origin}/set-password#token=${token}`;

export interface TokenOwner {
  personId: string;
  name: string;
  email: string;
}

/** The person a live token belongs to, or null when it is unknown, used, expired or the person disabled. */
export async function findTokenOwner(q: Queryable, token: string): Promise<TokenOwner | null> {
  const rows = await q.query<{ id: string; name: string; email: string }>(
    `select p.id, p.name, p.email from password_token t join person p on p.id = t.person_id
     where t.token_hash = $1 and t.expires_at > now() and not p.disabled`,
    [sha256(token)],
  );
  const r = rows[0];
  return r ? { personId: r.id, name: r.name, email: r.email } : null;
}

/**
 * Consumes a token: the delete is the check, so two concurrent uses cannot both succeed. Returns the
 * person it was for, or null. Every other link of that person goes with it.
 */
export async function consumePasswordToken(q: Queryable, token: string): Promise<string | null> {
  const rows = await q.query<{ person_id: string }>(
    `delete from password_token t using person p
     where t.token_hash = $1 and t.expires_at > now() and p.id = t.person_id and not p.disabled
     returning t.person_id`,
    [sha256(token)],
  );
  const personId = rows[0]?.person_id;
  if (!personId) return null;
  await q.query('delete from password_token where person_id = $1', [personId]);
  return personId;
}
