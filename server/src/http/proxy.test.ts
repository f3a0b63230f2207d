import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { openTestDb } from '../test/harness';
import { testApp } from './http-test-kit';

let db: Db;
let bus: ChangeBus;
let app: FastifyInstance;
let untrusted: FastifyInstance;
beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  ({ app } = await testApp(db, bus, { trustProxy: true }));
  ({ app: untrusted } = await testApp(db, bus, { trustProxy: false }));
});
afterAll(async () => {
  await app.close();
  await untrusted.close();
  await bus.close();
  await db.close();
});

const SETUP = { orgName: 'Acme', name: 'Hana', email: 'hana@acme.test', password: 'a secret long password' };

describe('behind a TLS-terminating proxy (TRUST_PROXY)', () => {
  it('sets a __Host- cookie with Secure, sends HSTS, and takes the client address from X-Forwarded-For', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/trpc/setup.create',
      headers: {
        'content-type': 'application/json',
        origin: 'https://merit.example',
        host: 'merit.example',
        'x-forwarded-proto': 'https',
        'x-forwarded-for': '203.0.113.7',
      },
      payload: JSON.stringify(SETUP),
    });
    expect(r.statusCode).toBe(200);
    expect(String(r.headers['set-cookie'])).toMatch(
      /^__Host-merit_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+; Secure$/,
    );
    expect(r.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const wrong = await app.inject({
      method: 'POST',
      url: '/trpc/auth.signIn',
      headers: {
        'content-type': 'application/json',
        'sec-fetch-site': 'same-origin',
        'x-forwarded-proto': 'https',
        'x-forwarded-for': '203.0.113.8',
      },
      payload: JSON.stringify({ email: 'hana@acme.test', password: 'wrong wrong wrong' }),
    });
    expect(wrong.statusCode).toBe(401);
    expect(await db.query('select key from login_attempt where key like $1', ['ip:%'])).toEqual([{ key: 'ip:203.0.113.8' }]);
  });

  it('without TRUST_PROXY, ignores X-Forwarded-Proto: no Secure cookie, no HSTS', async () => {
    const r = await untrusted.inject({
      method: 'POST',
      url: '/trpc/auth.signIn',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:80', 'x-forwarded-proto': 'https' },
      payload: JSON.stringify({ email: 'hana@acme.test', password: SETUP.password }),
    });
    expect(r.statusCode).toBe(200);
    expect(String(r.headers['set-cookie'])).toMatch(/^merit_session=/);
    expect(r.headers['strict-transport-security']).toBeUndefined();
  });
});
