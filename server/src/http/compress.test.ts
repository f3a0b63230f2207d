import { request } from 'node:http';
import { brotliDecompressSync } from 'node:zlib';
import { uuidv7 } from '@merit/shared/ids';
import { type Mutation, PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../auth/sessions';
import type { Db } from '../db/client';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { callerAs, createPerson, type TestPerson, testEnv } from '../test/context';
import { openTestDb } from '../test/harness';
import { COMPRESS_THRESHOLD } from './compress';
import { testApp } from './http-test-kit';

let db: Db;
let bus: ChangeBus;
let app: FastifyInstance;
let ann: TestPerson;
let cookie: string;
const device = uuidv7();

const win = (id: number): Mutation => ({
  id,
  name: 'win.create@1',
  args: { id: uuidv7(), title: `Shipped the search page, part ${id}`, date: '2026-11-20', visibility: 'private' },
  createdAt: Date.now(),
});

beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  ({ app } = await testApp(db, bus));
  ann = await createPerson(db, {});
  cookie = `merit_session=${await createSession(db, ann.id, testEnv, 'vitest')}`;
  await callerAs(db, bus, ann).sync.push({ protocol: PROTOCOL_VERSION, deviceId: device, mutations: [1, 2, 3, 4, 5, 6, 7, 8].map(win) });
});
afterAll(async () => {
  await app.close();
  await bus.close();
  await db.close();
});

const pullUrl = `/trpc/sync.pull?input=${encodeURIComponent(JSON.stringify({ protocol: PROTOCOL_VERSION, deviceId: device, cursor: null }))}`;

describe('API answers on the wire (issue 15)', () => {
  it('compresses a pull page over the threshold with brotli, with its length and Vary', async () => {
    const plain = await app.inject({ method: 'GET', url: pullUrl, headers: { cookie } });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(COMPRESS_THRESHOLD);

    const r = await app.inject({ method: 'GET', url: pullUrl, headers: { cookie, 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers.vary).toMatch(/accept-encoding/i);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(Number(r.headers['content-length'])).toBe(r.rawPayload.length);
    expect(r.rawPayload.length).toBeLessThan(plain.body.length / 2);
    const body = JSON.parse(brotliDecompressSync(r.rawPayload).toString('utf8'));
    expect(body.result.data.changes).toHaveLength(8);
  });

  it("sends a small answer as it is, and keeps an error answer's status", async () => {
    const me = await app.inject({ method: 'GET', url: '/trpc/auth.me', headers: { cookie, 'accept-encoding': 'br, gzip' } });
    expect(me.statusCode).toBe(200);
    expect(me.headers['content-encoding']).toBeUndefined();
    expect(me.json().result.data.id).toBe(ann.id);

    const anonymous = await app.inject({ method: 'GET', url: pullUrl, headers: { 'accept-encoding': 'br, gzip' } });
    expect(anonymous.statusCode).toBe(401);
  });

  it('flushes each live event at once to a client that accepts br and gzip (S10)', async () => {
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const res = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
      const req = request(
        `${address}/trpc/sync.live`,
        { headers: { accept: 'text/event-stream', 'accept-encoding': 'br, gzip', cookie } },
        resolve,
      );
      req.on('error', reject);
      req.end();
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(res.headers['content-encoding']).toBeUndefined();
    res.setEncoding('utf8');
    let text = '';
    const waiters: (() => void)[] = [];
    res.on('data', (chunk: string) => {
      text += chunk;
      for (const w of waiters.splice(0)) w();
    });
    const dataEvents = () => text.split('\n\n').filter((e) => /^data: \{"at":\d+\}/m.test(e)).length;
    const until = async (n: number, ms: number) => {
      const deadline = Date.now() + ms;
      while (dataEvents() < n) {
        if (Date.now() > deadline) throw new Error(`${dataEvents()} of ${n} events after ${ms} ms:\n${text}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 20);
        });
      }
    };
    await until(1, 5000);
    const t0 = Date.now();
    await bus.publish([ann.id]);
    await until(2, 1000);
    expect(Date.now() - t0).toBeLessThan(1000);
    res.destroy();
  });
});
