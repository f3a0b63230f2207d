import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../auth/sessions';
import type { Db } from '../db/client';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { createPerson, testEnv } from '../test/context';
import { openTestDb } from '../test/harness';
import { testApp } from './http-test-kit';

let db: Db;
let bus: ChangeBus;
beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
});
afterAll(async () => {
  await bus.close().catch(() => undefined);
  await db.close().catch(() => undefined);
});

describe('a listening server', () => {
  it('streams live pokes over SSE, and still stops promptly with a stream open', async () => {
    const { app } = await testApp(db, bus);
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const p = await createPerson(db, {});
    const token = await createSession(db, p.id, testEnv, 'vitest');
    const res = await fetch(`${address}/trpc/sync.live`, { headers: { accept: 'text/event-stream', cookie: `merit_session=${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body?.getReader();
    let text = '';
    while (reader && !text.includes('"at"')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    expect(text).toMatch(/data: \{"at":\d+\}/);
    const t0 = Date.now();
    await app.close();
    expect(Date.now() - t0).toBeLessThan(5000);
    await reader?.cancel().catch(() => undefined);
  });

  it('/healthz answers 503 when the database is gone', async () => {
    const { app } = await testApp(db, bus);
    await bus.close();
    await db.close();
    const r = await app.inject({ method: 'GET', url: '/healthz' });
    expect(r.statusCode).toBe(503);
    expect(r.json()).toMatchObject({ ok: false });
    await app.close();
  });
});
