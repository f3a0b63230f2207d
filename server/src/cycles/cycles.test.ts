import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOrg, failure } from '../auth/auth-test-kit';
import type { Db } from '../db/client';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { callerAs, createPerson, type TestPerson } from '../test/context';
import { openTestDb } from '../test/harness';
import { draftCycle, SECTIONS } from './cycles-kit';

let db: Db;
let bus: ChangeBus;
let hr: TestPerson;
let boss: TestPerson;
let ann: TestPerson;
let bob: TestPerson;
let lone: TestPerson;
let sub: TestPerson;
beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  await ensureOrg(db);
  hr = await createPerson(db, { role: 'hr', name: 'Hana', department: 'People' });
  boss = await createPerson(db, { name: 'Boris', department: 'Sales', email: 'boris@acme.test' });
  ann = await createPerson(db, { name: 'Ann', department: 'Sales', managerId: boss.id, email: 'ann@acme.test' });
  bob = await createPerson(db, { name: 'Bob', department: 'Sales', managerId: boss.id, email: 'bob@acme.test' });
  sub = await createPerson(db, { name: 'Sue', department: 'Ops', managerId: ann.id, email: 'sue@acme.test' });
  lone = await createPerson(db, { name: 'Lone', department: 'Ops', email: 'lone@acme.test' });
});
afterAll(async () => {
  await bus.close();
  await db.close();
});
const asHr = () => callerAs(db, bus, hr);
const reviewsOf = (cycleId: string) =>
  db.query<{ owner_id: string; manager_id: string | null; state: string; version: number; template: unknown }>(
    'select owner_id, manager_id, state, version, template from review where cycle_id = $1 and not deleted order by owner_id',
    [cycleId],
  );
const spaceVersion = async (id: string) =>
  (await db.query<{ version: number }>('select version from space where id = $1', [id]))[0]?.version ?? 0;

describe('cycles.preview', () => {
  it('resolves a department, a subtree, a list and a CSV, and flags people without a manager', async () => {
    const dept = await asHr().cycles.preview({ selection: { kind: 'department', department: 'Sales' } });
    expect(dept.count).toBe(3);
    expect(dept.withoutManager.map((p) => p.name)).toEqual(['Boris']);
    expect(dept.sample.map((p) => [p.name, p.managerName])).toEqual([
      ['Ann', 'Boris'],
      ['Bob', 'Boris'],
      ['Boris', null],
    ]);
    const tree = await asHr().cycles.preview({ selection: { kind: 'subtree', managerId: boss.id } });
    expect(tree.sample.map((p) => p.name)).toEqual(['Ann', 'Bob', 'Sue']);
    const list = await asHr().cycles.preview({ selection: { kind: 'list', personIds: [lone.id, ann.id] } });
    expect(list).toMatchObject({ count: 2, errors: [] });
    expect(list.withoutManager.map((p) => p.name)).toEqual(['Lone']);
    const csv = await asHr().cycles.preview({ selection: { kind: 'csv', csv: 'email\nann@acme.test\nghost@acme.test\nnot-mail\n' } });
    expect(csv.count).toBe(1);
    expect(csv.errors).toEqual([
      { line: 3, message: 'ghost@acme.test is not an active person in Merit' },
      { line: 4, message: '"not-mail" is not a valid email' },
    ]);
  });
});

