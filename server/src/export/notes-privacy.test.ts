import { uuidv7 } from '@merit/shared/ids';
import { type Mutation, PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { appRouter } from '../router';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { callerAs, callerFor, createPerson, makeContext, type TestPerson } from '../test/context';
import { openTestDb } from '../test/harness';

/**
 * Issue 5's access tests for private notes, feedback and a manager's notes (docs/SYNC.md S30-S32), on PGlite
 * and on PostgreSQL. The secret texts are unique strings, so "never appears in any response" is a plain search.
 */
const P = PROTOCOL_VERSION;
const SECRET_NOTE = 'secret-note-7f3a: thinking of leaving in spring';
const PRIVATE_FEEDBACK = 'private-feedback-91c2: you talk over people';
const SHARED_FEEDBACK = 'shared-feedback-44d0: the demo was superb';
const MANAGER_NOTE = 'manager-note-b815: ready for a senior role';

let db: Db;
let bus: ChangeBus;
let boss: TestPerson;
let ann: TestPerson;
let hr: TestPerson;
let other: TestPerson;
const ids = { note: uuidv7(), privateFb: uuidv7(), sharedFb: uuidv7(), managerNote: uuidv7() };
const devices = new Map<string, { id: string; next: number }>();

type Caller = ReturnType<typeof callerAs>;
const as = (p: TestPerson): Caller => callerAs(db, bus, p);

/** Pushes one mutation from the person's own device, with the next mutation id. */
async function push(p: TestPerson, name: string, args: unknown) {
  const d = devices.get(p.id) ?? { id: uuidv7(), next: 1 };
  devices.set(p.id, d);
  const m: Mutation = { id: d.next++, name, args, createdAt: Date.now() };
  const out = await as(p).sync.push({ protocol: P, deviceId: d.id, mutations: [m] });
  return out.results[0];
}

/** Everything a fresh device of `p` pulls, as one text to search. */
async function pullText(p: TestPerson, cursor: string | null = null) {
  const deviceId = uuidv7();
  const changes = [];
  let cur = cursor;
  let reset = false;
  for (;;) {
    const page = await as(p).sync.pull({ protocol: P, deviceId, cursor: cur, limit: 50 });
    changes.push(...page.changes);
    reset ||= page.reset;
    cur = page.cursor;
    if (!page.hasMore) break;
  }
  return { text: JSON.stringify(changes), changes, cursor: cur, reset };
}

beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  hr = await createPerson(db, { name: 'Hana HR', role: 'hr' });
  boss = await createPerson(db, { name: 'Boss' });
  ann = await createPerson(db, { name: 'Ann', managerId: boss.id });
  other = await createPerson(db, { name: 'Other manager' });
  await createPerson(db, { name: 'Reports to other', managerId: other.id });
  const day = '2026-11-20';
  expect(await push(ann, 'note.create@1', { id: ids.note, body: SECRET_NOTE, date: day, tags: ['career'] })).toMatchObject({
    status: 'applied',
  });
  expect(await push(ann, 'feedback.create@1', { id: ids.privateFb, fromName: 'Dana', date: day, body: PRIVATE_FEEDBACK })).toMatchObject({
    status: 'applied',
  });
  expect(
    await push(ann, 'feedback.create@1', {
      id: ids.sharedFb,
      fromId: hr.id,
      fromName: hr.name,
      date: day,
      body: SHARED_FEEDBACK,
      visibility: 'manager',
    }),
  ).toMatchObject({ status: 'applied' });
  expect(await push(boss, 'managerNote.create@1', { id: ids.managerNote, subjectId: ann.id, body: MANAGER_NOTE, date: day })).toMatchObject(
    {
      status: 'applied',
    },
  );
});
afterAll(async () => {
  await bus.close();
  await db.close();
});

