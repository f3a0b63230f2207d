import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { openTestDb } from '../test/harness';
import { ASSET, ASSET_TEXT, INDEX_HTML, testApp } from './http-test-kit';

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

const get = (url: string, accept = 'text/html,application/xhtml+xml,*/*;q=0.8', encoding?: string) =>
  app.inject({ method: 'GET', url, headers: { accept, ...(encoding === undefined ? {} : { 'accept-encoding': encoding }) } });

const decode = (r: { headers: Record<string, unknown>; rawPayload: Buffer }) => {
  const enc = r.headers['content-encoding'];
  const raw = r.rawPayload;
  return (enc === 'br' ? brotliDecompressSync(raw) : enc === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
};

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

describe('compressed on the wire (issue 15)', () => {
  it("sends the build's brotli copy to a browser that accepts it, and says the answer varies by Accept-Encoding", async () => {
    const r = await get(`/${ASSET}`, '*/*', 'gzip, deflate, br, zstd');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers.vary).toMatch(/accept-encoding/i);
    expect(r.headers['content-type']).toMatch(/javascript/);
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(r.rawPayload.length).toBeLessThan(ASSET_TEXT.length / 4);
    expect(decode(r)).toBe(ASSET_TEXT);
  });

  it('sends gzip where brotli is not accepted, and the plain file where nothing is', async () => {
    const gz = await get(`/${ASSET}`, '*/*', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decode(gz)).toBe(ASSET_TEXT);
    for (const encoding of [undefined, 'identity']) {
      const plain = await get(`/${ASSET}`, '*/*', encoding);
      expect({ encoding, ce: plain.headers['content-encoding'], body: plain.body }).toEqual({ encoding, ce: undefined, body: ASSET_TEXT });
      expect(plain.headers.vary).toMatch(/accept-encoding/i);
    }
  });

  it('compresses the app shell of a client-side route too, still revalidated', async () => {
    const r = await get('/wins?tag=x', 'text/html', 'br');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(decode(r)).toBe(INDEX_HTML);
  });

  it('compresses on the fly a text file the build left without copies', async () => {
    const r = await get('/sw.js', '*/*', 'br, gzip');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(decode(r)).toContain('addEventListener');
  });
});
