import { uuidv7 } from '@merit/shared/ids';
import { PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { openTestDb, testDbKind } from '../test/harness';
import { cookieFrom, JSON_SAME_ORIGIN, testApp } from './http-test-kit';
import { CSP } from './security';

let db: Db;
let bus: ChangeBus;
let app: FastifyInstance;
let logs: string[];
let cookie = '';
const SETUP = { orgName: 'Acme', name: 'Hana', email: 'hana@acme.test', password: 'a secret long password' };
const count = async (table: string) => (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]?.n;

beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  ({ app, logs } = await testApp(db, bus));
});
afterAll(async () => {
  await app.close();
  await bus.close();
  await db.close();
});

describe('CSRF guard on /trpc', () => {
  it('refuses multipart/form-data, text/plain and urlencoded with 415, and runs nothing', async () => {
    const boundary = '----merit';
    const multipart = await app.inject({
      method: 'POST',
      url: '/trpc/setup.create',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, origin: 'http://localhost:80' },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="orgName"\r\n\r\nEvil\r\n--${boundary}--\r\n`,
    });
    expect(multipart.statusCode).toBe(415);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const r = await app.inject({
        method: 'POST',
        url: '/trpc/setup.create',
        headers: { 'content-type': type },
        payload: JSON.stringify(SETUP),
      });
      expect(r.statusCode).toBe(415);
    }
    expect(await count('org')).toBe(0);
  });

  it('refuses a foreign Origin or a cross-site fetch with 403, and runs nothing', async () => {
    const foreign = await app.inject({
      method: 'POST',
      url: '/trpc/setup.create',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      payload: JSON.stringify(SETUP),
    });
    expect(foreign.statusCode).toBe(403);
    const crossSite = await app.inject({
      method: 'POST',
      url: '/trpc/setup.create',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-site', origin: 'http://localhost:80' },
      payload: JSON.stringify(SETUP),
    });
    expect(crossSite.statusCode).toBe(403);
    const none = await app.inject({
      method: 'POST',
      url: '/trpc/setup.create',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(SETUP),
    });
    expect(none.statusCode).toBe(403);
    expect(await count('org')).toBe(0);
  });

  it('runs a same-origin JSON mutation and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const r = await app.inject({ method: 'POST', url: '/trpc/setup.create', headers: JSON_SAME_ORIGIN, payload: JSON.stringify(SETUP) });
    expect(r.statusCode).toBe(200);
    const set = String(r.headers['set-cookie']);
    expect(set).toMatch(/^merit_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    expect(set).not.toMatch(/Secure/);
    cookie = cookieFrom(r.headers['set-cookie']);
    const me = await app.inject({ method: 'GET', url: '/trpc/auth.me', headers: { cookie } });
    expect(me.json()).toMatchObject({ result: { data: { email: 'hana@acme.test', role: 'hr' } } });
  });

  it('accepts Sec-Fetch-Site: same-origin without an exact Origin (behind a proxy that rewrites Host)', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/trpc/auth.signOut',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', cookie: 'merit_session=not-a-session' },
    });
    expect(r.statusCode).toBe(401);
  });

  it('never mutates over GET', async () => {
    const r = await app.inject({ method: 'GET', url: '/trpc/auth.signOut', headers: { cookie } });
    expect(r.statusCode).toBe(405);
    expect((await app.inject({ method: 'GET', url: '/trpc/auth.me', headers: { cookie } })).json()).toMatchObject({
      result: { data: { role: 'hr' } },
    });
  });
});

describe('limits and errors', () => {
  it('answers 413 to a body over 1 MiB', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/trpc/people.importPreview',
      headers: { ...JSON_SAME_ORIGIN, cookie },
      payload: JSON.stringify({ csv: 'x'.repeat(1_100_000) }),
    });
    expect(r.statusCode).toBe(413);
    expect(r.body).not.toMatch(/\n\s+at /);
  });

  it('refuses a batch of more than 20 calls', async () => {
    const paths = Array.from({ length: 21 }, () => 'auth.me').join(',');
    const r = await app.inject({ method: 'GET', url: `/trpc/${paths}?batch=1&input={}`, headers: { cookie } });
    expect(r.statusCode).toBe(400);
  });

  it('never sends a stack trace: bad JSON, unknown procedure, unknown route', async () => {
    const bad = await app.inject({ method: 'POST', url: '/trpc/auth.signIn', headers: JSON_SAME_ORIGIN, payload: '{"email":' });
    const unknown = await app.inject({ method: 'GET', url: '/trpc/nope.nothing' });
    const route = await app.inject({ method: 'GET', url: '/api/nothing', headers: { accept: 'application/json' } });
    expect([bad.statusCode, unknown.statusCode, route.statusCode]).toEqual([400, 404, 404]);
    for (const r of [bad, unknown, route]) {
      expect(r.body).not.toMatch(/stack|\n\s+at |node_modules|\.ts:\d+/);
    }
  });

  it('names the field of a validation error', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/trpc/auth.signIn',
      headers: JSON_SAME_ORIGIN,
      payload: JSON.stringify({ email: 'not-an-email', password: 'x' }),
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: { message: expect.stringMatching(/^email /) } });
  });

  it('logs no cookie, password, token or query string', async () => {
    const signIn = await app.inject({
      method: 'POST',
      url: '/trpc/auth.signIn',
      headers: { ...JSON_SAME_ORIGIN, cookie },
      payload: JSON.stringify({ email: SETUP.email, password: SETUP.password }),
    });
    const old = cookie;
    // Signing in rotates the session: the cookie presented is revoked, the new one is used from here on.
    cookie = cookieFrom(signIn.headers['set-cookie']);
    expect(cookie).not.toBe(old);
    await app.inject({ method: 'GET', url: '/trpc/auth.checkToken?input=%7B%22token%22%3A%22secret-token-secret-token-secret%22%7D' });
    const all = logs.join('\n');
    expect(all).toMatch(/auth\.signIn/);
    for (const secret of [SETUP.password, old.split('=')[1] ?? 'never', cookie.split('=')[1] ?? 'never', 'secret-token', 'merit_session'])
      expect(all).not.toContain(secret);
  });
});

describe('health and metrics', () => {
  it('/healthz answers ok with the database kind', async () => {
    const r = await app.inject({ method: 'GET', url: '/healthz' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ ok: true, db: testDbKind() });
  });

  it('/metrics speaks Prometheus text, with requests by route and status and sync push counts', async () => {
    const deviceId = uuidv7();
    const push = await app.inject({
      method: 'POST',
      url: '/trpc/sync.push',
      headers: { ...JSON_SAME_ORIGIN, cookie },
      payload: JSON.stringify({
        protocol: PROTOCOL_VERSION,
        deviceId,
        mutations: [
          {
            id: 1,
            name: 'win.create@1',
            args: { id: uuidv7(), title: 'Shipped', date: '2026-01-05', visibility: 'private' },
            createdAt: Date.now(),
          },
        ],
      }),
    });
    expect(push.statusCode).toBe(200);
    const r = await app.inject({ method: 'GET', url: '/metrics' });
    expect(r.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = r.body;
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).toMatch(/^http_requests_total\{route="\/healthz",status="200"\} [1-9]\d*$/m);
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{route="\/trpc\/sync\.push",status="200",le="\+Inf"\} 1$/m);
    expect(text).toMatch(/^merit_sync_push_mutations_total\{status="applied"\} 1$/m);
    expect(text).toContain(`merit_db_info{kind="${testDbKind()}"} 1`);
    expect(text).toMatch(/^process_uptime_seconds \d+(\.\d+)?$/m);
    // Every sample line is `name{labels} value`: nothing a scraper would choke on.
    for (const line of text.trim().split('\n')) expect(line).toMatch(/^(# (HELP|TYPE) .+|[a-z_]+(\{[^}]*\})? -?\d+(\.\d+)?(e[+-]?\d+)?)$/);
  });
});

describe('security headers', () => {
  it('are on every kind of response', async () => {
    const responses = await Promise.all([
      app.inject({ method: 'GET', url: '/healthz' }),
      app.inject({ method: 'GET', url: '/trpc/auth.me' }),
      app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } }),
      app.inject({ method: 'GET', url: '/nothing-here.png' }),
    ]);
    for (const r of responses) {
      expect(r.headers['content-security-policy']).toBe(CSP);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(r.headers['strict-transport-security']).toBeUndefined();
    }
  });
});
