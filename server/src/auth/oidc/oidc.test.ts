import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import type { Env } from '../../env';
import { testApp } from '../../http/http-test-kit';
import { type ChangeBus, createChangeBus } from '../../sync/bus';
import { createPerson } from '../../test/context';
import { openTestDb } from '../../test/harness';
import { ensureOrg } from '../auth-test-kit';
import { sha256 } from '../sessions';
import { CLIENT, FlowBrowser, MERIT } from './oidc-test-kit';
import { startTestProvider, type TestProvider } from './test-provider';

let db: Db;
let bus: ChangeBus;
let app: FastifyInstance;
let idp: TestProvider;
let other: TestProvider;
const CALLBACK = `${MERIT}/auth/oidc/callback`;

function oidcEnv(issuer: string): Partial<Env> {
  return { publicUrl: MERIT, oidc: { issuer, ...CLIENT, buttonLabel: 'Sign in with Acme ID' } };
}

beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  await ensureOrg(db);
  const reg = { ...CLIENT, redirectUris: [CALLBACK], postLogoutRedirectUris: [`${MERIT}/`] };
  idp = await startTestProvider(reg);
  other = await startTestProvider(reg);
  for (const p of [idp, other]) {
    p.accounts.set('ada', { email: 'Ada@Acme.test', emailVerified: true });
    p.accounts.set('stranger', { email: 'stranger@acme.test', emailVerified: true });
    p.accounts.set('unverified', { email: 'una@acme.test', emailVerified: false });
    p.accounts.set('gone', { email: 'gone@acme.test', emailVerified: true });
  }
  await createPerson(db, { email: 'ada@acme.test', name: 'Ada' });
  await createPerson(db, { email: 'una@acme.test', name: 'Una' });
  const gone = await createPerson(db, { email: 'gone@acme.test', name: 'Gone' });
  await db.query('update person set disabled = true where id = $1', [gone.id]);
  ({ app } = await testApp(db, bus, oidcEnv(idp.issuer)));
});
afterAll(async () => {
  await app.close();
  await idp.close();
  await other.close();
  await bus.close();
  await db.close();
});

async function me(b: FlowBrowser): Promise<{ email: string } | null> {
  const r = await app.inject({
    method: 'GET',
    url: '/trpc/auth.me',
    headers: { cookie: `merit_session=${b.cookie(MERIT, 'merit_session') ?? ''}` },
  });
  return (JSON.parse(r.body) as { result: { data: { email: string } | null } }).result.data;
}

const lastAudit = async () =>
  (
    await db.query<{ action: string; details: Record<string, unknown> }>('select action, details from audit_log order by id desc limit 1')
  )[0];

describe('sign-in through the OpenID provider (authorization code + PKCE + state + nonce)', () => {
  it('signs in the active person whose verified e-mail the provider gives, case aside, and audits it', async () => {
    const b = new FlowBrowser(app);
    const cb = await b.callbackUrl('ada');
    const url = new URL(cb);
    expect(url.searchParams.get('code')).toBeTruthy();
    const done = await b.request(cb);
    expect(done.status).toBe(302);
    expect(done.location).toBe(`${MERIT}/`);
    expect(b.cookie(MERIT, 'merit_oidc')).toBeUndefined();
    expect((await me(b))?.email).toBe('ada@acme.test');
    expect(await lastAudit()).toMatchObject({ action: 'sso.signin' });
  });

  it('the authorization request carries S256 PKCE, a state and a nonce, and asks for the e-mail', async () => {
    const b = new FlowBrowser(app);
    const start = await b.request(`${MERIT}/auth/oidc/start`);
    const auth = new URL(start.location ?? '');
    expect(auth.origin).toBe(idp.issuer);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('code_challenge')?.length).toBeGreaterThan(40);
    expect(auth.searchParams.get('state')?.length).toBeGreaterThan(20);
    expect(auth.searchParams.get('nonce')?.length).toBeGreaterThan(20);
    expect(auth.searchParams.get('scope')).toBe('openid email profile');
    expect(auth.searchParams.get('redirect_uri')).toBe(CALLBACK);
  });

  it.each([
    ['stranger', 'unknown'],
    ['unverified', 'unverified'],
    ['gone', 'disabled'],
  ])('refuses %s with a clear reason (?sso=%s), signs nobody in, and audits the attempt with the e-mail', async (login, reason) => {
    const b = new FlowBrowser(app);
    const done = await b.request(await b.callbackUrl(login));
    expect(done.location).toBe(`${MERIT}/sign-in?sso=${reason}`);
    expect(b.cookie(MERIT, 'merit_session')).toBeUndefined();
    const entry = await lastAudit();
    expect(entry?.action).toBe('sso.refused');
    expect(entry?.details).toMatchObject({ reason, email: idp.accounts.get(login)?.email.toLowerCase() });
  });
});

