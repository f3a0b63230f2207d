import { uuidv7 } from '@merit/shared/ids';
import { LIMITS } from '@merit/shared/limits';
import { type Mutation, PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { callerAs, createPerson } from '../test/context';
import { openTestDb } from '../test/harness';
import { type ChangeBus, createChangeBus } from './bus';

/**
 * A poison mutation: one whose processing throws for reasons no rule sees. The database is made to refuse it
 * (a trigger, as a broken constraint or a bug would), so these tests need no hook in the product's code.
 */
let db: Db;
let bus: ChangeBus;

beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  await db.query(`create function merit_test_poison() returns trigger language plpgsql as $$
    begin
      if new.title like 'POISON%' then raise exception 'poisoned row %', new.title; end if;
      if new.title like 'TRANSIENT%' then raise exception 'try again' using errcode = '40001'; end if;
      return new;
    end $$`);
  await db.query('create trigger merit_test_poison before insert or update on win for each row execute function merit_test_poison()');
  // Recording a failure can fail too: a rejection whose args carry this marker cannot be stored.
  await db.query(`create function merit_test_no_record() returns trigger language plpgsql as $$
    begin
      if new.args::text like '%UNRECORDABLE%' then raise exception 'cannot record'; end if;
      return new;
    end $$`);
  await db.query('create trigger merit_test_no_record before insert on rejection for each row execute function merit_test_no_record()');
});
afterAll(async () => {
  await bus.close();
  await db.close();
});

const P = PROTOCOL_VERSION;
const create = (id: number, title: string): Mutation => ({
  id,
  name: 'win.create@1',
  args: { id: uuidv7(), title, date: '2026-11-20', visibility: 'private' },
  createdAt: 0,
});

async function setup() {
  const p = await createPerson(db);
  return { p, c: callerAs(db, bus, p), deviceId: uuidv7() };
}
const wins = async (ownerId: string) =>
  (await db.query<{ title: string }>('select title from win where owner_id = $1 order by title', [ownerId])).map((r) => r.title);
const inbox = async (ownerId: string) =>
  db.query<{ mutation_id: number; code: string; name: string; args: unknown; message: string }>(
    'select mutation_id, code, name, args, message from rejection where owner_id = $1 order by mutation_id',
    [ownerId],
  );
const lastApplied = async (deviceId: string) =>
  Number(
    (await db.query<{ last_mutation_id: number }>('select last_mutation_id from device where id = $1', [deviceId]))[0]?.last_mutation_id ??
      0,
  );

