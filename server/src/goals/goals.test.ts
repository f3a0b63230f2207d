import { uuidv7 } from '@merit/shared/ids';
import { type Change, type Mutation, PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import type { ChangeBus } from '../sync/bus';
import { createChangeBus } from '../sync/bus';
import { callerAs, createPerson, type TestPerson } from '../test/context';
import { openTestDb } from '../test/harness';

let db: Db;
let bus: ChangeBus;
let boss: TestPerson;
let ann: TestPerson;
let stranger: TestPerson;
let hr: TestPerson;

beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  await db.query(`insert into org (id, name) values (1, 'Acme') on conflict (id) do nothing`);
  boss = await createPerson(db, { name: 'Boss' });
  ann = await createPerson(db, { name: 'Ann', managerId: boss.id });
  stranger = await createPerson(db, { name: 'Stranger' });
  hr = await createPerson(db, { name: 'Hana', role: 'hr' });
});
afterAll(async () => {
  await bus.close();
  await db.close();
});

const P = PROTOCOL_VERSION;
const krs = [
  { id: 'k1', title: 'Customers signed', kind: 'number', start: 0, target: 10, unit: '', weight: 2, current: null },
  { id: 'k2', title: 'Churn', kind: 'percent', start: 8, target: 4, unit: '%', weight: 1, current: null },
];
const goalArgs = (id: string, visibility: 'private' | 'manager' | 'org', title = 'Grow the pilot') => ({
  id,
  title,
  periodStart: '2026-10-01',
  dueDate: '2026-12-31',
  visibility,
  keyResults: krs,
});

/** A device of one person: numbered mutations, push, and a full pull from scratch or from its cursor. */
function device(p: TestPerson) {
  const c = callerAs(db, bus, p);
  const id = uuidv7();
  let next = 1;
  let cursor: string | null = null;
  return {
    async push(name: string, args: unknown) {
      const m: Mutation = { id: next++, name, args, createdAt: Date.now() };
      const out = await c.sync.push({ protocol: P, deviceId: id, mutations: [m] });
      return out.results[0];
    },
    /** Several mutations in ONE push batch, as a device that was offline sends them. */
    async pushBatch(ms: { name: string; args: unknown }[]) {
      const batch: Mutation[] = ms.map((m) => ({ id: next++, name: m.name, args: m.args, createdAt: Date.now() }));
      return (await c.sync.push({ protocol: P, deviceId: id, mutations: batch })).results;
    },
    async pull(): Promise<Change[]> {
      const changes: Change[] = [];
      for (;;) {
        const page = await c.sync.pull({ protocol: P, deviceId: id, cursor, limit: 500 });
        changes.push(...page.changes);
        cursor = page.cursor;
        if (!page.hasMore) return changes;
      }
    },
  };
}
const ids = (changes: Change[], table: string) => changes.filter((c) => c.table === table && c.row).map((c) => c.id);
const tombstones = (changes: Change[], table: string) => changes.filter((c) => c.table === table && !c.row).map((c) => c.id);

async function inboxCodes(d: ReturnType<typeof device>) {
  return (await d.pull()).filter((c) => c.table === 'rejections' && c.row).map((c) => (c.row as { code: string }).code);
}

