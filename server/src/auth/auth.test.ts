import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { callerAs, testEnv } from '../test/context';
import { openTestDb } from '../test/harness';
import { browser, ensureOrg, failure, PASSWORD, personWithPassword } from './auth-test-kit';
import { lookupSession, sha256 } from './sessions';

let db: Db;
let bus: ChangeBus;
beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  await ensureOrg(db);
});
afterAll(async () => {
  await bus.close();
  await db.close();
});

const sessionsOf = async (personId: string) =>
  (await db.query<{ n: number }>('select count(*)::int as n from session where person_id = $1', [personId]))[0]?.n;

describe('sign-in and sign-out', () => {
  it('signs in with the right password (e-mail case ignored), sets a cookie and answers me', async () => {
    const p = await personWithPassword(db, { email: 'ann@acme.test', name: 'Ann' });
    const b = browser(db, bus);
    expect(await (await b.caller()).auth.me()).toBeNull();
    const me = await (await b.caller()).auth.signIn({ email: 'ANN@acme.test', password: PASSWORD });
    expect(me).toMatchObject({ id: p.id, email: 'ann@acme.test', role: 'employee', orgName: 'Acme' });
    expect(b.jar.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await (await b.caller()).auth.me()).toMatchObject({ id: p.id });
    // Only a hash of the token is stored.
    expect(await db.query('select 1 from session where token_hash = $1', [b.jar.token])).toHaveLength(0);
  });

  it('answers the same for a wrong password and an unknown e-mail', async () => {
    await personWithPassword(db, { email: 'bob@acme.test' });
    const b = browser(db, bus, '10.0.0.2');
    const wrong = await failure(async () => (await b.caller()).auth.signIn({ email: 'bob@acme.test', password: 'nope nope nope' }));
    const unknown = await failure(async () => (await b.caller()).auth.signIn({ email: 'nobody@acme.test', password: 'nope nope nope' }));
    expect(wrong).toEqual({ code: 'UNAUTHORIZED', message: 'Email or password is wrong' });
    expect(unknown).toEqual(wrong);
    expect(b.jar.token).toBeNull();
  });

  it('signs out: the session is gone on the server and the cookie cleared', async () => {
    const p = await personWithPassword(db, { email: 'cat@acme.test' });
    const b = browser(db, bus);
    await (await b.caller()).auth.signIn({ email: 'cat@acme.test', password: PASSWORD });
    const token = b.jar.token ?? '';
    expect(await (await b.caller()).auth.signOut()).toEqual({ ok: true, endSessionUrl: null });
    expect(b.jar.token).toBeNull();
    expect(await lookupSession(db, token, testEnv)).toBeNull();
    expect(await sessionsOf(p.id)).toBe(0);
    expect((await failure(async () => (await b.caller()).auth.signOut())).code).toBe('UNAUTHORIZED');
  });

  it('rotates the session on every sign-in and revokes the one presented', async () => {
    const p = await personWithPassword(db, { email: 'dan@acme.test' });
    const b = browser(db, bus);
    await (await b.caller()).auth.signIn({ email: 'dan@acme.test', password: PASSWORD });
    const first = b.jar.token ?? '';
    await (await b.caller()).auth.signIn({ email: 'dan@acme.test', password: PASSWORD });
    const second = b.jar.token ?? '';
    expect(second).not.toBe(first);
    expect(await lookupSession(db, first, testEnv)).toBeNull();
    expect(await lookupSession(db, second, testEnv)).toMatchObject({ personId: p.id });
    expect(await sessionsOf(p.id)).toBe(1);
  });

  it('ends a session after the idle window and after the absolute lifetime', async () => {
    await personWithPassword(db, { email: 'eve@acme.test' });
    const idle = browser(db, bus);
    await (await idle.caller()).auth.signIn({ email: 'eve@acme.test', password: PASSWORD });
    const absolute = browser(db, bus);
    await (await absolute.caller()).auth.signIn({ email: 'eve@acme.test', password: PASSWORD });
    await db.query(`update session set last_seen_at = now() - make_interval(days => $2 + 1) where token_hash = $1`, [
      sha256(idle.jar.token ?? ''),
      testEnv.sessionIdleDays,
    ]);
    await db.query(`update session set expires_at = now() - interval '1 second' where token_hash = $1`, [sha256(absolute.jar.token ?? '')]);
    expect(await (await idle.caller()).auth.me()).toBeNull();
    expect(await (await absolute.caller()).auth.me()).toBeNull();
  });

  it('ends every session of a person HR disables', async () => {
    const hr = await personWithPassword(db, { email: 'hr@acme.test', role: 'hr' });
    const p = await personWithPassword(db, { email: 'fay@acme.test' });
    const phone = browser(db, bus);
    const laptop = browser(db, bus);
    await (await phone.caller()).auth.signIn({ email: 'fay@acme.test', password: PASSWORD });
    await (await laptop.caller()).auth.signIn({ email: 'fay@acme.test', password: PASSWORD });
    expect(await sessionsOf(p.id)).toBe(2);
    await callerAs(db, bus, hr).people.update({ id: p.id, disabled: true });
    expect(await sessionsOf(p.id)).toBe(0);
    expect(await (await phone.caller()).auth.me()).toBeNull();
    const again = await failure(async () => (await laptop.caller()).auth.signIn({ email: 'fay@acme.test', password: PASSWORD }));
    expect(again.code).toBe('UNAUTHORIZED');
  });
});