describe('refusals of a tampered or replayed callback', () => {
  /** The refusal, and the check that made it (the audit entry's detail names it). */
  async function refusedWith(b: FlowBrowser, url: string, why: string, reason = 'failed') {
    const r = await b.request(url);
    expect(r.location).toBe(`${MERIT}/sign-in?sso=${reason}`);
    expect(b.cookie(MERIT, 'merit_session')).toBeUndefined();
    const entry = await lastAudit();
    expect(entry?.action).toBe('sso.refused');
    expect(String(entry?.details.detail)).toContain(why);
  }
  const pendingOf = async (b: FlowBrowser) =>
    (
      await db.query<Record<string, string>>('select state, nonce, code_verifier from oidc_login where key_hash = $1', [
        sha256(b.cookie(MERIT, 'merit_oidc') ?? ''),
      ])
    )[0];
  const NO_LOGIN = 'no sign-in under way in this browser';

  it('a state that is not the one this browser started with is refused', async () => {
    const b = new FlowBrowser(app);
    const cb = new URL(await b.callbackUrl('ada'));
    cb.searchParams.set('state', 'forged-state-value-0123456789');
    await refusedWith(b, cb.toString(), 'unexpected "state" response parameter value');
  });

  it('a callback in a browser that never started the sign-in (login CSRF) is refused', async () => {
    const attacker = new FlowBrowser(app);
    const cb = await attacker.callbackUrl('ada');
    await refusedWith(new FlowBrowser(app), cb, NO_LOGIN, 'expired');
  });

  it('an ID token whose nonce is not the expected one is refused', async () => {
    const b = new FlowBrowser(app);
    const cb = await b.callbackUrl('ada');
    await db.query("update oidc_login set nonce = 'not-the-nonce-that-was-sent' where key_hash = $1", [
      sha256(b.cookie(MERIT, 'merit_oidc') ?? ''),
    ]);
    await refusedWith(b, cb, 'unexpected ID Token "nonce" claim value');
  });

  it('a PKCE verifier that does not match the challenge is refused by the provider', async () => {
    const b = new FlowBrowser(app);
    const cb = await b.callbackUrl('ada');
    await db.query("update oidc_login set code_verifier = 'a-different-verifier-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' where key_hash = $1", [
      sha256(b.cookie(MERIT, 'merit_oidc') ?? ''),
    ]);
    await refusedWith(b, cb, 'invalid_grant');
  });

  it('a replayed callback is refused: once by Merit (used), and by the provider even with a forged sign-in under way', async () => {
    const b = new FlowBrowser(app);
    const cb = await b.callbackUrl('ada');
    const key = b.cookie(MERIT, 'merit_oidc') ?? '';
    const saved = await pendingOf(b);
    expect((await b.request(cb)).location).toBe(`${MERIT}/`);
    // Same browser, same cookie again: the sign-in under way was used up.
    const again = new FlowBrowser(app);
    again.setCookie(MERIT, 'merit_oidc', key);
    await refusedWith(again, cb, NO_LOGIN, 'expired');
    // An attacker who somehow has state, nonce and verifier: the code itself works only once.
    const thief = new FlowBrowser(app);
    await thief.request(`${MERIT}/auth/oidc/start`);
    await db.query('update oidc_login set state = $1, nonce = $2, code_verifier = $3 where key_hash = $4', [
      saved?.state,
      saved?.nonce,
      saved?.code_verifier,
      sha256(thief.cookie(MERIT, 'merit_oidc') ?? ''),
    ]);
    await refusedWith(thief, cb, 'invalid_grant');
  });

  it('a code from another issuer is refused (the iss of the response and the token do not match OIDC_ISSUER)', async () => {
    const b = new FlowBrowser(app);
    const start = await b.request(`${MERIT}/auth/oidc/start`);
    const foreign = new URL(start.location ?? '');
    const swapped = `${other.issuer}${foreign.pathname}${foreign.search}`;
    const loginPage = await b.follow(swapped);
    const action = /action="([^"]+)"/.exec(loginPage.body)?.[1] ?? '';
    const posted = await b.request(new URL(action, loginPage.location).toString(), { method: 'POST', form: { login: 'ada' } });
    const end = await b.follow(posted.location ?? '', CALLBACK);
    expect(new URL(end.location).searchParams.get('iss')).toBe(other.issuer);
    await refusedWith(b, end.location, 'unexpected "iss" (issuer) response parameter value');
    // With the iss forged to the right issuer, the code still fails: the configured provider never issued it.
    const b2 = new FlowBrowser(app);
    await b2.request(`${MERIT}/auth/oidc/start`);
    const forged = new URL(end.location);
    forged.searchParams.set('iss', idp.issuer);
    forged.searchParams.set('state', (await pendingOf(b2))?.state ?? '');
    await refusedWith(b2, forged.toString(), 'invalid_grant');
  });
});