describe('private notes, feedback and manager notes through sync (S30-S32)', () => {
  it('S30: the author pulls their private note; the manager, HR and anyone else never do', async () => {
    expect((await pullText(ann)).text).toContain(SECRET_NOTE);
    for (const p of [boss, hr, other]) expect((await pullText(p)).text).not.toContain(SECRET_NOTE);
  });

  it('S30: nobody but the author can edit or delete the note, and a refusal echoes only their own text', async () => {
    const r = await push(boss, 'note.update@1', { id: ids.note, patch: { pinned: true } });
    expect(r).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
    expect(JSON.stringify(r)).not.toContain(SECRET_NOTE);
    expect(await push(hr, 'note.delete@1', { id: ids.note })).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
    expect((await pullText(boss)).text).not.toContain(SECRET_NOTE);
    const rows = await db.query<{ deleted: boolean; pinned: boolean }>('select deleted, pinned from note where id = $1', [ids.note]);
    expect(rows[0]).toEqual({ deleted: false, pinned: false });
  });

  it('S31: the manager pulls feedback the report shared, never private feedback; HR and other managers see neither', async () => {
    const b = await pullText(boss);
    expect(b.text).toContain(SHARED_FEEDBACK);
    expect(b.text).not.toContain(PRIVATE_FEEDBACK);
    for (const p of [hr, other]) {
      const t = (await pullText(p)).text;
      expect(t).not.toContain(SHARED_FEEDBACK);
      expect(t).not.toContain(PRIVATE_FEEDBACK);
    }
  });

  it('S4: feedback naming a person id the server does not know still applies, so it never blocks the batch', async () => {
    const id = uuidv7();
    expect(
      await push(ann, 'feedback.create@1', { id, fromId: uuidv7(), fromName: 'Someone', date: '2026-11-21', body: 'kind words' }),
    ).toEqual({
      id: expect.any(Number),
      status: 'applied',
    });
  });

  it('S31: feedback made private again reaches the manager as a tombstone', async () => {
    const id = uuidv7();
    await push(ann, 'feedback.create@1', { id, fromName: 'Lee', date: '2026-11-21', body: 'shared for a while', visibility: 'manager' });
    const before = await pullText(boss);
    expect(before.changes.some((c) => c.id === id && c.row)).toBe(true);
    await push(ann, 'feedback.update@1', { id, patch: { visibility: 'private' } });
    const after = await as(boss).sync.pull({ protocol: P, deviceId: uuidv7(), cursor: before.cursor });
    expect(after.changes.filter((c) => c.id === id)).toEqual([{ table: 'feedback', id, row: null }]);
  });

  it("S32: a manager note reaches only its author's devices, and only about their own report", async () => {
    expect((await pullText(boss)).text).toContain(MANAGER_NOTE);
    for (const p of [ann, hr, other]) expect((await pullText(p)).text).not.toContain(MANAGER_NOTE);
    const stranger = await push(other, 'managerNote.create@1', {
      id: uuidv7(),
      subjectId: ann.id,
      body: 'not mine to write',
      date: '2026-11-20',
    });
    expect(stranger).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
  });
});

