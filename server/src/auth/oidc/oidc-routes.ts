import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import type { Db } from '../../db/client';
import type { Env } from '../../env';
import { readCookie, sessionCookieFor } from '../../http/cookies';
import { isSecure, originOf } from '../../http/request-info';
import { revokeSession, sha256 } from '../sessions';
import { oidcProvider } from './provider';
import { auditProtocolRefusal, LOGIN_TTL_MS, type SsoRefusal, savePendingLogin, signInByIdentity, takePendingLogin } from './sso-sign-in';

export const CALLBACK_PATH = '/auth/oidc/callback';
const LOGIN_COOKIE = 'merit_oidc';
const DAY_SECONDS = 86_400;

function loginCookie(env: Env, req: FastifyRequest, value: string, maxAge: number): string {
  // Lax: the provider's redirect back is a top-level GET, which carries it; a cross-site POST would not.
  return `${LOGIN_COOKIE}=${value}; Path=/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${isSecure(env, req) ? '; Secure' : ''}`;
}

const refused = (reply: FastifyReply, reason: SsoRefusal) => reply.header('cache-control', 'no-store').redirect(`/sign-in?sso=${reason}`);

/**
 * GET /auth/oidc/start and GET /auth/oidc/callback: the authorization code flow with PKCE, state and
 * nonce (openid-client). The state, nonce and verifier live in the database under a key only this
 * browser holds (a cookie), and are deleted when the callback reads them, so a callback works once.
 */
/** What went wrong, for the audit log and the server log: openid-client puts the specific check in `cause`. */
function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = 'code' in err ? String(err.code) : err.name;
  const cause = err.cause;
  const why = cause instanceof Error ? cause.message : cause && typeof cause === 'object' && 'error' in cause ? String(cause.error) : '';
  return [code, err.message, why].filter(Boolean).join(': ');
}

export function mountOidc(app: FastifyInstance, deps: { db: Db; env: Env }): void {
  const provider = oidcProvider(deps.env.oidc);
  if (!provider) return;

  app.get('/auth/oidc/start', async (req, reply) => {
    const config = await provider.configuration().catch((err: unknown) => {
      req.log.warn({ err }, 'OIDC discovery failed');
      return null;
    });
    if (!config) return refused(reply, 'unavailable');
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const key = await savePendingLogin(deps.db, { state, nonce, codeVerifier });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: `${originOf(deps.env, req)}${CALLBACK_PATH}`,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    reply.header('set-cookie', loginCookie(deps.env, req, key, LOGIN_TTL_MS / 1000));
    return reply.header('cache-control', 'no-store').redirect(url.toString());
  });

  app.get(CALLBACK_PATH, async (req, reply) => {
    reply.header('set-cookie', loginCookie(deps.env, req, '', 0));
    const key = readCookie(req.headers.cookie, LOGIN_COOKIE);
    const pending = key ? await takePendingLogin(deps.db, key) : null;
    if (!pending) {
      await auditProtocolRefusal(deps.db, 'no sign-in under way in this browser (expired, used, or started elsewhere)');
      return refused(reply, 'expired');
    }
    const config = await provider.configuration().catch(() => null);
    if (!config) return refused(reply, 'unavailable');
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, new URL(req.url, originOf(deps.env, req)), {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (err) {
      const detail = describe(err);
      req.log.warn({ detail }, 'OIDC callback refused');
      await auditProtocolRefusal(deps.db, detail);
      return refused(reply, 'failed');
    }
    const claims = tokens.claims();
    const idToken = tokens.id_token;
    if (!claims || !idToken) return refused(reply, 'failed');
    let email = typeof claims.email === 'string' ? claims.email : null;
    let verified = claims.email_verified === true;
    if (!email) {
      // Some providers put the e-mail only in the userinfo answer.
      const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub).catch(() => null);
      email = typeof info?.email === 'string' ? info.email : null;
      verified = info?.email_verified === true;
    }
    const cookie = sessionCookieFor(deps.env, req, reply);
    const outcome = await deps.db.tx(async (q) => {
      // A new session on every sign-in; the one this browser presented (if any) ends (ASVS 7.2.4).
      if (cookie.token) await revokeSession(q, sha256(cookie.token));
      return signInByIdentity(
        q,
        { email, emailVerified: verified, subject: claims.sub },
        idToken,
        deps.env,
        req.headers['user-agent'] ?? '',
      );
    });
    if (!outcome.ok) return refused(reply, outcome.reason);
    cookie.set(outcome.token, Math.round(deps.env.sessionMaxDays * DAY_SECONDS));
    return reply.header('cache-control', 'no-store').redirect('/');
  });
}