describe('goals and check-ins through sync', () => {
  it('S20, S4: a goal, its check-ins and a visibility change made offline arrive in one batch and link as if sent one by one', async () => {
    const lead = await createPerson(db, { name: 'Lead' });
    const dev = await createPerson(db, { name: 'Dev', managerId: lead.id });
    const phone = device(dev);
    const goal = uuidv7();
    const [c1, c2] = [uuidv7(), uuidv7()].sort();
    const results = await phone.pushBatch([
      { name: 'goal.create@1', args: goalArgs(goal, 'private', 'Batch goal') },
      { name: 'checkin.create@1', args: { id: c1, goalId: goal, krId: 'k1', value: 2, confidence: 6, date: '2026-10-02' } },
      { name: 'goal.update@1', args: { id: goal, patch: { visibility: 'manager' } } },
      { name: 'checkin.create@1', args: { id: c2, goalId: goal, krId: 'k1', value: 4, confidence: 7, date: '2026-10-09' } },
      { name: 'checkin.create@1', args: { id: uuidv7(), goalId: uuidv7(), krId: 'k1', value: 1, confidence: 1, date: '2026-10-09' } },
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'rejected']);
    const stored = await db.query<{ id: string; goal_visibility: string }>(
      'select id, goal_visibility from checkin where goal_id = $1 order by id',
      [goal],
    );
    expect(stored).toEqual([
      { id: c1, goal_visibility: 'manager' },
      { id: c2, goal_visibility: 'manager' },
    ]);
    const seen = await device(lead).pull();
    expect(ids(seen, 'goals')).toEqual([goal]);
    expect(ids(seen, 'checkins')).toEqual(expect.arrayContaining([c1, c2]));
  });

  it('S20: the manager sees a shared goal and its check-ins, never a private goal or its check-ins', async () => {
    const phone = device(ann);
    const shared = uuidv7();
    const secret = uuidv7();
    expect(await phone.push('goal.create@1', goalArgs(shared, 'manager'))).toEqual({ id: 1, status: 'applied' });
    expect(await phone.push('goal.create@1', goalArgs(secret, 'private', 'Find a new job'))).toMatchObject({ status: 'applied' });
    const c1 = uuidv7();
    const c2 = uuidv7();
    await phone.push('checkin.create@1', { id: c1, goalId: shared, krId: 'k1', value: 3, confidence: 7, date: '2026-10-08' });
    await phone.push('checkin.create@1', {
      id: c2,
      goalId: secret,
      krId: 'k1',
      value: 1,
      confidence: 2,
      note: 'interview',
      date: '2026-10-08',
    });

    const own = await device(ann).pull();
    expect(ids(own, 'goals').sort()).toEqual([shared, secret].sort());
    expect(ids(own, 'checkins').sort()).toEqual([c1, c2].sort());
    const stored = own.find((c) => c.id === c1)?.row;
    expect(stored).toMatchObject({ goalVisibility: 'manager', value: 3, confidence: 7, date: '2026-10-08' });
    expect(own.find((c) => c.id === shared)?.row).toMatchObject({ keyResults: krs, status: 'active', ownerId: ann.id });

    const laptop = device(boss);
    const seen = await laptop.pull();
    expect(ids(seen, 'goals')).toEqual([shared]);
    expect(ids(seen, 'checkins')).toEqual([c1]);
    expect(JSON.stringify(seen)).not.toContain('Find a new job');
    expect(JSON.stringify(seen)).not.toContain('interview');

    // Neither a stranger nor HR reads Ann's space at all.
    for (const p of [stranger, hr]) {
      const theirs = await device(p).pull();
      expect(ids(theirs, 'goals')).not.toContain(shared);
      expect(ids(theirs, 'goals')).not.toContain(secret);
    }

    // Made private: the goal and its check-ins reach the manager as tombstones; shared again, they come back.
    await phone.push('goal.update@1', { id: shared, patch: { visibility: 'private' } });
    const hidden = await laptop.pull();
    expect(tombstones(hidden, 'goals')).toEqual([shared]);
    expect(tombstones(hidden, 'checkins')).toEqual([c1]);
    await phone.push('goal.update@1', { id: shared, patch: { visibility: 'org' } });
    const back = await laptop.pull();
    expect(ids(back, 'goals')).toEqual([shared]);
    expect(ids(back, 'checkins')).toEqual([c1]);
    // A check-in on a private goal made later still never leaves Ann's space.
    await phone.push('checkin.create@1', { id: uuidv7(), goalId: secret, krId: 'k2', value: 6, confidence: 5, date: '2026-10-15' });
    expect(ids(await laptop.pull(), 'checkins')).toEqual([]);
  });

  it('S5/S20: a check-in on a goal that is not yours, or on a missing key result, is refused and stored nowhere', async () => {
    const annPhone = device(ann);
    const goal = uuidv7();
    await annPhone.push('goal.create@1', goalArgs(goal, 'org'));
    const other = device(stranger);
    const c = uuidv7();
    expect(
      await other.push('checkin.create@1', { id: c, goalId: goal, krId: 'k1', value: 9, confidence: 9, date: '2026-10-09' }),
    ).toMatchObject({
      status: 'rejected',
      code: 'NOT_FOUND',
    });
    expect(
      await annPhone.push('checkin.create@1', { id: uuidv7(), goalId: goal, krId: 'nope', value: 1, confidence: 1, date: '2026-10-09' }),
    ).toMatchObject({ status: 'rejected', code: 'NOT_FOUND' });
    expect(
      await annPhone.push('checkin.create@1', { id: uuidv7(), goalId: goal, krId: 'k1', value: 1, confidence: 11, date: '2026-10-09' }),
    ).toMatchObject({ status: 'rejected', code: 'VALIDATION', message: expect.stringContaining('confidence') });
    expect(await db.query('select 1 from checkin where id = $1', [c])).toEqual([]);
  });

  it('a manager proposes a goal; the report accepts it; the manager cannot edit it; a stranger cannot propose', async () => {
    const laptop = device(boss);
    const phone = device(ann);
    const goal = uuidv7();
    expect(await laptop.push('goal.propose@1', { ...goalArgs(goal, 'manager', 'Mentor a new hire'), ownerId: ann.id })).toEqual({
      id: 1,
      status: 'applied',
    });
    const mine = await phone.pull();
    expect(mine.find((c) => c.id === goal)?.row).toMatchObject({ status: 'proposed', proposedBy: boss.id, ownerId: ann.id });

    expect(await laptop.push('goal.update@1', { id: goal, patch: { title: 'Mentor two new hires' } })).toMatchObject({
      status: 'rejected',
      code: 'FORBIDDEN',
    });
    expect(await phone.push('goal.accept@1', { id: goal, patch: { dueDate: '2027-01-31' } })).toMatchObject({ status: 'applied' });
    const [row] = await db.query<{ status: string; due_date: string; title: string }>(
      'select status, due_date, title from goal where id = $1',
      [goal],
    );
    expect(row).toEqual({ status: 'active', due_date: '2027-01-31', title: 'Mentor a new hire' });
    expect(await laptop.push('goal.delete@1', { id: goal })).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });

    const outsider = device(stranger);
    const p2 = uuidv7();
    expect(await outsider.push('goal.propose@1', { ...goalArgs(p2, 'manager'), ownerId: ann.id })).toMatchObject({
      status: 'rejected',
      code: 'FORBIDDEN',
    });
    expect(await db.query('select 1 from goal where id = $1', [p2])).toEqual([]);
    expect(await inboxCodes(outsider)).toContain('FORBIDDEN');
  });

  it('bad goal input names the field and writes nothing', async () => {
    const phone = device(ann);
    const goal = uuidv7();
    expect(await phone.push('goal.create@1', { ...goalArgs(goal, 'private'), dueDate: '2026-09-01' })).toMatchObject({
      status: 'rejected',
      code: 'VALIDATION',
      message: expect.stringContaining('dueDate'),
    });
    expect(await db.query('select 1 from goal where id = $1', [goal])).toEqual([]);
  });
});

