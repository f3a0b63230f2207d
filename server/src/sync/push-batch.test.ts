import { uuidv7 } from '@merit/shared/ids';
import { type Mutation, PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { callerAs, createPerson } from '../test/context';
import { openTestDb } from '../test/harness';
import { type ChangeBus, createChangeBus } from './bus';

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

const P = PROTOCOL_VERSION;
const create = (id: number, winId: string, title: string): Mutation => ({
  id,
  name: 'win.create@1',
  args: { id: winId, title, date: '2026-11-20', visibility: 'private' },
  createdAt: 0,
});
const update = (id: number, winId: string, title: string): Mutation => ({
  id,
  name: 'win.update@1',
  args: { id: winId, patch: { title } },
  createdAt: 0,
});

async function results(deviceId: string) {
  return db.query<{ mutation_id: number; status: string; code: string | null }>(
    'select mutation_id, status, code from mutation_result where device_id = $1 order by seq',
    [deviceId],
  );
}

async function spaceRows(ownerId: string) {
  const wins = await db.query<{ id: string; title: string; version: number }>('select id, title, version from win where owner_id = $1', [
    ownerId,
  ]);
  const rejections = await db.query<{ id: string; mutation_id: number; code: string; version: number }>(
    'select id, mutation_id, code, version from rejection where owner_id = $1',
    [ownerId],
  );
  const space = await db.query<{ version: number }>('select version from space where id = $1', [ownerId]);
  return { wins, rejections, spaceVersion: space[0]?.version ?? 0 };
}

describe('push: one transaction per batch (S3, S4, S5, S7)', () => {
  it('S5: in a batch of 5 whose 3rd mutation is refused, the others apply and every result is recorded in order', async () => {
    const p = await createPerson(db);
    const c = callerAs(db, bus, p);
    const deviceId = uuidv7();
    const ids = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    const batch = [
      create(1, ids[0] ?? '', 'First'),
      create(2, ids[1] ?? '', 'Second'),
      update(3, uuidv7(), 'An edit of a win that does not exist'),
      create(4, ids[2] ?? '', 'Fourth'),
      create(5, ids[3] ?? '', 'Fifth'),
    ];
    const out = await c.sync.push({ protocol: P, deviceId, mutations: batch });
    expect(out.lastMutationId).toBe(5);
    expect(out.results.map((r) => [r.id, r.status])).toEqual([
      [1, 'applied'],
      [2, 'applied'],
      [3, 'rejected'],
      [4, 'applied'],
      [5, 'applied'],
    ]);
    expect(out.results[2]?.code).toBe('NOT_FOUND');
    expect((await results(deviceId)).map((r) => [r.mutation_id, r.status])).toEqual([
      [1, 'applied'],
      [2, 'applied'],
      [3, 'rejected'],
      [4, 'applied'],
      [5, 'applied'],
    ]);
    const s = await spaceRows(p.id);
    expect(s.wins.map((w) => w.id).sort()).toEqual([...ids].sort());
    expect(s.rejections).toMatchObject([{ mutation_id: 3, code: 'NOT_FOUND' }]);
    // S7: each row written got its own version, handed out in the order the batch wrote them, up to the space's.
    const order = [ids[0], ids[1], s.rejections[0]?.id, ids[2], ids[3]];
    const versionOf = (id: string | undefined) => [...s.wins, ...s.rejections].find((r) => r.id === id)?.version;
    expect(order.map(versionOf)).toEqual([1, 2, 3, 4, 5]);
    expect(s.spaceVersion).toBe(5);
  });

  it('S7: a win created and edited in one batch is written once, with the version of its last write', async () => {
    const p = await createPerson(db);
    const c = callerAs(db, bus, p);
    const deviceId = uuidv7();
    const a = uuidv7();
    const b = uuidv7();
    const out = await c.sync.push({
      protocol: P,
      deviceId,
      mutations: [create(1, a, 'Draft'), create(2, b, 'Other'), update(3, a, 'Final title')],
    });
    expect(out.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const s = await spaceRows(p.id);
    expect(s.wins.find((w) => w.id === a)).toMatchObject({ title: 'Final title', version: 2 });
    expect(s.wins.find((w) => w.id === b)).toMatchObject({ title: 'Other', version: 1 });
    const pulled = await c.sync.pull({ protocol: P, deviceId, cursor: null });
    expect(pulled.changes.map((ch) => [ch.id, ch.row?.title])).toEqual([
      [b, 'Other'],
      [a, 'Final title'],
    ]);
    expect(pulled.lastMutationId).toBe(3);
  });

  it('S3: a batch resent after a lost response answers the recorded results and applies only what is new', async () => {
    const p = await createPerson(db);
    const c = callerAs(db, bus, p);
    const deviceId = uuidv7();
    const w = uuidv7();
    const first = [create(1, w, 'Once'), { id: 2, name: 'win.explode@9', args: {}, createdAt: 0 }];
    await c.sync.push({ protocol: P, deviceId, mutations: first });
    const again = await c.sync.push({
      protocol: P,
      deviceId,
      mutations: [...first, create(3, uuidv7(), 'New'), create(5, uuidv7(), 'Gap')],
    });
    expect(again).toEqual({
      lastMutationId: 3,
      results: [
        { id: 1, status: 'duplicate' },
        { id: 2, status: 'duplicate', code: 'UNKNOWN_MUTATION', message: 'Unknown change "win.explode@9"' },
        { id: 3, status: 'applied' },
      ],
    });
    expect((await spaceRows(p.id)).wins).toHaveLength(2);
    expect((await results(deviceId)).map((r) => r.mutation_id)).toEqual([1, 2, 3]);
  });

  it('S44, S40: a NUL character (which no PostgreSQL text column stores) is refused for that mutation alone; the rest lands', async () => {
    const p = await createPerson(db);
    const c = callerAs(db, bus, p);
    const deviceId = uuidv7();
    const batch = [
      create(1, uuidv7(), 'Kept'),
      create(2, uuidv7(), 'Kept too'),
      create(3, uuidv7(), 'bad \u0000 title'),
      create(4, uuidv7(), 'Later'),
    ];
    const out = await c.sync.push({ protocol: P, deviceId, mutations: batch });
    expect(out.lastMutationId).toBe(4);
    expect(out.results[2]).toMatchObject({
      id: 3,
      status: 'rejected',
      code: 'VALIDATION',
      message: 'title must not contain a NUL character',
    });
    expect((await results(deviceId)).map((r) => [r.mutation_id, r.status])).toEqual([
      [1, 'applied'],
      [2, 'applied'],
      [3, 'rejected'],
      [4, 'applied'],
    ]);
    expect((await spaceRows(p.id)).wins.map((w) => w.title).sort()).toEqual(['Kept', 'Kept too', 'Later']);
    // The inbox keeps the person's text, made storable (S45).
    const inbox = await db.query<{ args: { title: string } }>('select args from rejection where owner_id = $1', [p.id]);
    expect(inbox.map((r) => r.args.title)).toEqual(['bad \uFFFD title']);
  });

  it('S2: a batch for a device that belongs to another person changes nothing', async () => {
    const owner = await createPerson(db);
    const thief = await createPerson(db);
    const deviceId = uuidv7();
    await callerAs(db, bus, owner).sync.push({ protocol: P, deviceId, mutations: [create(1, uuidv7(), 'Mine')] });
    await expect(
      callerAs(db, bus, thief).sync.push({
        protocol: P,
        deviceId,
        mutations: [create(2, uuidv7(), 'Theirs'), create(3, uuidv7(), 'More')],
      }),
    ).rejects.toThrow(/another person/);
    expect((await spaceRows(thief.id)).wins).toEqual([]);
    expect((await results(deviceId)).map((r) => r.mutation_id)).toEqual([1]);
  });
});
