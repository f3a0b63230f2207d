import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOrg, failure } from '../auth/auth-test-kit';
import type { Db } from '../db/client';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { callerAs, createPerson, type TestPerson } from '../test/context';
import { openTestDb } from '../test/harness';

let db: Db;
let bus: ChangeBus;
let hr: TestPerson;
let boss: TestPerson;
let emp: TestPerson;
beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  await ensureOrg(db);
  hr = await createPerson(db, { role: 'hr', name: 'Hana', email: 'hana@acme.test' });
  boss = await createPerson(db, { name: 'Boris', email: 'boris@acme.test' });
  emp = await createPerson(db, { name: 'Emma', email: 'emma@acme.test', managerId: boss.id });
});
afterAll(async () => {
  await bus.close();
  await db.close();
});

const asHr = () => callerAs(db, bus, hr);
const snapshot = () => db.query('select * from person order by id');

describe('people.add and people.list', () => {
  it('adds a person under a manager given by e-mail and returns a set-password link', async () => {
    const { person, setPasswordUrl } = await asHr().people.add({
      name: '  Zed  ',
      email: 'ZED@acme.test',
      department: 'Sales',
      managerEmail: 'boris@acme.test',
      role: 'employee',
    });
    expect(person).toMatchObject({
      name: 'Zed',
      email: 'zed@acme.test',
      department: 'Sales',
      managerId: boss.id,
      hasPassword: false,
      disabled: false,
    });
    expect(setPasswordUrl).toMatch(/^http:\/\/localhost:8080\/set-password#token=/);
    const list = await asHr().people.list();
    expect(list.map((p) => p.name)).toEqual(['Boris', 'Emma', 'Hana', 'Zed']);
    expect(list.find((p) => p.id === boss.id)?.reportCount).toBe(2);
  });

  it('refuses bad input naming the field, a taken e-mail and an unknown manager, changing nothing', async () => {
    const before = await snapshot();
    const base = { name: 'X', email: 'x@acme.test', department: '', role: 'employee' as const };
    expect(await failure(() => asHr().people.add({ ...base, email: 'nope' }))).toMatchObject({ code: 'BAD_REQUEST', field: 'email' });
    expect(await failure(() => asHr().people.add({ ...base, name: ' ' }))).toMatchObject({ code: 'BAD_REQUEST', field: 'name' });
    expect(await failure(() => asHr().people.add({ ...base, role: 'admin' as 'hr' }))).toMatchObject({ field: 'role' });
    expect(await failure(() => asHr().people.add({ ...base, extra: 1 } as typeof base))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await failure(() => asHr().people.add({ ...base, email: 'emma@acme.test' }))).toMatchObject({
      code: 'CONFLICT',
      field: 'email',
    });
    expect(await failure(() => asHr().people.add({ ...base, managerEmail: 'ghost@acme.test' }))).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'managerEmail',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('is for HR only', async () => {
    const e = callerAs(db, bus, emp);
    expect((await failure(() => e.people.list())).code).toBe('FORBIDDEN');
    expect((await failure(() => e.people.add({ name: 'Y', email: 'y@acme.test', department: '', role: 'hr' }))).code).toBe('FORBIDDEN');
    expect((await failure(() => e.people.update({ id: emp.id, role: 'hr' }))).code).toBe('FORBIDDEN');
    expect(await db.query('select role from person where id = $1', [emp.id])).toEqual([{ role: 'employee' }]);
  });
});

describe('people.update', () => {
  it('renames, moves and promotes, auditing the role change', async () => {
    const p = await createPerson(db, { name: 'Pat' });
    const out = await asHr().people.update({ id: p.id, name: 'Patricia', department: 'Finance', managerId: boss.id, role: 'hr' });
    expect(out).toMatchObject({ name: 'Patricia', department: 'Finance', managerId: boss.id, role: 'hr' });
    const audit = await db.query<{ action: string; details: unknown }>(
      'select action, details from audit_log where subject_id = $1 order by id',
      [p.id],
    );
    expect(audit).toEqual([
      {
        action: 'person.update',
        details: { changes: { name: { from: 'Pat', to: 'Patricia' }, department: { from: 'Engineering', to: 'Finance' } } },
      },
      { action: 'person.role', details: { from: 'employee', to: 'hr' } },
      { action: 'person.manager', details: { from: null, to: boss.id } },
    ]);
  });

  it('changes the e-mail (unique, audited with before and after) and a manager, applied to what the new manager sees', async () => {
    const p = await createPerson(db, { name: 'Quinn', email: 'quinn@acme.test' });
    const other = await createPerson(db, { name: 'Other', email: 'other@acme.test' });
    expect(await failure(() => asHr().people.update({ id: p.id, email: 'other@acme.test' }))).toMatchObject({
      code: 'CONFLICT',
      field: 'email',
    });
    expect(await failure(() => asHr().people.update({ id: p.id, email: 'not an email' }))).toMatchObject({ field: 'email' });
    const out = await asHr().people.update({ id: p.id, email: 'quinn.b@acme.test', managerId: other.id });
    expect(out).toMatchObject({ email: 'quinn.b@acme.test', managerId: other.id });
    const audit = await db.query<{ action: string; details: unknown }>(
      'select action, details from audit_log where subject_id = $1 order by id',
      [p.id],
    );
    expect(audit).toEqual([
      { action: 'person.update', details: { changes: { email: { from: 'quinn@acme.test', to: 'quinn.b@acme.test' } } } },
      { action: 'person.manager', details: { from: null, to: other.id } },
    ]);
    // Visibility follows the reporting line as for any manager change: the new manager's Me lists Quinn.
    expect((await callerAs(db, bus, other).auth.me())?.reports?.map((r) => r.name)).toEqual(['Quinn']);
  });

  it('refuses a person as their own manager and any reporting loop, changing nothing', async () => {
    const a = await createPerson(db, { name: 'A' });
    const b = await createPerson(db, { name: 'B', managerId: a.id });
    const c = await createPerson(db, { name: 'C', managerId: b.id });
    const before = await snapshot();
    expect(await failure(() => asHr().people.update({ id: a.id, managerId: a.id }))).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'managerId',
    });
    const loop = await failure(() => asHr().people.update({ id: a.id, managerId: c.id }));
    expect(loop).toMatchObject({ code: 'BAD_REQUEST', field: 'managerId' });
    expect(loop.message).toMatch(/loop/);
    expect(await failure(() => asHr().people.update({ id: a.id, managerId: b.id }))).toMatchObject({ field: 'managerId' });
    expect(await failure(() => asHr().people.update({ id: a.id, managerId: 'not-a-uuid' }))).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'managerId',
    });
    expect(await snapshot()).toEqual(before);
    // Moving within the tree without a loop is fine, and so is clearing the manager.
    expect(await asHr().people.update({ id: c.id, managerId: a.id })).toMatchObject({ managerId: a.id });
    expect(await asHr().people.update({ id: c.id, managerId: null })).toMatchObject({ managerId: null });
  });

  it('refuses concurrent edits that together would close a loop', async () => {
    const x = await createPerson(db, { name: 'X' });
    const y = await createPerson(db, { name: 'Y' });
    const results = await Promise.allSettled([
      asHr().people.update({ id: x.id, managerId: y.id }),
      asHr().people.update({ id: y.id, managerId: x.id }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    expect((await failure(() => asHr().people.update({ id: '01900000-0000-7000-8000-000000000000', name: 'Q' }))).code).toBe('NOT_FOUND');
  });

  it('never leaves Merit without an active HR admin', async () => {
    const fresh = await openTestDb();
    const freshBus = await createChangeBus(fresh);
    try {
      const only = await createPerson(fresh, { role: 'hr' });
      const c = callerAs(fresh, freshBus, only);
      expect(await failure(() => c.people.update({ id: only.id, role: 'employee' }))).toMatchObject({ code: 'CONFLICT', field: 'role' });
      expect(await failure(() => c.people.update({ id: only.id, disabled: true }))).toMatchObject({ code: 'CONFLICT', field: 'disabled' });
      expect(await fresh.query('select role, disabled from person')).toEqual([{ role: 'hr', disabled: false }]);
    } finally {
      await freshBus.close();
      await fresh.close();
    }
  });

  it('disabling and enabling are audited', async () => {
    const p = await createPerson(db, { name: 'Leaver' });
    expect(await asHr().people.update({ id: p.id, disabled: true })).toMatchObject({ disabled: true });
    expect(await asHr().people.update({ id: p.id, disabled: false })).toMatchObject({ disabled: false });
    const audit = await db.query<{ action: string; actor_id: string }>(
      'select action, actor_id from audit_log where subject_id = $1 order by id',
      [p.id],
    );
    expect(audit).toEqual([
      { action: 'person.disable', actor_id: hr.id },
      { action: 'person.enable', actor_id: hr.id },
    ]);
  });
});
