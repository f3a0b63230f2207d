import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOrg, failure } from '../auth/auth-test-kit';
import type { Db } from '../db/client';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { callerAs, createPerson, type TestPerson } from '../test/context';
import { openTestDb } from '../test/harness';

let db: Db;
let bus: ChangeBus;
let hr: TestPerson;
beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  await ensureOrg(db);
  hr = await createPerson(db, { role: 'hr', name: 'Hana', email: 'hana@acme.test' });
  await createPerson(db, { name: 'Existing Boss', email: 'boss@acme.test' });
});
afterAll(async () => {
  await bus.close();
  await db.close();
});

const asHr = () => callerAs(db, bus, hr);
const snapshot = async () => ({
  people: await db.query('select * from person order by id'),
  tokens: await db.query('select * from password_token order by token_hash'),
  audit: await db.query('select * from audit_log order by id'),
});

const header = 'name,email,department,manager_email,role';

describe('people import', () => {
  it('previews row errors by line and writes nothing', async () => {
    const before = await snapshot();
    const csv = [
      header,
      'Ann,ann@acme.test,Ops,,',
      'Bad,not-an-email,Ops,,',
      'Dup,ann@acme.test,Ops,,',
      'Old,hana@acme.test,,,',
      'Orph,o@acme.test,,ghost@acme.test,',
    ].join('\n');
    const preview = await asHr().people.importPreview({ csv });
    expect(preview.rows.length).toBe(4);
    expect(preview.errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(preview.errors[0]?.message).toMatch(/email/);
    expect(await snapshot()).toEqual(before);
  });

  it('commits nothing when any row is invalid, naming the first errors', async () => {
    const before = await snapshot();
    const csv = [header, 'Good One,good1@acme.test,Ops,,employee', 'Bad,bad-email,Ops,,employee'].join('\n');
    const f = await failure(() => asHr().people.importCommit({ csv }));
    expect(f).toMatchObject({ code: 'BAD_REQUEST', field: 'csv' });
    expect(f.message).toMatch(/line 3: email/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a reporting loop inside the file', async () => {
    const before = await snapshot();
    const csv = [header, 'Loop A,la@acme.test,,lb@acme.test,', 'Loop B,lb@acme.test,,la@acme.test,'].join('\n');
    const preview = await asHr().people.importPreview({ csv });
    expect(preview.errors.map((e) => e.line)).toEqual([2, 3]);
    expect(preview.errors[0]?.message).toMatch(/loop/);
    expect((await failure(() => asHr().people.importCommit({ csv }))).code).toBe('BAD_REQUEST');
    expect(await snapshot()).toEqual(before);
  });

  it('imports every row in one go, with managers from the file (even later lines) or from Merit', async () => {
    const csv = [
      header,
      'Emp One,e1@acme.test,Ops,lead@acme.test,',
      'Emp Two,e2@acme.test,Ops,boss@acme.test,employee',
      '"Lead, The",lead@acme.test,Ops,boss@acme.test,',
      'New HR,newhr@acme.test,People,,hr',
    ].join('\r\n');
    const { created } = await asHr().people.importCommit({ csv });
    expect(created.map((c) => c.person.email).sort()).toEqual(['e1@acme.test', 'e2@acme.test', 'lead@acme.test', 'newhr@acme.test']);
    const byEmail = new Map(created.map((c) => [c.person.email, c]));
    const lead = byEmail.get('lead@acme.test')?.person;
    expect(lead?.name).toBe('Lead, The');
    expect(byEmail.get('e1@acme.test')?.person.managerId).toBe(lead?.id);
    expect(lead?.reportCount).toBe(1);
    expect(byEmail.get('newhr@acme.test')?.person.role).toBe('hr');
    for (const c of created) expect(c.setPasswordUrl).toMatch(/set-password#token=[A-Za-z0-9_-]{43}$/);
    const tokens = await db.query('select 1 from password_token where person_id = any($1::uuid[])', [created.map((c) => c.person.id)]);
    expect(tokens).toHaveLength(4);
    expect(await db.query(`select details from audit_log where action = 'people.import'`)).toEqual([{ details: { count: 4 } }]);
    // The same file again: every row now clashes, nothing is written.
    expect((await failure(() => asHr().people.importCommit({ csv }))).code).toBe('BAD_REQUEST');
  });

  it('is for HR only', async () => {
    const emp = await createPerson(db, {});
    const csv = [header, 'Sneaky,sneaky@acme.test,,,hr'].join('\n');
    expect((await failure(() => callerAs(db, bus, emp).people.importCommit({ csv }))).code).toBe('FORBIDDEN');
    expect((await failure(() => callerAs(db, bus, emp).people.importPreview({ csv }))).code).toBe('FORBIDDEN');
  });
});
