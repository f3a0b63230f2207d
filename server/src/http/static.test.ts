import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { openTestDb } from '../test/harness';
import { ASSET, INDEX_HTML, testApp } from './http-test-kit';

let db: Db;
let bus: ChangeBus;
let app: FastifyInstance;
beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  ({ app } = await testApp(db, bus));
});
afterAll(async () => {
  await app.close();
  await bus.close();
  await db.close();
});

const get = (url: string, accept = 'text/html,application/xhtml+xml,*/*;q=0.8') => app.inject({ method: 'GET', url, headers: { accept } });

describe('the built PWA', () => {
  it('caches hashed assets forever', async () => {
    const r = await get(`/${ASSET}`, '*/*');
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('never caches the shell, the service worker, Workbox or the manifest without revalidating', async () => {
    for (const url of ['/', '/index.html', '/sw.js', '/workbox-1a2b3c4d.js', '/manifest.webmanifest']) {
      const r = await get(url, '*/*');
      expect({ url, status: r.statusCode, cache: r.headers['cache-control'] }).toEqual({ url, status: 200, cache: 'no-cache' });
    }
  });

  it('answers client-side routes with index.html when a browser asks for a page', async () => {
    const r = await get('/goals/0190-abc?tab=krs');
    expect(r.statusCode).toBe(200);
    expect(r.body).toBe(INDEX_HTML);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.headers['cache-control']).toBe('no-cache');
  });

  it('does not answer API paths or non-page requests with the shell', async () => {
    for (const url of ['/trpc', '/trpc/a/b', '/healthz/x', '/metrics/x']) {
      const r = await get(url);
      expect({ url, status: r.statusCode }).toEqual({ url, status: 404 });
      expect(r.body).not.toContain(INDEX_HTML);
    }
    const missingAsset = await get('/assets/gone-123.js', '*/*');
    expect(missingAsset.statusCode).toBe(404);
    expect(missingAsset.json()).toEqual({ error: 'Not found' });
  });
});
