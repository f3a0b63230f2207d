import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 } from '@merit/shared/ids';
import { PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import pg from 'pg';
import { it } from 'vitest';
import type { Db } from '../server/src/db/client';
import { migrate } from '../server/src/db/migrate';
import { openPg } from '../server/src/db/pg';
import { openPglite } from '../server/src/db/pglite';
import { createChangeBus } from '../server/src/sync/bus';
import { callerAs, createPerson } from '../server/src/test/context';
import type { Api } from '../test/support/api';
import { withScratchPg } from './scratch-pg';
import { startSignedIn } from './session';
import { record, round } from './support';

const N = 1000;

/** The same N win rows in ONE multi-row INSERT, in one transaction: what the database alone costs to store them. */
async function floor(db: Db, ownerId: string): Promise<number> {
  const ids = Array.from({ length: N }, () => uuidv7());
  const t0 = performance.now();
  await db.tx(async (q) => {
    await q.query(
      `insert into win (id, owner_id, title, description, date, tags, visibility, created_at, updated_at, version)
       select id, $2, 'Floor ' || n, '', '2026-11-20', array['bench']::text[], 'private', 0, 0, n
       from unnest($1::uuid[]) with ordinality as t(id, n)`,
      [ids, ownerId],
    );
  });
  return performance.now() - t0;
}

/** The same 1,000 mutations over HTTP to the built server, on a data directory on disk, in batches of 100. */
async function pushOverHttp(api: Api): Promise<number> {
  const deviceId = uuidv7();
  const t0 = performance.now();
  for (let b = 0; b < N / 100; b++) {
    const mutations = Array.from({ length: 100 }, (_, i) => {
      const id = b * 100 + i + 1;
      return {
        id,
        name: 'win.create@1',
        args: { id: uuidv7(), title: `Win ${id}`, date: '2026-11-20', tags: ['bench'], visibility: 'private' },
        createdAt: 0,
      };
    });
    const out = await api.mutation<{ lastMutationId: number }>('sync.push', { protocol: PROTOCOL_VERSION, deviceId, mutations });
    if (out.lastMutationId !== (b + 1) * 100) throw new Error(`push stopped at ${out.lastMutationId}`);
  }
  return performance.now() - t0;
}

async function pushThousand(db: Db): Promise<{ ms: number; floorMs: number }> {
  const bus = await createChangeBus(db);
  const person = await createPerson(db);
  const floorMs = await floor(db, (await createPerson(db)).id);
  const caller = callerAs(db, bus, person);
  const deviceId = uuidv7();
  const t0 = performance.now();
  for (let b = 0; b < N / 100; b++) {
    const mutations = Array.from({ length: 100 }, (_, i) => {
      const id = b * 100 + i + 1;
      return {
        id,
        name: 'win.create@1',
        args: { id: uuidv7(), title: `Win ${id}`, date: '2026-11-20', tags: ['bench'], visibility: 'private' },
        createdAt: 0,
      };
    });
    const out = await caller.sync.push({ protocol: PROTOCOL_VERSION, deviceId, mutations });
    if (out.lastMutationId !== (b + 1) * 100) throw new Error(`push stopped at ${out.lastMutationId}`);
  }
  const ms = performance.now() - t0;
  await bus.close();
  return { ms, floorMs };
}

function report(kind: string, r: { ms: number; floorMs: number }, target: number) {
  record({
    [`push-1000-wins-${kind}`]: { value: round(r.ms, 0), unit: 'ms', floor: round(r.floorMs, 0), target: null },
    [`push-throughput-${kind}`]: {
      value: round((N / r.ms) * 1000, 0),
      unit: 'mutations/s',
      floor: round((N / r.floorMs) * 1000, 0),
      target: `>= ${target}`,
    },
  });
}

it('push of 1,000 win mutations on PGlite', async () => {
  const db = await openPglite(null);
  await migrate(db);
  report('pglite', await pushThousand(db), 2500);
  await db.close();
});

it('push of 1,000 win mutations on PostgreSQL', async () => {
  const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  const name = `merit_bench_${process.pid}`;
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  try {
    const db = await openPg(`postgres://postgres@127.0.0.1:5432/${name}`);
    await migrate(db);
    report('pg', await pushThousand(db), 4000);
    await db.close();
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
});

it('push of 1,000 win mutations over HTTP to the built server (PGlite on disk, then PostgreSQL)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'merit-bench-floor-'));
  try {
    // The floor on a PGlite of its own on disk (the server's directory is locked while it runs), same settings.
    const fdb = await openPglite(join(dir, 'pg'));
    await migrate(fdb);
    const floorMs = await floor(fdb, (await createPerson(fdb)).id);
    await fdb.close();
    const { server, api } = await startSignedIn();
    try {
      await pushOverHttp(api);
      reportHttp('pglite', { ms: await pushOverHttp(api), floorMs }, 2500);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await withScratchPg('merit_bench_push', async (url) => {
    const { server, api } = await startSignedIn({ DATABASE_URL: url });
    try {
      await pushOverHttp(api);
      const ms = await pushOverHttp(api);
      const db = await openPg(url);
      const floorMs = await floor(db, (await createPerson(db)).id);
      await db.close();
      reportHttp('pg', { ms, floorMs }, 4000);
    } finally {
      await server.stop();
    }
  });
});

function reportHttp(kind: string, r: { ms: number; floorMs: number }, target: number) {
  record({
    [`push-throughput-http-${kind}`]: {
      value: round((N / r.ms) * 1000, 0),
      unit: 'mutations/s',
      floor: round((N / r.floorMs) * 1000, 0),
      target: `>= ${target} (ratio ${round(r.floorMs / r.ms, 2)} of the multi-row INSERT)`,
    },
  });
}