describe('goals procedures', () => {
  it('goals.directory lists organisation-visible goals only, to anyone signed in', async () => {
    const phone = device(ann);
    const org = uuidv7();
    const mgr = uuidv7();
    const priv = uuidv7();
    await phone.push('goal.create@1', goalArgs(org, 'org', 'Company OKR: launch EU'));
    await phone.push('goal.create@1', goalArgs(mgr, 'manager', 'Team only'));
    await phone.push('goal.create@1', goalArgs(priv, 'private', 'Secret plan'));
    for (const p of [stranger, boss, hr, ann]) {
      const list = await callerAs(db, bus, p).goals.directory();
      const mine = list.map((g) => g.id);
      expect(mine).toContain(org);
      expect(mine).not.toContain(mgr);
      expect(mine).not.toContain(priv);
      expect(JSON.stringify(list)).not.toContain('Secret plan');
    }
    const entry = (await callerAs(db, bus, stranger).goals.directory()).find((g) => g.id === org);
    expect(entry).toMatchObject({ title: 'Company OKR: launch EU', ownerName: 'Ann', dueDate: '2026-12-31' });
  });

  it("goals.team lists only the caller's own direct reports", async () => {
    expect((await callerAs(db, bus, boss).goals.team()).map((p) => p.id)).toEqual([ann.id]);
    expect(await callerAs(db, bus, stranger).goals.team()).toEqual([]);
    expect(await callerAs(db, bus, hr).goals.team()).toEqual([]);
  });

  it('HR sets the achievement threshold; everyone reads it through auth.me; bad input changes nothing', async () => {
    const before = await callerAs(db, bus, ann).auth.me();
    expect(before?.achievementThreshold).toBe(0.7);
    await expect(callerAs(db, bus, ann).goals.setAchievementThreshold({ percent: 50 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const bad = await callerAs(db, bus, hr)
      .goals.setAchievementThreshold({ percent: 0 })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(TRPCError);
    expect((await callerAs(db, bus, ann).auth.me())?.achievementThreshold).toBe(0.7);
    expect(await callerAs(db, bus, hr).goals.setAchievementThreshold({ percent: 80 })).toEqual({ achievementThreshold: 0.8 });
    expect((await callerAs(db, bus, ann).auth.me())?.achievementThreshold).toBe(0.8);
    const log = await db.query<{ action: string }>(`select action from audit_log where action = 'org.achievementThreshold'`);
    expect(log).toHaveLength(1);
  });
});
