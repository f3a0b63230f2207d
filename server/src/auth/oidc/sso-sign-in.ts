import { randomToken } from '@merit/shared/ids';
import { audit } from '../../audit/audit';
import type { Queryable } from '../../db/client';
import { createSession, type SessionPolicy, sha256 } from '../sessions';

/** Why a sign-in through the provider was refused; the sign-in screen words each one (`?sso=<reason>`). */
export type SsoRefusal = 'unknown' | 'unverified' | 'disabled' | 'expired' | 'failed' | 'unavailable';

export const LOGIN_TTL_MS = 10 * 60_000;

export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Stores a sign-in under way; returns the random key the browser keeps in a cookie. */
export async function savePendingLogin(q: Queryable, login: PendingLogin): Promise<string> {
  const key = randomToken();
  // Abandoned sign-ins are swept here, so the table stays as small as the sign-ins of the last ten minutes.
  await q.query('delete from oidc_login where expires_at < now()');
  await q.query('insert into oidc_login (key_hash, state, nonce, code_verifier, expires_at) values ($1, $2, $3, $4, $5)', [
    sha256(key),
    login.state,
    login.nonce,
    login.codeVerifier,
    new Date(Date.now() + LOGIN_TTL_MS),
  ]);
  return key;
}

/** Takes the sign-in under way out of the table: a second callback with the same cookie (a replay) finds nothing. */
export async function takePendingLogin(q: Queryable, key: string): Promise<PendingLogin | null> {
  const rows = await q.query<{ state: string; nonce: string; code_verifier: string }>(
    'delete from oidc_login where key_hash = $1 and expires_at > now() returning state, nonce, code_verifier',
    [sha256(key)],
  );
  const r = rows[0];
  return r ? { state: r.state, nonce: r.nonce, codeVerifier: r.code_verifier } : null;
}

export interface ProviderIdentity {
  email: string | null;
  emailVerified: boolean;
  subject: string;
}

export type SsoOutcome = { ok: true; personId: string; token: string } | { ok: false; reason: SsoRefusal };

/**
 * HR's directory decides who exists: the provider's e-mail must be verified and belong to an active
 * person. Every refusal is audited with the e-mail the provider gave, so HR can see who tried.
 */
export async function signInByIdentity(
  q: Queryable,
  who: ProviderIdentity,
  idToken: string,
  policy: SessionPolicy,
  userAgent: string,
): Promise<SsoOutcome> {
  const email = who.email?.trim().toLowerCase() ?? null;
  const rows = email ? await q.query<{ id: string; disabled: boolean }>('select id, disabled from person where email = $1', [email]) : [];
  const person = rows[0];
  const reason: SsoRefusal | null = !email || !who.emailVerified ? 'unverified' : !person ? 'unknown' : person.disabled ? 'disabled' : null;
  if (reason || !person) {
    await audit(q, {
      actorId: null,
      action: 'sso.refused',
      subjectId: person?.id ?? null,
      details: { reason: reason ?? 'unknown', email, subject: who.subject },
    });
    return { ok: false, reason: reason ?? 'unknown' };
  }
  const token = await createSession(q, person.id, policy, userAgent);
  await q.query('update session set oidc_id_token = $1 where token_hash = $2', [idToken, sha256(token)]);
  await audit(q, { actorId: person.id, action: 'sso.signin', subjectId: person.id, details: { subject: who.subject } });
  return { ok: true, personId: person.id, token };
}

/** A refusal that happened before any identity was known (state, nonce, PKCE, issuer, a replayed code). */
export async function auditProtocolRefusal(q: Queryable, detail: string): Promise<void> {
  await audit(q, { actorId: null, action: 'sso.refused', details: { reason: 'failed', detail: detail.slice(0, 200) } });
}
