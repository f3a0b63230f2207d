import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { openTestDb } from '../test/harness';
import { testApp } from './http-test-kit';
import { metricsAllowed } from './metrics';

let db: Db;
let bus: ChangeBus;
beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
});
afterAll(async () => {
  await bus.close();
  await db.close();
});

describe('/metrics behind METRICS_TOKEN', () => {
  it('answers 401 with a Bearer challenge without the token or with a wrong one, and the figures with it', async () => {
    const { app } = await testApp(db, bus, { metricsToken: 's3cret-scrape-token' });
    try {
      for (const authorization of [undefined, 'Bearer wrong', 'Basic czNjcmV0LXNjcmFwZS10b2tlbg==', 'Bearer ', 's3cret-scrape-token']) {
        const r = await app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
        expect(r.statusCode, String(authorization)).toBe(401);
        expect(r.headers['www-authenticate']).toBe('Bearer realm="metrics"');
        expect(r.body).not.toContain('process_uptime_seconds');
      }
      const ok = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer s3cret-scrape-token' } });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toMatch(/^process_uptime_seconds \d/m);
      // The other routes do not ask for it.
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('stays open without a token (an operator who keeps /metrics on a private network)', async () => {
    const { app } = await testApp(db, bus, { metricsToken: null });
    try {
      expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('compares the whole token, case of the scheme aside', () => {
    expect(metricsAllowed('abc', 'bearer abc')).toBe(true);
    expect(metricsAllowed('abc', 'Bearer abcd')).toBe(false);
    expect(metricsAllowed('abc', 'Bearer ab')).toBe(false);
    expect(metricsAllowed(null, undefined)).toBe(true);
  });
});
