import { uuidv7 } from '@merit/shared/ids';
import { MUTATIONS, type MutationName } from '@merit/shared/mutations';
import { type Mutation, PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { createReviewFixture } from '../reviews/fixture';
import { callerAs, createPerson, type TestPerson } from '../test/context';
import { openTestDb } from '../test/harness';
import { type ChangeBus, createChangeBus } from './bus';

// S16, S50: every long text a person types is merged, or kept as a conflict copy in their inbox, on the server.

let db: Db;
let bus: ChangeBus;
let boss: TestPerson;
let ann: TestPerson;

beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  boss = await createPerson(db, { name: 'Boss' });
  ann = await createPerson(db, { name: 'Ann', managerId: boss.id });
});
afterAll(async () => {
  await bus.close();
  await db.close();
});

/** One device (phone A, phone B) of one person: numbered mutations, one push each. */
function device(p: TestPerson) {
  const c = callerAs(db, bus, p);
  const id = uuidv7();
  let next = 1;
  return async (name: string, args: unknown) => {
    const mutations: Mutation[] = [{ id: next++, name, args, createdAt: Date.now() }];
    const out = await c.sync.push({ protocol: PROTOCOL_VERSION, deviceId: id, mutations });
    return out.results[0];
  };
}

const inbox = (owner: string) =>
  db.query<{ name: string; code: string; message: string; args: unknown }>(
    "select name, code, message, args from rejection where owner_id = $1 and code = 'CONFLICT' order by id",
    [owner],
  );

const BASE = 'I led the billing migration and we shipped it on time';
const MINE_A = 'I led the billing migration and we shipped it two weeks early';
const MINE_B = 'I led the billing migration and we shipped it without any downtime';
const FRONT = 'Together with Sam I led the billing migration and we shipped it on time';

interface Case {
  who: () => TestPerson;
  /** Makes the record holding BASE; returns its id. */
  setup(push: (name: string, args: unknown) => Promise<unknown>): Promise<string>;
  /** The edit of the long text to `text`, edited from `base`. */
  edit(id: string, text: string, base: string): unknown;
  /** The stored text, read back with SQL. */
  stored(id: string): Promise<string | undefined>;
}

const one = async (sql: string, id: string) => (await db.query<{ t: string }>(sql, [id]))[0]?.t;
const patchEdit = (field: string) => (id: string, text: string, base: string) => ({
  id,
  patch: { [field]: text },
  base: { [field]: base },
});

const reviewCase = (side: 'self' | 'manager'): Case => ({
  who: () => (side === 'self' ? ann : boss),
  async setup(push) {
    const { reviewId } = await createReviewFixture(db, { ownerId: ann.id, managerId: boss.id });
    const q = side === 'self' ? 'well' : 'summary';
    if (side === 'manager') await db.query("update review set state = 'self_submitted' where id = $1", [reviewId]);
    await push('review.answer@1', { id: reviewId, side, questionId: q, answer: { text: BASE } });
    return reviewId;
  },
  edit: (id, text, base) => ({
    id,
    side,
    questionId: side === 'self' ? 'well' : 'summary',
    answer: { text },
    base: { text: base },
  }),
  stored: (id) => one(`select ${side}_answers->'${side === 'self' ? 'well' : 'summary'}'->>'text' as t from review where id = $1`, id),
});