describe('no mutation can jam an outbox (S40)', () => {
  it.each([1, 37, LIMITS.pushBatchMax])(
    'S40: a poison mutation at position %i of a 100-entry outbox is filed as FAILED with its text; the other 99 land',
    async (k) => {
      const { p, c, deviceId } = await setup();
      const batch = Array.from({ length: LIMITS.pushBatchMax }, (_, i) => create(i + 1, i + 1 === k ? `POISON ${k}` : `Win ${1000 + i}`));
      const out = await c.sync.push({ protocol: P, deviceId, mutations: batch });
      expect(out.lastMutationId).toBe(100);
      expect(out.results).toHaveLength(100);
      expect(out.results.filter((r) => r.status === 'applied')).toHaveLength(99);
      expect(out.results[k - 1]).toMatchObject({ id: k, status: 'rejected', code: 'FAILED' });
      // Never the database's own words (SQL, the trigger's message) in what the device reads.
      expect(out.results[k - 1]?.message).not.toMatch(/poisoned|trigger|sql/i);
      expect(await wins(p.id)).toHaveLength(99);
      const filed = await inbox(p.id);
      expect(filed).toEqual([expect.objectContaining({ mutation_id: k, code: 'FAILED', name: 'win.create@1' })]);
      expect(filed[0]?.args).toMatchObject({ title: `POISON ${k}` });
      expect(await lastApplied(deviceId)).toBe(100);
      // A resend of the batch (a lost response) answers from the record: nothing applied twice.
      const again = await c.sync.push({ protocol: P, deviceId, mutations: batch });
      expect(again.results.every((r) => r.status === 'duplicate')).toBe(true);
      expect(again.results[k - 1]?.code).toBe('FAILED');
      expect(await wins(p.id)).toHaveLength(99);
    },
  );

  it('S40: two poison mutations in one batch are each filed; the mutations between and after them land', async () => {
    const { p, c, deviceId } = await setup();
    const out = await c.sync.push({
      protocol: P,
      deviceId,
      mutations: [create(1, 'A'), create(2, 'POISON one'), create(3, 'B'), create(4, 'POISON two'), create(5, 'C')],
    });
    expect(out.results.map((r) => r.code ?? r.status)).toEqual(['applied', 'FAILED', 'applied', 'FAILED', 'applied']);
    expect(await wins(p.id)).toEqual(['A', 'B', 'C']);
  });

  it('S4: a transient failure (serialization) stops the batch and files nothing: the device resends later', async () => {
    const { p, c, deviceId } = await setup();
    await expect(
      c.sync.push({ protocol: P, deviceId, mutations: [create(1, 'Fine'), create(2, 'TRANSIENT'), create(3, 'Later')] }),
    ).rejects.toThrow();
    expect(await inbox(p.id)).toEqual([]);
    expect(await lastApplied(deviceId)).toBe(0);
  });

  it('S40, S41: when even the failure cannot be recorded, the push fails (the device sets the entry aside); earlier ones commit', async () => {
    const { p, c, deviceId } = await setup();
    await expect(
      c.sync.push({ protocol: P, deviceId, mutations: [create(1, 'Before'), create(2, 'POISON UNRECORDABLE'), create(3, 'After')] }),
    ).rejects.toThrow();
    expect(await wins(p.id)).toEqual(['Before']);
    expect(await lastApplied(deviceId)).toBe(1);
  });

  it('S44, S45: hostile args are refused one mutation at a time, and the inbox row stores what can be stored', async () => {
    const { p, c, deviceId } = await setup();
    let deep: unknown = 'leaf';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const out = await c.sync.push({
      protocol: P,
      deviceId,
      mutations: [
        {
          id: 1,
          name: 'win.create@1',
          args: { id: uuidv7(), title: 'lone \uD800 surrogate', date: '2026-11-20', visibility: 'private' },
          createdAt: 0,
        },
        { id: 2, name: 'no.such\u0000thing@1', args: { text: 'a\u0000b', 'k\uDC00': 1 }, createdAt: 0 },
        { id: 3, name: 'win.update@1', args: { id: uuidv7(), patch: { title: 'x' }, base: deep }, createdAt: 0 },
        { id: 4, name: 'no.such@1', args: deep, createdAt: 0 },
        create(5, 'Good'),
      ],
    });
    expect(out.results.map((r) => [r.id, r.status, r.code])).toEqual([
      [1, 'rejected', 'VALIDATION'],
      [2, 'rejected', 'UNKNOWN_MUTATION'],
      [3, 'rejected', 'VALIDATION'],
      [4, 'rejected', 'UNKNOWN_MUTATION'],
      [5, 'applied', undefined],
    ]);
    expect(out.results[0]?.message).toBe('title contains a broken character (a lone surrogate)');
    expect(out.results[2]?.message).toMatch(/^base(\.0)* is nested too deeply/);
    expect(await wins(p.id)).toEqual(['Good']);
    const filed = await inbox(p.id);
    expect(filed.map((r) => r.mutation_id)).toEqual([1, 2, 3, 4]);
    expect(filed[1]).toMatchObject({ name: 'no.such\uFFFDthing@1', args: { text: 'a\uFFFDb', 'k\uFFFD': 1 } });
    expect(JSON.stringify(filed[3]?.args)).toContain('(too deeply nested)');
  });
});