describe('login rate limit', () => {
  it('locks an account after 5 failures, names when to retry, and refuses even the right password', async () => {
    await personWithPassword(db, { email: 'gus@acme.test' });
    const b = browser(db, bus, '10.0.1.1');
    for (let i = 0; i < 5; i++) {
      const f = await failure(async () => (await b.caller()).auth.signIn({ email: 'gus@acme.test', password: `wrong password ${i}` }));
      expect(f.code).toBe('UNAUTHORIZED');
    }
    const limited = await failure(async () => (await b.caller()).auth.signIn({ email: 'gus@acme.test', password: PASSWORD }));
    expect(limited.code).toBe('TOO_MANY_REQUESTS');
    expect(limited.message).toMatch(/Try again in 15 minutes \(after \d\d:\d\d UTC\)/);
    // From another address too: the lock is on the account.
    const elsewhere = browser(db, bus, '10.0.1.2');
    expect((await failure(async () => (await elsewhere.caller()).auth.signIn({ email: 'gus@acme.test', password: PASSWORD }))).code).toBe(
      'TOO_MANY_REQUESTS',
    );
    // Once the lock has passed, the right password works and clears the count.
    await db.query(`update login_attempt set locked_until = now() - interval '1 second', window_start = now() - interval '1 hour'`);
    expect(await (await b.caller()).auth.signIn({ email: 'gus@acme.test', password: PASSWORD })).toMatchObject({ email: 'gus@acme.test' });
    expect(await db.query('select 1 from login_attempt where key = $1', ['email:gus@acme.test'])).toHaveLength(0);
  });

  it('locks an address after 50 failures across many accounts', async () => {
    await personWithPassword(db, { email: 'hal@acme.test' });
    const b = browser(db, bus, '10.9.9.9');
    await db.query(`insert into login_attempt (key, failures, window_start) values ('ip:10.9.9.9', 49, now())`);
    const last = await failure(async () => (await b.caller()).auth.signIn({ email: 'someone-else@acme.test', password: 'wrong password' }));
    expect(last.code).toBe('UNAUTHORIZED');
    const limited = await failure(async () => (await b.caller()).auth.signIn({ email: 'hal@acme.test', password: PASSWORD }));
    expect(limited.code).toBe('TOO_MANY_REQUESTS');
    // Another address is not affected.
    expect(await (await browser(db, bus, '10.9.9.10').caller()).auth.signIn({ email: 'hal@acme.test', password: PASSWORD })).toBeTruthy();
  });

  it('counts concurrent failures without losing any', async () => {
    const b = browser(db, bus, '10.0.2.1');
    await Promise.allSettled(
      Array.from({ length: 4 }, async (_, i) => (await b.caller()).auth.signIn({ email: 'ivy@acme.test', password: `wrong ${i}` })),
    );
    const rows = await db.query<{ failures: number }>('select failures from login_attempt where key = $1', ['email:ivy@acme.test']);
    expect(rows[0]?.failures).toBe(4);
  });
});