describe('cycles.create, update and launch', () => {
  it('refuses bad input naming the field, and changes nothing', async () => {
    const t = await asHr().templates.create({ name: 'T', sections: SECTIONS });
    const base = {
      name: 'C',
      templateId: t.id,
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      selfDeadline: '2026-07-01',
      managerDeadline: '2026-07-10',
      selection: { kind: 'org' as const },
    };
    const before = await db.query('select * from review_cycle');
    expect(await failure(() => asHr().cycles.create({ ...base, name: '' }))).toMatchObject({ code: 'BAD_REQUEST', field: 'name' });
    expect(await failure(() => asHr().cycles.create({ ...base, managerDeadline: '2026-06-01' }))).toMatchObject({
      field: 'managerDeadline',
    });
    expect(await failure(() => asHr().cycles.create({ ...base, periodStart: '2026-13-01' }))).toMatchObject({ field: 'periodStart' });
    expect(await failure(() => asHr().cycles.create({ ...base, templateId: hr.id }))).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'templateId',
    });
    expect(await failure(() => asHr().cycles.create({ ...base, selection: { kind: 'subtree', managerId: t.id } }))).toMatchObject({
      field: 'selection.managerId',
    });
    expect(await db.query('select * from review_cycle')).toEqual(before);
  });

  it('launches one review per participant in one go, with the manager at launch, the template snapshot and a frozen template', async () => {
    const c = await draftCycle(db, bus, hr, { selection: { kind: 'department', department: 'Sales' } });
    const updated = await asHr().cycles.update({ id: c.id, name: 'Sales H1' });
    expect(updated).toMatchObject({ name: 'Sales H1', status: 'draft' });
    expect(await failure(() => asHr().cycles.update({ id: c.id, selfDeadline: '2026-08-01' }))).toMatchObject({ field: 'managerDeadline' });
    const v0 = await spaceVersion(ann.id);
    const pokes: string[][] = [];
    const stop = bus.subscribe((s) => pokes.push(s));
    const launched = await asHr().cycles.launch({ cycleId: c.id });
    expect(launched).toMatchObject({ status: 'launched', reviewCount: 3 });
    const rows = await reviewsOf(c.id);
    expect(rows.map((r) => [r.owner_id, r.manager_id, r.state])).toEqual(
      [
        [ann.id, boss.id, 'not_started'],
        [bob.id, boss.id, 'not_started'],
        [boss.id, null, 'not_started'],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(rows[0]?.template).toEqual(SECTIONS);
    // S7: the reviewee's space was bumped and the review carries that version.
    expect(await spaceVersion(ann.id)).toBe(v0 + 1);
    expect(rows.find((r) => r.owner_id === ann.id)?.version).toBe(v0 + 1);
    expect((await asHr().templates.get({ id: c.templateId })).frozen).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    stop();
    expect(pokes.flat()).toEqual(expect.arrayContaining([ann.id, bob.id, boss.id]));
    const log = await db.query<{ action: string; details: { participants: number } }>(
      `select action, details from audit_log where details ->> 'cycleId' = $1 and action = 'cycle.launch'`,
      [c.id],
    );
    expect(log).toEqual([{ action: 'cycle.launch', details: expect.objectContaining({ participants: 3 }) }]);
    // Launched: no second launch, no edits of the draft fields.
    expect((await failure(() => asHr().cycles.launch({ cycleId: c.id }))).code).toBe('CONFLICT');
    expect((await failure(() => asHr().cycles.update({ id: c.id, name: 'x' }))).code).toBe('CONFLICT');
  });

  it('is all or nothing: a CSV with a bad row launches nobody', async () => {
    const c = await draftCycle(db, bus, hr, { selection: { kind: 'csv', csv: 'ann@acme.test\nghost@acme.test' } });
    const f = await failure(() => asHr().cycles.launch({ cycleId: c.id }));
    expect(f).toMatchObject({ code: 'BAD_REQUEST', field: 'selection' });
    expect(f.message).toMatch(/line 2/);
    expect(await reviewsOf(c.id)).toEqual([]);
    expect((await asHr().cycles.get({ id: c.id })).status).toBe('draft');
    expect((await asHr().templates.get({ id: c.templateId })).frozen).toBe(false);
  });

  it('is all or nothing when the insert itself fails: nothing stays written', async () => {
    const c = await draftCycle(db, bus, hr, { selection: { kind: 'list', personIds: [ann.id, bob.id] } });
    // A constraint that only Bob's row of this cycle breaks: the statement fails after Ann's row was written.
    await db.query(`alter table review add constraint test_no_bob check (cycle_id <> '${c.id}' or owner_id <> '${bob.id}') not valid`);
    try {
      expect((await failure(() => asHr().cycles.launch({ cycleId: c.id }))).code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await db.query('alter table review drop constraint test_no_bob');
    }
    expect(await reviewsOf(c.id)).toEqual([]);
    expect((await asHr().cycles.get({ id: c.id })).status).toBe('draft');
  });

  it('adds and removes a participant after launch (logged), and extends deadlines', async () => {
    const c = await draftCycle(db, bus, hr, { selection: { kind: 'list', personIds: [ann.id] } });
    await asHr().cycles.launch({ cycleId: c.id });
    expect((await asHr().cycles.addParticipant({ cycleId: c.id, personId: sub.id })).reviewCount).toBe(2);
    expect((await failure(() => asHr().cycles.addParticipant({ cycleId: c.id, personId: sub.id }))).code).toBe('CONFLICT');
    expect((await asHr().cycles.removeParticipant({ cycleId: c.id, personId: sub.id })).reviewCount).toBe(1);
    expect((await failure(() => asHr().cycles.removeParticipant({ cycleId: c.id, personId: sub.id }))).code).toBe('NOT_FOUND');
    // Re-adding brings back a fresh review (the tombstone is revived with a new version).
    expect((await asHr().cycles.addParticipant({ cycleId: c.id, personId: sub.id })).reviewCount).toBe(2);
    const subRow = (await reviewsOf(c.id)).find((r) => r.owner_id === sub.id);
    expect(subRow).toMatchObject({ manager_id: ann.id, state: 'not_started' });

    const v = await spaceVersion(sub.id);
    // These days are past by the clock the test runs on: moving there asks first (the UI confirms, then sends allowPast).
    expect(await failure(() => asHr().cycles.extendDeadline({ cycleId: c.id, selfDeadline: '2000-07-15' }))).toMatchObject({
      code: 'CONFLICT',
      field: 'selfDeadline',
    });
    const after = await asHr().cycles.extendDeadline({ cycleId: c.id, selfDeadline: '2026-07-15', allowPast: true });
    expect(after).toMatchObject({ selfDeadline: '2026-07-15', managerDeadline: '2026-07-20' });
    expect(await spaceVersion(sub.id)).toBe(v + 1);
    await asHr().cycles.extendDeadline({ cycleId: c.id, personId: ann.id, managerDeadline: '2026-08-01', allowPast: true });
    const dl = await db.query<{ owner_id: string; self_deadline: string; manager_deadline: string }>(
      'select owner_id, self_deadline, manager_deadline from review where cycle_id = $1 and not deleted',
      [c.id],
    );
    expect(dl.find((r) => r.owner_id === ann.id)).toMatchObject({ self_deadline: '2026-07-15', manager_deadline: '2026-08-01' });
    expect(dl.find((r) => r.owner_id === sub.id)).toMatchObject({ self_deadline: '2026-07-15', manager_deadline: '2026-07-20' });
    expect(await failure(() => asHr().cycles.extendDeadline({ cycleId: c.id, selfDeadline: '2026-09-01', allowPast: true }))).toMatchObject(
      {
        code: 'BAD_REQUEST',
        field: 'selfDeadline',
      },
    );
    expect(await failure(() => asHr().cycles.extendDeadline({ cycleId: c.id }))).toMatchObject({ field: 'selfDeadline' });
    const actions = await db.query<{ action: string }>(`select action from audit_log where details ->> 'cycleId' = $1 order by id`, [c.id]);
    expect(actions.map((a) => a.action)).toEqual([
      'cycle.create',
      'cycle.launch',
      'cycle.participant.add',
      'cycle.participant.remove',
      'cycle.participant.add',
      'cycle.deadline',
      'cycle.deadline',
    ]);
  });

  it('is for HR only, and a manager or employee changes nothing', async () => {
    const c = await draftCycle(db, bus, hr, { selection: { kind: 'list', personIds: [ann.id] } });
    for (const p of [boss, ann]) {
      const x = callerAs(db, bus, p);
      expect((await failure(() => x.cycles.launch({ cycleId: c.id }))).code).toBe('FORBIDDEN');
      expect((await failure(() => x.cycles.completion({ cycleId: c.id }))).code).toBe('FORBIDDEN');
      expect((await failure(() => x.cycles.list())).code).toBe('FORBIDDEN');
    }
    expect(await reviewsOf(c.id)).toEqual([]);
  });
});