describe('export.myRecord', () => {
  it("returns the caller's own rows of every table: a private note to its author only", async () => {
    const mine = await as(ann).export.myRecord();
    expect(mine.source).toBe('server');
    expect(mine.person).toMatchObject({ id: ann.id, name: 'Ann' });
    expect(mine.tables.notes?.map((n) => n.body)).toEqual([SECRET_NOTE]);
    expect(mine.tables.feedback?.map((f) => f.body)).toEqual(expect.arrayContaining([PRIVATE_FEEDBACK, SHARED_FEEDBACK]));
    expect(JSON.stringify(mine)).not.toContain(MANAGER_NOTE);
    const bosses = await as(boss).export.myRecord();
    expect(bosses.tables.managerNotes?.map((n) => n.body)).toEqual([MANAGER_NOTE]);
    const text = JSON.stringify(bosses);
    for (const s of [SECRET_NOTE, PRIVATE_FEEDBACK, SHARED_FEEDBACK]) expect(text).not.toContain(s);
    const audited = await db.query<{ n: number }>(
      "select count(*)::int as n from audit_log where action = 'record.export' and actor_id = $1",
      [ann.id],
    );
    expect(audited[0]?.n).toBe(1);
  });

  it('refuses an anonymous caller', async () => {
    await expect(callerFor(makeContext(db, bus, null)).export.myRecord()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

/** Inputs tried on every procedure: enough shapes that a procedure taking an id, a person or a sync cursor gets a real one. */
function candidateInputs(): unknown[] {
  const someone = [ann.id, ids.note, ids.privateFb, ids.managerNote];
  return [
    undefined,
    {},
    ...someone.flatMap((id) => [{ id }, { personId: id }, { subjectId: id }, { reportId: id }, { ownerId: id }]),
    { protocol: P, deviceId: uuidv7(), cursor: null },
    { protocol: P, deviceId: uuidv7(), mutations: [] },
    { csv: 'name,email\n' },
    { token: 'x'.repeat(43) },
  ];
}

/** Calls a procedure by dotted path; a subscription is read once. Answers and errors are both returned as text. */
async function callText(caller: unknown, path: string, inputValue: unknown): Promise<string> {
  let fn: unknown = caller;
  for (const part of path.split('.')) fn = (fn as Record<string, unknown>)[part];
  if (typeof fn !== 'function') throw new Error(`no procedure at ${path}`);
  try {
    const out: unknown = await fn(inputValue);
    if (out && typeof out === 'object' && Symbol.asyncIterator in out) {
      const it = (out as AsyncIterable<unknown>)[Symbol.asyncIterator]();
      const first = await it.next();
      await it.return?.();
      return JSON.stringify(first.value ?? null);
    }
    return JSON.stringify(out ?? null);
  } catch (e) {
    return e instanceof Error ? `${e.message} ${JSON.stringify(e.cause ?? null)}` : String(e);
  }
}

describe('every procedure of the router, walked as the manager, as HR and as another person', () => {
  const procedures = () => Object.keys(appRouter._def.procedures).sort();

  it.each([
    ['the manager', () => boss, [SECRET_NOTE, PRIVATE_FEEDBACK]],
    ['HR', () => hr, [SECRET_NOTE, PRIVATE_FEEDBACK, SHARED_FEEDBACK, MANAGER_NOTE]],
    ['another manager', () => other, [SECRET_NOTE, PRIVATE_FEEDBACK, SHARED_FEEDBACK, MANAGER_NOTE]],
    ['the report (about the manager note)', () => ann, [MANAGER_NOTE]],
  ] as const)('S30/S32: no answer to %s contains what they may not read', async (_, who, secrets) => {
    const caller = as(who());
    let calls = 0;
    for (const path of procedures()) {
      for (const inputValue of candidateInputs()) {
        const text = await callText(caller, path, inputValue);
        calls++;
        for (const s of secrets) expect(text, `${path}(${JSON.stringify(inputValue)})`).not.toContain(s);
      }
    }
    expect(calls).toBe(procedures().length * candidateInputs().length);
    expect(procedures()).toContain('export.myRecord');
  });

  it('S32: a manager note stops reaching its author once the subject reports to someone else (reset, then gone)', async () => {
    const before = await pullText(boss);
    expect(before.text).toContain(MANAGER_NOTE);
    await as(hr).people.update({ id: ann.id, managerId: other.id });
    const after = await as(boss).sync.pull({ protocol: P, deviceId: uuidv7(), cursor: before.cursor });
    expect(after.reset).toBe(true);
    const again = await pullText(boss);
    expect(again.text).not.toContain(MANAGER_NOTE);
    expect(JSON.stringify(await as(boss).export.myRecord())).not.toContain(MANAGER_NOTE);
    expect((await pullText(other)).text).not.toContain(MANAGER_NOTE);
    expect(await push(boss, 'managerNote.update@1', { id: ids.managerNote, patch: { body: 'still?' } })).toMatchObject({
      status: 'rejected',
      code: 'FORBIDDEN',
    });
  });
});
