import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 } from '@merit/shared/ids';
import type { Mutation, PullOutput, PushOutput } from '@merit/shared/sync/protocol';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { Api } from './support/api';
import { startServer } from './support/server';

const ROUNDS = 20;
const ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Issue 4's crash test: the server is SIGKILLed while pushes are in flight, 20 times; the device keeps
 * resending what the server has not confirmed. Afterwards every acknowledged mutation is there exactly
 * once, and nothing was applied twice (a second apply of a create would leave a CONFLICT refusal).
 */
async function crashRounds(env: Record<string, string>, dataDir: string) {
  let server = await startServer(env, { dataDir });
  const api = new Api(server.url);
  await api.mutation('setup.create', { orgName: 'Crash Co', name: 'Casey', email: 'casey@crash.test', password: 'crash-test-pw-1' });
  const deviceId = uuidv7();
  const outbox: Mutation[] = [];
  const acknowledged = new Set<number>();
  let serverLast = 0;
  const make = (n: number) => {
    for (let i = 0; i < n; i++) {
      const id = outbox.length + 1;
      outbox.push({
        id,
        name: 'win.create@1',
        args: { id: uuidv7(), title: `Crash win ${id}`, date: '2026-11-20', visibility: 'private' },
        createdAt: 0,
      });
    }
  };
  const pushOnce = async () => {
    const out = await api.mutation<PushOutput>('sync.push', {
      protocol: 1,
      deviceId,
      mutations: outbox.slice(serverLast, serverLast + 25),
    });
    serverLast = out.lastMutationId;
    for (const r of out.results) acknowledged.add(r.id);
  };
  for (let round = 0; round < ROUNDS; round++) {
    let alive = true;
    const load = (async () => {
      while (alive) {
        make(5);
        await pushOnce().catch(() => {
          alive = false;
        });
      }
    })();
    await new Promise((r) => setTimeout(r, 30 + Math.random() * 200));
    await server.stop('SIGKILL');
    alive = false;
    await load;
    server = await startServer(env, { dataDir });
    api.base = server.url;
  }
  while (serverLast < outbox.length) await pushOnce();
  let cursor: string | null = null;
  const titles: string[] = [];
  const refusals: unknown[] = [];
  for (;;) {
    const page: PullOutput = await api.query<PullOutput>('sync.pull', { protocol: 1, deviceId, cursor });
    for (const c of page.changes) {
      if (c.table === 'wins' && c.row) titles.push(String(c.row.title));
      if (c.table === 'rejections') refusals.push(c.row);
    }
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  await server.stop();
  expect(refusals).toEqual([]);
  expect(acknowledged.size).toBeGreaterThan(ROUNDS);
  expect(new Set(titles).size).toBe(titles.length);
  expect(titles.length).toBe(outbox.length);
  for (const id of acknowledged) expect(titles).toContain(`Crash win ${id}`);
}

describe('crash: SIGKILL during pushes (issue 4)', () => {
  it(`PGlite: ${ROUNDS} kills, every acknowledged mutation exactly once`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'merit-crash-'));
    try {
      await crashRounds({}, dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it(`PostgreSQL: ${ROUNDS} kills, every acknowledged mutation exactly once`, async () => {
    const admin = new pg.Client({ connectionString: ADMIN });
    await admin.connect();
    const name = `merit_crash_${process.pid}`;
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const dir = mkdtempSync(join(tmpdir(), 'merit-crash-'));
    try {
      await crashRounds({ DATABASE_URL: ADMIN.replace(/\/postgres$/, `/${name}`) }, dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
