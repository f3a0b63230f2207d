import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { type LoopbackSmtp, mailText, startLoopbackSmtp } from '../notifications/smtp-test-kit';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { callerAs, callerFor, createPerson, makeContext, type TestPerson, testEnv } from '../test/context';
import { openTestDb } from '../test/harness';
import { ensureOrg, failure } from './auth-test-kit';
import { RESET_LIMITS } from './reset';

let db: Db;
let bus: ChangeBus;
let smtp: LoopbackSmtp;
let hr: TestPerson;
beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  smtp = await startLoopbackSmtp();
  await ensureOrg(db);
  hr = await createPerson(db, { role: 'hr', name: 'Hana', email: 'hana@acme.test' });
});
afterAll(async () => {
  await smtp.close();
  await bus.close();
  await db.close();
});

const env = () => ({ ...testEnv, smtpUrl: smtp.url });
const anonymous = (ip: string) => callerFor({ ...makeContext(db, bus, null), env: env(), ip });
const asHr = (withSmtp = true) =>
  callerFor({ ...makeContext(db, bus, { personId: hr.id, role: 'hr', tokenHash: 't' }), env: withSmtp ? env() : testEnv });
const linkIn = (data: string) => /http:\/\/localhost:8080\/set-password#token=[\w-]+/.exec(mailText(data))?.[0] ?? '';
const tokenOf = (link: string) => link.split('#token=')[1] ?? '';
const until = async (n: number) => {
  for (let i = 0; i < 100 && smtp.received.length < n; i++) await new Promise((r) => setTimeout(r, 20));
};

describe('people.invite', () => {
  it('e-mails a working set-password link to each chosen person; a resend replaces the earlier link', async () => {
    smtp.received.length = 0;
    const people = await Promise.all(
      Array.from({ length: 10 }, (_, i) => createPerson(db, { name: `Invitee ${i}`, email: `invitee${i}@acme.test` })),
    );
    const out = await asHr().people.invite({ ids: people.map((p) => p.id) });
    expect(out.emailed).toBe(10);
    expect(out.invited).toHaveLength(10);
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(people.map((p) => p.email).sort());
    const first = smtp.received.find((m) => m.to[0] === 'invitee3@acme.test');
    expect(first?.data).toMatch(/Subject: Your invitation to Acme on Merit/);
    const link = linkIn(first?.data ?? '');
    expect(await anonymous('10.0.0.1').auth.checkToken({ token: tokenOf(link) })).toEqual({
      name: 'Invitee 3',
      email: 'invitee3@acme.test',
    });
    // Resend: the new link works, the old one no longer does.
    await asHr().people.invite({ ids: [people[3]?.id ?? ''] });
    const resent = linkIn(smtp.received.at(-1)?.data ?? '');
    expect(resent).not.toBe(link);
    expect((await failure(() => anonymous('10.0.0.1').auth.checkToken({ token: tokenOf(link) }))).code).toBe('NOT_FOUND');
    const me = await anonymous('10.0.0.1').auth.setPassword({ token: tokenOf(resent), password: 'a-good-password-1' });
    expect(me.email).toBe('invitee3@acme.test');
    const log = await db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'password.invite'`);
    expect(log[0]?.n).toBe(11);
  });

  it('without SMTP it refuses before issuing anything, and it is for HR only', async () => {
    const p = await createPerson(db, { name: 'NoMail' });
    expect(await failure(() => asHr(false).people.invite({ ids: [p.id] }))).toMatchObject({ code: 'CONFLICT' });
    expect(await db.query('select 1 from password_token where person_id = $1', [p.id])).toEqual([]);
    expect((await failure(() => callerAs(db, bus, { id: p.id, role: 'employee' }).people.invite({ ids: [p.id] }))).code).toBe('FORBIDDEN');
  });
});

describe('auth.requestReset', () => {
  it('gives the same answer for a known and an unknown address, and e-mails only the known one a link that works', async () => {
    await createPerson(db, { name: 'Forgetful', email: 'forgetful@acme.test' });
    smtp.received.length = 0;
    expect(await anonymous('10.0.0.2').auth.requestReset({ email: 'Forgetful@acme.test' })).toEqual({ ok: true });
    expect(await anonymous('10.0.0.2').auth.requestReset({ email: 'nobody@acme.test' })).toEqual({ ok: true });
    await until(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.received.map((m) => m.to[0])).toEqual(['forgetful@acme.test']);
    expect(smtp.received[0]?.data).toMatch(/Subject: Reset your Merit password/);
    const token = tokenOf(linkIn(smtp.received[0]?.data ?? ''));
    const me = await anonymous('10.0.0.2').auth.setPassword({ token, password: 'a-brand-new-pass' });
    expect(me.email).toBe('forgetful@acme.test');
    // A used link says so (the client then offers sign-in or a new link).
    expect((await failure(() => anonymous('10.0.0.2').auth.checkToken({ token }))).code).toBe('NOT_FOUND');
  });

  it('is rate-limited per address whether or not it exists', async () => {
    for (const email of ['ghost@acme.test', 'hana@acme.test']) {
      for (let i = 0; i < RESET_LIMITS.perEmail; i++) await anonymous(`10.1.0.${i}`).auth.requestReset({ email });
      expect((await failure(() => anonymous('10.1.1.1').auth.requestReset({ email }))).code).toBe('TOO_MANY_REQUESTS');
    }
  });
});
