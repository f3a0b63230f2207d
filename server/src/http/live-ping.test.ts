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
  await bus.close();
  await db.close();
});

/** Reads an SSE response until `done(text)` holds or `ms` pass; returns what arrived and when. */
async function readUntil(res: Response, done: (text: string) => boolean, ms: number) {
  const reader = res.body?.getReader();
  if (!reader) throw new Error('no body');
  const end = Date.now() + ms;
  let text = '';
  const stamps: { at: number; text: string }[] = [];
  while (!done(text) && Date.now() < end) {
    const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), end - Date.now()))]);
    if (!chunk || chunk.done) break;
    const piece = new TextDecoder().decode(chunk.value);
    stamps.push({ at: Date.now(), text: piece });
    text += piece;
  }
  await reader.cancel().catch(() => undefined);
  return { text, stamps };
}

describe('S63: keep-alive on live streams', () => {
  it('S63: an idle sync.live stream gets a ping event every SSE_PING_MS, and no poke data with it', async () => {
    const { app } = await testApp(db, bus, { ssePingMs: 100 });
    try {
      const address = await app.listen({ host: '127.0.0.1', port: 0 });
      const p = await createPerson(db, {});
      const token = await createSession(db, p.id, testEnv, 'vitest');
      const t0 = Date.now();
      const res = await fetch(`${address}/trpc/sync.live`, { headers: { accept: 'text/event-stream', cookie: `merit_session=${token}` } });
      expect(res.status).toBe(200);
      const { text } = await readUntil(res, (t) => (t.match(/event: ping/g) ?? []).length >= 3, 10_000);
      expect((text.match(/event: ping/g) ?? []).length).toBeGreaterThanOrEqual(3);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
      // The first poke only: a ping is not a change, so the device does not pull for it.
      expect((text.match(/data: \{"at":\d+\}/g) ?? []).length).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('S63: SSE_PING_MS=0 sends no ping', async () => {
    const { app } = await testApp(db, bus, { ssePingMs: 0 });
    try {
      const address = await app.listen({ host: '127.0.0.1', port: 0 });
      const p = await createPerson(db, {});
      const token = await createSession(db, p.id, testEnv, 'vitest');
      const res = await fetch(`${address}/trpc/sync.live`, { headers: { accept: 'text/event-stream', cookie: `merit_session=${token}` } });
      const { text } = await readUntil(res, () => false, 600);
      expect(text).toMatch(/data: \{"at":\d+\}/);
      expect(text).not.toContain('event: ping');
    } finally {
      await app.close();
    }
  });

  it('defaults to a ping every 25 s, below the idle timeouts of common proxies (nginx 60 s)', () => {
    expect(testEnv.ssePingMs).toBe(25_000);
  });
});
