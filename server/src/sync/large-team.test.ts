import { uuidv7 } from '@merit/shared/ids';
import { type Change, PROTOCOL_VERSION, type PullOutput } from '@merit/shared/sync/protocol';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../auth/sessions';
import type { Db } from '../db/client';
import { JSON_SAME_ORIGIN, testApp } from '../http/http-test-kit';
import { createPerson, testEnv } from '../test/context';
import { openTestDb } from '../test/harness';
import { insertTeam } from '../test/team-fixture';
import { type ChangeBus, createChangeBus } from './bus';

let db: Db;
let bus: ChangeBus;
let app: FastifyInstance;
beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  app = (await testApp(db, bus)).app;
});
afterAll(async () => {
  await app.close();
  await bus.close();
  await db.close();
});

/** One pull page over HTTP, as the client's link sends it: a POST of the input, JSON, same origin. */
async function pullPage(cookie: string, deviceId: string, cursor: string | null): Promise<{ page: PullOutput; requestBytes: number }> {
  const payload = JSON.stringify({ protocol: PROTOCOL_VERSION, deviceId, cursor });
  const r = await app.inject({ method: 'POST', url: '/trpc/sync.pull', headers: { ...JSON_SAME_ORIGIN, cookie }, payload });
  expect(r.statusCode).toBe(200);
  return { page: (r.json() as { result: { data: PullOutput } }).result.data, requestBytes: payload.length };
}

async function syncAll(cookie: string, deviceId: string) {
  const changes: Change[] = [];
  let cursor: string | null = null;
  let pages = 0;
  let largest = 0;
  for (;;) {
    const { page, requestBytes } = await pullPage(cookie, deviceId, cursor);
    pages++;
    largest = Math.max(largest, requestBytes);
    changes.push(...page.changes);
    if (page.hasMore && page.cursor === cursor) throw new Error('the cursor did not move');
    cursor = page.cursor;
    if (!page.hasMore) return { changes, cursor, pages, largest };
  }
}

describe.each([
  ['a manager', 'employee'],
  ['HR at the top of the organisation', 'hr'],
] as const)('%s with 500 direct reports (S6, S8)', (_who, role) => {
  it('syncs completely through paged POST pulls: every shared row, no private one', async () => {
    const boss = await createPerson(db, { role });
    const reports = await insertTeam(db, boss.id, 500, role);
    const cookie = `merit_session=${await createSession(db, boss.id, testEnv, 'vitest')}`;
    const deviceId = uuidv7();

    const { changes, cursor, pages, largest } = await syncAll(cookie, deviceId);
    // 500 reports x 3 shared rows: more than one page, and a cursor far past the 2,000-character URL the GET had.
    expect(pages).toBeGreaterThan(2);
    expect(cursor.length).toBeGreaterThan(20_000);
    expect(largest).toBeGreaterThan(20_000);

    const byTable = (t: string) => changes.filter((c) => c.table === t && c.row !== null);
    const owners = (t: string) => new Set(byTable(t).map((c) => String(c.row?.ownerId)));
    for (const t of ['wins', 'goals', 'checkins']) {
      expect(byTable(t)).toHaveLength(500);
      expect([...owners(t)].sort()).toEqual(reports);
    }
    expect(byTable('wins').every((c) => c.row?.visibility === 'manager')).toBe(true);
    expect(new Set(changes.map((c) => `${c.table}:${c.id}`)).size).toBe(changes.length);

    // Up to date: the next pull is empty and keeps the cursor.
    const { page } = await pullPage(cookie, deviceId, cursor);
    expect(page).toMatchObject({ changes: [], hasMore: false, reset: false, cursor });
  });
});

it('S6: a query over POST still needs JSON from the same origin (CSRF guard)', async () => {
  const p = await createPerson(db);
  const cookie = `merit_session=${await createSession(db, p.id, testEnv, 'vitest')}`;
  const payload = JSON.stringify({ protocol: PROTOCOL_VERSION, deviceId: uuidv7(), cursor: null });
  const form = await app.inject({ method: 'POST', url: '/trpc/sync.pull', headers: { 'content-type': 'text/plain', cookie }, payload });
  expect(form.statusCode).toBe(415);
  const crossSite = await app.inject({
    method: 'POST',
    url: '/trpc/sync.pull',
    headers: { ...JSON_SAME_ORIGIN, cookie, 'sec-fetch-site': 'cross-site' },
    payload,
  });
  expect(crossSite.statusCode).toBe(403);
});
