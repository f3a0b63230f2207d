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
import { record, round } from './support';

const N = 1000;

/** Raw INSERT of N win rows in one transaction: what the database alone costs. */
async function floor(db: Db, ownerId: string): Promise<number> {
  const t0 = performance.now();
  await db.tx(async (q) => {
    for (let i = 0; i < N; i++) {
      await q.query(
        'insert into win (id, owner_id, title, description, date, tags, visibility, created_at, updated_at, version) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)',
        [uuidv7(), ownerId, `Floor ${i}`, '', '2026-11-20', ['bench'], 'private', 0, 0, i + 1],
      );
    }
  });
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
