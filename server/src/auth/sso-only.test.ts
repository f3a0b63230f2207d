import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { callerAs, callerFor, makeContext, testEnv } from '../test/context';
import { openTestDb } from '../test/harness';
import { ensureOrg, failure, PASSWORD, personWithPassword } from './auth-test-kit';

let db: Db;
let bus: ChangeBus;
const ssoOnly = {
  ...testEnv,
  ssoOnly: true,
  oidc: { issuer: 'http://127.0.0.1:9', clientId: 'c', clientSecret: null, buttonLabel: 'Acme ID' },
};
const caller = () => callerFor({ ...makeContext(db, bus, null), env: ssoOnly });

beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  await ensureOrg(db);
});
afterAll(async () => {
  await bus.close();
  await db.close();
});

describe('SSO_ONLY=1: passwords only for break-glass HR accounts', () => {
  it('refuses an employee, and an HR admin not flagged, with one wording that reveals neither', async () => {
    const emp = await personWithPassword(db, { email: 'emp@acme.test' });
    const hr = await personWithPassword(db, { email: 'hr1@acme.test', role: 'hr' });
    const a = await failure(() => caller().auth.signIn({ email: emp.email, password: PASSWORD }));
    const b = await failure(() => caller().auth.signIn({ email: hr.email, password: PASSWORD }));
    const c = await failure(() => caller().auth.signIn({ email: 'nobody@acme.test', password: PASSWORD }));
    expect(a.code).toBe('UNAUTHORIZED');
    expect(a.message).toContain('Passwords are turned off');
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    // The same people sign in with passwords when SSO_ONLY is off.
    await expect(callerFor(makeContext(db, bus, null)).auth.signIn({ email: emp.email, password: PASSWORD })).resolves.toMatchObject({
      email: emp.email,
    });
  });

  it('lets a break-glass HR admin in with the right password only, and stops counting the flag once they are not HR', async () => {
    const hr = await personWithPassword(db, { email: 'glass@acme.test', role: 'hr' });
    const admin = await personWithPassword(db, { email: 'boss@acme.test', role: 'hr' });
    await callerAs(db, bus, admin).breakGlass.set({ id: hr.id, on: true });
    await expect(caller().auth.signIn({ email: hr.email, password: PASSWORD })).resolves.toMatchObject({ email: hr.email });
    expect((await failure(() => caller().auth.signIn({ email: hr.email, password: 'wrong password!!' }))).code).toBe('UNAUTHORIZED');
    await db.query("update person set role = 'employee' where id = $1", [hr.id]);
    expect((await failure(() => caller().auth.signIn({ email: hr.email, password: PASSWORD }))).code).toBe('UNAUTHORIZED');
  });

  it('HR flags and unflags break-glass on HR accounts only, audited; an employee cannot flag anyone', async () => {
    const admin = await personWithPassword(db, { email: 'hr2@acme.test', role: 'hr' });
    const emp = await personWithPassword(db, { email: 'emp2@acme.test' });
    const hr = callerAs(db, bus, admin);
    expect((await failure(() => hr.breakGlass.set({ id: emp.id, on: true }))).message).toContain('Only HR admins');
    await hr.breakGlass.set({ id: admin.id, on: true });
    expect((await hr.breakGlass.list()).find((a) => a.id === admin.id)).toMatchObject({ breakGlass: true, hasPassword: true });
    const audit = await db.query<{ details: { on: boolean } }>(
      "select details from audit_log where action = 'person.breakGlass' and subject_id = $1",
      [admin.id],
    );
    expect(audit.map((a) => a.details.on)).toEqual([true]);
    expect((await failure(() => callerAs(db, bus, emp).breakGlass.set({ id: emp.id, on: true }))).code).toBe('FORBIDDEN');
  });

  it('the first HR admin made by setup is break-glass, so turning on SSO_ONLY never locks HR out', async () => {
    const fresh = await openTestDb();
    const fbus = await createChangeBus(fresh);
    try {
      const me = await callerFor(makeContext(fresh, fbus, null)).setup.create({
        orgName: 'New',
        name: 'First',
        email: 'first@new.test',
        password: PASSWORD,
      });
      const rows = await fresh.query<{ break_glass: boolean }>('select break_glass from person where id = $1', [me.id]);
      expect(rows[0]?.break_glass).toBe(true);
      await expect(
        callerFor({ ...makeContext(fresh, fbus, null), env: ssoOnly }).auth.signIn({ email: 'first@new.test', password: PASSWORD }),
      ).resolves.toMatchObject({ role: 'hr' });
    } finally {
      await fbus.close();
      await fresh.close();
    }
  });
});