const CASES: Partial<Record<MutationName, Case>> = {
  'review.answer@1': reviewCase('self'),
  'win.update@1': {
    who: () => ann,
    setup: async (push) => {
      const id = uuidv7();
      await push('win.create@1', { id, title: 'Billing', date: '2026-11-02', visibility: 'private', description: BASE });
      return id;
    },
    edit: patchEdit('description'),
    stored: (id) => one('select description as t from win where id = $1', id),
  },
  'goal.update@1': {
    who: () => ann,
    setup: async (push) => {
      const id = uuidv7();
      const kr = { id: 'k1', title: 'Customers', kind: 'number', start: 0, target: 10, unit: '', weight: 1, current: null };
      await push('goal.create@1', {
        id,
        title: 'Billing',
        description: BASE,
        periodStart: '2026-10-01',
        dueDate: '2026-12-31',
        visibility: 'private',
        keyResults: [kr],
      });
      return id;
    },
    edit: patchEdit('description'),
    stored: (id) => one('select description as t from goal where id = $1', id),
  },
  'note.update@1': {
    who: () => ann,
    setup: async (push) => {
      const id = uuidv7();
      await push('note.create@1', { id, body: BASE, date: '2026-11-02' });
      return id;
    },
    edit: patchEdit('body'),
    stored: (id) => one('select body as t from note where id = $1', id),
  },
  'feedback.update@1': {
    who: () => ann,
    setup: async (push) => {
      const id = uuidv7();
      await push('feedback.create@1', { id, fromName: 'Sam', date: '2026-11-02', body: BASE });
      return id;
    },
    edit: patchEdit('body'),
    stored: (id) => one('select body as t from feedback where id = $1', id),
  },
  'managerNote.update@1': {
    who: () => boss,
    setup: async (push) => {
      const id = uuidv7();
      await push('managerNote.create@1', { id, subjectId: ann.id, body: BASE, date: '2026-11-02' });
      return id;
    },
    edit: patchEdit('body'),
    stored: (id) => one('select body as t from manager_note where id = $1', id),
  },
};

const declared = (Object.keys(MUTATIONS) as MutationName[]).filter((n) => MUTATIONS[n].longText !== undefined);

describe('long text on two offline devices (S16, S50)', () => {
  it('S50: every mutation that declares long text has a case here', () => {
    expect(Object.keys(CASES).sort()).toEqual([...declared].sort());
  });

  it('S50 (issue 10 item 4): two phones rewrite the same sentence of a self-review answer, A first: A is stored, B is a conflict copy in the inbox', async () => {
    const c = reviewCase('self');
    const phoneA = device(ann);
    const phoneB = device(ann);
    const id = await c.setup(phoneA);
    expect(await phoneA('review.answer@1', c.edit(id, MINE_A, BASE))).toEqual({ id: 2, status: 'applied' });
    const b = await phoneB('review.answer@1', c.edit(id, MINE_B, BASE));
    expect(b).toMatchObject({ status: 'applied', code: 'CONFLICT', message: expect.stringContaining('answer') });
    expect(await c.stored(id)).toBe(MINE_A);
    const copies = (await inbox(ann.id)).filter((r) => JSON.stringify(r.args).includes(MINE_B));
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ name: 'review.answer@1', args: { answer: { text: MINE_B } } });
  });

  it('S50: the manager side of a review answer too', async () => {
    const c = reviewCase('manager');
    const laptop = device(boss);
    const phone = device(boss);
    const id = await c.setup(laptop);
    await laptop('review.answer@1', c.edit(id, MINE_A, BASE));
    expect(await phone('review.answer@1', c.edit(id, MINE_B, BASE))).toMatchObject({ code: 'CONFLICT' });
    expect(await c.stored(id)).toBe(MINE_A);
    expect((await inbox(boss.id)).some((r) => JSON.stringify(r.args).includes(MINE_B))).toBe(true);
  });

  it.each(declared)('S16, S50: %s merges disjoint edits and keeps a clashing one as a conflict copy with its text', async (name) => {
    const c = CASES[name];
    if (!c) throw new Error(`no case for ${name}`);
    const one = device(c.who());
    const two = device(c.who());
    const id = await c.setup(one);
    // Disjoint edits (one at the front, one at the end) both survive.
    await one(name, c.edit(id, FRONT, BASE));
    expect(await two(name, c.edit(id, MINE_A, BASE))).toEqual({ id: 1, status: 'applied' });
    const merged = 'Together with Sam I led the billing migration and we shipped it two weeks early';
    expect(await c.stored(id)).toBe(merged);
    // The same words changed on both: the stored text stays and the other is in the author's inbox.
    await one(name, c.edit(id, `${merged}!`, merged));
    const before = (await inbox(c.who().id)).length;
    expect(await two(name, c.edit(id, `${merged}?`, merged))).toMatchObject({ status: 'applied', code: 'CONFLICT' });
    expect(await c.stored(id)).toBe(`${merged}!`);
    const after = await inbox(c.who().id);
    expect(after).toHaveLength(before + 1);
    expect(JSON.stringify(after.at(-1)?.args)).toContain(`${merged}?`);
    expect(after.at(-1)?.message).toContain(MUTATIONS[name].longText?.label ?? '?');
  });
});
