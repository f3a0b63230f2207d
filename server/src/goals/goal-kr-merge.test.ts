import type { KeyResult } from '@merit/shared/domain/goal';
import { uuidv7 } from '@merit/shared/ids';
import { type Mutation, PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { callerAs, createPerson, type TestPerson } from '../test/context';
import { openTestDb } from '../test/harness';

let db: Db;
let bus: ChangeBus;
let ann: TestPerson;

beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  ann = await createPerson(db, { name: 'Ann' });
});
afterAll(async () => {
  await bus.close();
  await db.close();
});

const k1: KeyResult = { id: 'k1', title: 'Customers signed', kind: 'number', start: 0, target: 10, unit: '', weight: 2, current: null };
const k2: KeyResult = { id: 'k2', title: 'Churn', kind: 'percent', start: 8, target: 4, unit: '%', weight: 1, current: null };
const base = [k1, k2];

/** One device of Ann: numbered mutations, each pushed alone (as a device that comes back online sends them). */
function device() {
  const c = callerAs(db, bus, ann);
  const deviceId = uuidv7();
  let next = 1;
  return async (name: string, args: unknown) => {
    const m: Mutation = { id: next++, name, args, createdAt: Date.now() };
    const out = await c.sync.push({ protocol: PROTOCOL_VERSION, deviceId, mutations: [m] });
    return out.results[0];
  };
}

async function newGoal() {
  const id = uuidv7();
  const r = await device()('goal.create@1', {
    id,
    title: 'Grow the pilot',
    periodStart: '2026-10-01',
    dueDate: '2026-12-31',
    visibility: 'manager',
    keyResults: base,
  });
  expect(r).toMatchObject({ status: 'applied' });
  return id;
}

async function storedKrs(id: string): Promise<KeyResult[]> {
  const [row] = await db.query<{ key_results: KeyResult[] }>('select key_results from goal where id = $1', [id]);
  return row?.key_results ?? [];
}

describe('S21: key results merge per id and per field through push', () => {
  it('two devices edit different key results offline; both edits survive, in either order of arrival', async () => {
    for (const phoneFirst of [true, false]) {
      const goal = await newGoal();
      const phone = device();
      const laptop = device();
      const fromPhone = { id: goal, patch: { keyResults: [{ ...k1, target: 12 }, k2] }, base: { keyResults: base } };
      const fromLaptop = { id: goal, patch: { keyResults: [k1, { ...k2, title: 'Monthly churn' }] }, base: { keyResults: base } };
      const order = phoneFirst ? [phone, laptop] : [laptop, phone];
      const args = phoneFirst ? [fromPhone, fromLaptop] : [fromLaptop, fromPhone];
      expect(await order[0]?.('goal.update@1', args[0])).toMatchObject({ status: 'applied' });
      expect(await order[1]?.('goal.update@1', args[1])).toMatchObject({ status: 'applied' });
      expect(await storedKrs(goal)).toEqual([
        { ...k1, target: 12 },
        { ...k2, title: 'Monthly churn' },
      ]);
    }
  });

  it('a current set on one device is not overwritten by an edit from a stale list; a key result added elsewhere stays', async () => {
    const goal = await newGoal();
    const phone = device();
    const laptop = device();
    const k3: KeyResult = { ...k1, id: 'k3', title: 'Demos given' };
    await phone('goal.update@1', { id: goal, patch: { keyResults: [{ ...k1, current: 6 }, k2, k3] }, base: { keyResults: base } });
    expect(
      await laptop('goal.update@1', {
        id: goal,
        patch: { title: 'Grow the pilot fast', keyResults: [k1, { ...k2, weight: 3 }] },
        base: { keyResults: base },
      }),
    ).toMatchObject({ status: 'applied' });
    expect(await storedKrs(goal)).toEqual([{ ...k1, current: 6 }, { ...k2, weight: 3 }, k3]);
  });

  it('without a base the list replaces the stored one, as older clients expect', async () => {
    const goal = await newGoal();
    await device()('goal.update@1', { id: goal, patch: { keyResults: [{ ...k1, current: 6 }, k2] }, base: { keyResults: base } });
    await device()('goal.update@1', { id: goal, patch: { keyResults: [k1] } });
    expect(await storedKrs(goal)).toEqual([k1]);
  });

  it('a merge that would leave no key result is refused into the inbox with its text', async () => {
    const goal = await newGoal();
    await device()('goal.update@1', { id: goal, patch: { keyResults: [k2] }, base: { keyResults: base } });
    const args = { id: goal, patch: { keyResults: [k1] }, base: { keyResults: base } };
    expect(await device()('goal.update@1', args)).toMatchObject({ status: 'rejected', code: 'VALIDATION' });
    expect(await storedKrs(goal)).toEqual([k2]);
    const inbox = await db.query<{ args: unknown }>("select args from rejection where owner_id = $1 and code = 'VALIDATION'", [ann.id]);
    expect(inbox.map((x) => x.args)).toContainEqual(args);
  });
});