describe('sign-out and an unreachable provider', () => {
  it('sign-out ends the Merit session and hands back the provider end-session URL (RP-initiated logout)', async () => {
    const b = new FlowBrowser(app);
    await b.request(await b.callbackUrl('ada'));
    const cookie = `merit_session=${b.cookie(MERIT, 'merit_session') ?? ''}`;
    const r = await app.inject({
      method: 'POST',
      url: '/trpc/auth.signOut',
      headers: { cookie, 'content-type': 'application/json', origin: MERIT },
      payload: '{}',
    });
    const out = (JSON.parse(r.body) as { result: { data: { endSessionUrl: string | null } } }).result.data;
    const end = new URL(out.endSessionUrl ?? '');
    expect(`${end.origin}${end.pathname}`).toBe(`${idp.issuer}/session/end`);
    expect(end.searchParams.get('id_token_hint')?.split('.')).toHaveLength(3);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${MERIT}/`);
    expect(await me(b)).toBeNull();
    // The provider accepts the request (its confirmation page), so the hint and redirect are registered ones.
    const page = await fetch(end, { redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('logout');
  });

  it('a password session signs out with no provider URL', async () => {
    const { personWithPassword, PASSWORD } = await import('../auth-test-kit');
    const p = await personWithPassword(db, { email: 'pat@acme.test' });
    const signIn = await app.inject({
      method: 'POST',
      url: '/trpc/auth.signIn',
      headers: { 'content-type': 'application/json', origin: MERIT },
      payload: JSON.stringify({ email: p.email, password: PASSWORD }),
    });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? '';
    const r = await app.inject({
      method: 'POST',
      url: '/trpc/auth.signOut',
      headers: { cookie, 'content-type': 'application/json', origin: MERIT },
      payload: '{}',
    });
    expect(JSON.parse(r.body)).toMatchObject({ result: { data: { ok: true, endSessionUrl: null } } });
  });

  it('a provider that cannot be reached sends the person back with ?sso=unavailable, and Merit keeps serving', async () => {
    const { app: down } = await testApp(db, bus, oidcEnv('http://127.0.0.1:9/'));
    try {
      const r = await down.inject({ method: 'GET', url: '/auth/oidc/start' });
      expect(r.statusCode).toBe(302);
      expect(r.headers.location).toBe('/sign-in?sso=unavailable');
      expect((await down.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await down.close();
    }
  });

  it('auth.methods tells the sign-in screen the button label and whether passwords are on', async () => {
    const r = await app.inject({ method: 'GET', url: '/trpc/auth.methods' });
    expect(JSON.parse(r.body)).toMatchObject({
      result: { data: { sso: { label: 'Sign in with Acme ID', startUrl: '/auth/oidc/start' }, passwords: true } },
    });
  });
});
