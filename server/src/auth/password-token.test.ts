import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { callerAs, createPerson, type TestPerson } from '../test/context';
import { openTestDb } from '../test/harness';
import { browser, ensureOrg, failure } from './auth-test-kit';
import { sha256 } from './sessions';

let db: Db;
let bus: ChangeBus;
let hr: TestPerson;
beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  await ensureOrg(db);
  hr = await createPerson(db, { role: 'hr', name: 'Hana' });
});
afterAll(async () => {
  await bus.close();
  await db.close();
});

const tokenOf = (url: string) => {
  const m = /^http:\/\/localhost:8080\/set-password#token=([A-Za-z0-9_-]{43})$/.exec(url);
  if (!m?.[1]) throw new Error(`not a set-password link: ${url}`);
  return m[1];
};

async function newPerson(email: string) {
  const { person, setPasswordUrl } = await callerAs(db, bus, hr).people.add({
    name: 'New One',
    email,
    department: 'Ops',
    role: 'employee',
  });
  return { person, token: tokenOf(setPasswordUrl) };
}

describe('set-password links', () => {
  it('stores only a hash, tells whose link it is, sets the password once and signs in', async () => {
    const { person, token } = await newPerson('new1@acme.test');
    expect(await db.query('select 1 from password_token where token_hash = $1', [token])).toHaveLength(0);
    expect(await db.query('select 1 from password_token where token_hash = $1', [sha256(token)])).toHaveLength(1);
    const b = browser(db, bus);
    expect(await (await b.caller()).auth.checkToken({ token })).toEqual({ name: 'New One', email: 'new1@acme.test' });
    const me = await (await b.caller()).auth.setPassword({ token, password: 'my brand new password' });
    expect(me).toMatchObject({ id: person.id, email: 'new1@acme.test' });
    expect(b.jar.token).toBeTruthy();
    expect(await (await b.caller()).auth.me()).toMatchObject({ id: person.id });
    const signIn = browser(db, bus);
    expect(await (await signIn.caller()).auth.signIn({ email: 'new1@acme.test', password: 'my brand new password' })).toMatchObject({
      id: person.id,
    });

    const reused = await failure(async () => (await browser(db, bus).caller()).auth.setPassword({ token, password: 'attacker password' }));
    expect(reused.code).toBe('NOT_FOUND');
    expect((await failure(async () => (await browser(db, bus).caller()).auth.checkToken({ token }))).code).toBe('NOT_FOUND');
  });

  it('refuses an expired link and changes nothing', async () => {
    const { person, token } = await newPerson('new2@acme.test');
    await db.query(`update password_token set expires_at = now() - interval '1 second' where person_id = $1`, [person.id]);
    const f = await failure(async () => (await browser(db, bus).caller()).auth.setPassword({ token, password: 'too late password' }));
    expect(f.code).toBe('NOT_FOUND');
    expect(await db.query('select password_hash from person where id = $1', [person.id])).toEqual([{ password_hash: null }]);
  });

  it('expires links after 7 days', async () => {
    const { person } = await newPerson('new3@acme.test');
    const rows = await db.query<{ days: number }>(
      `select round(extract(epoch from expires_at - now()) / 86400)::int as days from password_token where person_id = $1`,
      [person.id],
    );
    expect(rows).toEqual([{ days: 7 }]);
  });

  it('a new link replaces the old one, and only HR may make one', async () => {
    const { person, token: old } = await newPerson('new4@acme.test');
    const { setPasswordUrl } = await callerAs(db, bus, hr).people.passwordLink({ id: person.id });
    const fresh = tokenOf(setPasswordUrl);
    expect((await failure(async () => (await browser(db, bus).caller()).auth.checkToken({ token: old }))).code).toBe('NOT_FOUND');
    expect(await (await browser(db, bus).caller()).auth.checkToken({ token: fresh })).toMatchObject({ email: 'new4@acme.test' });
    const employee = await createPerson(db, {});
    expect((await failure(() => callerAs(db, bus, employee).people.passwordLink({ id: person.id }))).code).toBe('FORBIDDEN');
    const audits = await db.query<{ action: string }>(`select action from audit_log where subject_id = $1 order by id`, [person.id]);
    expect(audits.map((a) => a.action)).toEqual(['person.add', 'password.link', 'password.link']);
  });

  it('setting a password ends the other sessions of the person', async () => {
    const { person, token } = await newPerson('new5@acme.test');
    await db.query(`insert into session (token_hash, person_id, expires_at) values ('old-device', $1, now() + interval '1 day')`, [
      person.id,
    ]);
    await (await browser(db, bus).caller()).auth.setPassword({ token, password: 'another good password' });
    expect(await db.query('select 1 from session where token_hash = $1', ['old-device'])).toHaveLength(0);
  });

  it('refuses a link of a disabled person', async () => {
    const { person, token } = await newPerson('new6@acme.test');
    await callerAs(db, bus, hr).people.update({ id: person.id, disabled: true });
    expect((await failure(async () => (await browser(db, bus).caller()).auth.checkToken({ token }))).code).toBe('NOT_FOUND');
  });
});
