import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { uuidv7 } from '@merit/shared/ids';
import { PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOrg, failure } from '../auth/auth-test-kit';
import type { Db } from '../db/client';
import { createMailer } from '../notifications/mailer';
import { type LoopbackSmtp, startLoopbackSmtp } from '../notifications/smtp-test-kit';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { callerAs, callerFor, createPerson, makeContext, type TestPerson, testEnv } from '../test/context';
import { openTestDb } from '../test/harness';
import { completion } from './completion';
import { draftCycle, setState } from './cycles-kit';
import { reminderTick } from './reminders';

let db: Db;
let bus: ChangeBus;
let hr: TestPerson;
let boss: TestPerson;
let ann: TestPerson;
let bob: TestPerson;
let cid: string;
let reviewOf: Record<string, string>;
beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  await ensureOrg(db);
  hr = await createPerson(db, { role: 'hr', name: 'Hana', department: 'People' });
  boss = await createPerson(db, { name: 'Boris', department: 'Sales', email: 'boris@acme.test' });
  ann = await createPerson(db, { name: 'Ann', department: 'Sales', managerId: boss.id, email: 'ann@acme.test' });
  bob = await createPerson(db, { name: 'Bob', department: 'Ops', managerId: boss.id, email: 'bob@acme.test' });
  const c = await draftCycle(db, bus, hr, {
    selection: { kind: 'list', personIds: [ann.id, bob.id] },
    selfDeadline: '2026-03-01',
    managerDeadline: '2026-03-10',
  });
  await callerAs(db, bus, hr).cycles.launch({ cycleId: c.id });
  cid = c.id;
  const rows = await db.query<{ id: string; owner_id: string }>('select id, owner_id from review where cycle_id = $1', [cid]);
  reviewOf = Object.fromEntries(rows.map((r) => [r.owner_id, r.id]));
});
afterAll(async () => {
  await bus.close();
  await db.close();
});
const asHr = () => callerAs(db, bus, hr);
const rid = (p: TestPerson) => {
  const id = reviewOf[p.id];
  if (!id) throw new Error('no review');
  return id;
};

async function pullNotifications(p: TestPerson) {
  const page = await callerAs(db, bus, p).sync.pull({ protocol: PROTOCOL_VERSION, deviceId: uuidv7(), cursor: null, limit: 500 });
  return page.changes.filter((c) => c.table === 'notifications').map((c) => c.row);
}

describe('cycles.completion', () => {
  it('counts per phase, department and manager, and lists the overdue of each phase', async () => {
    await setState(db, rid(ann), 'self_submitted');
    const c = await completion(db, cid, '2026-03-05');
    expect(c.overall).toEqual({ total: 2, selfDone: 1, managerDone: 0, signedOff: 0, acknowledged: 0 });
    expect(c.byState).toMatchObject({ not_started: 1, self_submitted: 1 });
    expect(c.byDepartment).toEqual([
      { department: 'Ops', total: 1, selfDone: 0, managerDone: 0, signedOff: 0, acknowledged: 0 },
      { department: 'Sales', total: 1, selfDone: 1, managerDone: 0, signedOff: 0, acknowledged: 0 },
    ]);
    expect(c.byManager).toEqual([
      { managerId: boss.id, managerName: 'Boris', total: 2, selfDone: 1, managerDone: 0, signedOff: 0, acknowledged: 0 },
    ]);
    expect(c.overdue.map((o) => [o.name, o.phase, o.deadline])).toEqual([['Bob', 'self', '2026-03-01']]);
    expect(c.overdueCount).toEqual({ self: 1, manager: 0 });
    const later = await completion(db, cid, '2026-03-11');
    expect(later.overdue.map((o) => [o.name, o.phase])).toEqual([
      ['Ann', 'manager'],
      ['Bob', 'self'],
    ]);
    expect(later.overdueCount).toEqual({ self: 1, manager: 1 });
    const procedure = await asHr().cycles.completion({ cycleId: cid });
    expect(procedure.overall.total).toBe(2);
    expect((await failure(() => asHr().cycles.completion({ cycleId: uuidv7() }))).code).toBe('NOT_FOUND');
  });

  it('cycles.live pokes when a reviewee of the cycle changes, and not for anyone else', async () => {
    const it = (await asHr().cycles.live({ cycleId: cid }))[Symbol.asyncIterator]();
    await it.next();
    const next = it.next();
    await bus.publish([hr.id]);
    await bus.publish([ann.id]);
    expect((await next).done).toBe(false);
    await it.return?.();
  });
});

describe('reviews.reopen', () => {
  it('reopens a signed-off review with a reason: audited, told to both, must be signed off again', async () => {
    await setState(db, rid(ann), 'signed_off');
    expect(await failure(() => asHr().reviews.reopen({ reviewId: rid(ann), reason: '  ' }))).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'reason',
    });
    expect((await failure(() => callerAs(db, bus, boss).reviews.reopen({ reviewId: rid(ann), reason: 'x' }))).code).toBe('FORBIDDEN');
    await asHr().reviews.reopen({ reviewId: rid(ann), reason: 'Rating did not match the comments' });
    const row = (
      await db.query<{ state: string; reopen_count: number; signed_off_at: number | null }>(
        'select state, reopen_count, signed_off_at from review where id = $1',
        [rid(ann)],
      )
    )[0];
    expect(row).toEqual({ state: 'manager_in_progress', reopen_count: 1, signed_off_at: null });
    const log = await asHr().audit.list({ cycleId: cid });
    expect(log.entries[0]).toMatchObject({
      action: 'review.reopen',
      actorName: 'Hana',
      subjectName: 'Ann',
      details: expect.objectContaining({ reason: 'Rating did not match the comments', from: 'signed_off' }),
    });
    expect(await pullNotifications(ann)).toEqual([
      expect.objectContaining({ kind: 'reopened', read: false, link: `/reviews/${rid(ann)}` }),
    ]);
    expect(await pullNotifications(boss)).toEqual([expect.objectContaining({ kind: 'reopened' })]);
    // S8: a notification never leaves its recipient's space (the manager does not see Ann's).
    expect((await pullNotifications(boss)).every((n) => n?.ownerId === boss.id)).toBe(true);
    // Not signed off any more: a second reopen is refused.
    expect((await failure(() => asHr().reviews.reopen({ reviewId: rid(ann), reason: 'again' }))).code).toBe('CONFLICT');
  });

  it('notification.read@1 marks a notification read through sync', async () => {
    const n = (await pullNotifications(ann))[0];
    if (!n) throw new Error('no notification');
    const device = uuidv7();
    const out = await callerAs(db, bus, ann).sync.push({
      protocol: PROTOCOL_VERSION,
      deviceId: device,
      mutations: [{ id: 1, name: 'notification.read@1', args: { id: n.id }, createdAt: Date.now() }],
    });
    expect(out.results).toEqual([{ id: 1, status: 'applied' }]);
    expect((await pullNotifications(ann))[0]).toMatchObject({ read: true });
    // Someone else's notification is not theirs to touch.
    const other = await callerAs(db, bus, bob).sync.push({
      protocol: PROTOCOL_VERSION,
      deviceId: uuidv7(),
      mutations: [{ id: 1, name: 'notification.read@1', args: { id: n.id }, createdAt: Date.now() }],
    });
    expect(other.results[0]).toMatchObject({ status: 'rejected', code: 'NOT_FOUND' });
  });
});

describe('reminders', () => {
  let smtp: LoopbackSmtp;
  beforeAll(async () => {
    smtp = await startLoopbackSmtp();
  });
  afterAll(() => smtp.close());

  it('cycles.remind never reminds of work past its deadline (the server would refuse it)', async () => {
    smtp.received.length = 0;
    const env = { ...testEnv, smtpUrl: smtp.url, mailFrom: 'Merit <merit@acme.test>' };
    const caller = callerFor({ ...makeContext(db, bus, { personId: hr.id, role: 'hr', tokenHash: 't' }), env });
    // Bob's self-review deadline (2026-03-01) has passed: he is listed as skipped, and nobody is mailed.
    const out = await caller.cycles.remind({ cycleId: cid, phase: 'self' });
    expect(out).toEqual({ reminded: [], skipped: [{ id: bob.id, name: 'Bob', deadline: '2026-03-01' }], emailed: 0 });
    expect(smtp.received).toHaveLength(0);
    expect(await failure(() => caller.cycles.remind({ cycleId: cid, phase: 'self', personId: ann.id }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'personId',
    });
    // HR moves Bob's deadline (allowed: both days stay in order), then the reminder reaches him.
    await caller.cycles.extendDeadline({ cycleId: cid, personId: bob.id, selfDeadline: '2999-01-01', managerDeadline: '2999-01-02' });
    const again = await caller.cycles.remind({ cycleId: cid, phase: 'self', personId: bob.id });
    expect(again).toMatchObject({ reminded: [{ id: bob.id, name: 'Bob' }], emailed: 1 });
    expect(smtp.received[0]?.data).toMatch(/Subject: Your self-review in H1 2026 is due/);
  });

  it('without SMTP_URL there is no mailer', () => {
    expect(createMailer(testEnv)).toBeNull();
  });

  it('the automatic tick reminds N days before a deadline, once, even when two ticks race', async () => {
    smtp.received.length = 0;
    const dora = await createPerson(db, { name: 'Dora', email: 'dora@acme.test' });
    const cid2 = await createPerson(db, { name: 'Cid', email: 'cid@acme.test', managerId: dora.id });
    const c = await draftCycle(db, bus, hr, {
      selection: { kind: 'list', personIds: [cid2.id] },
      selfDeadline: '2026-04-10',
      managerDeadline: '2026-04-20',
    });
    await asHr().cycles.launch({ cycleId: c.id });
    const mailer = createMailer({ smtpUrl: smtp.url, mailFrom: 'm@acme.test' });
    const at = (day: string) => Date.parse(`${day}T09:00:00Z`);
    expect(await reminderTick(db, bus, mailer, at('2026-04-01'))).toBe(0);
    // 3 days before: two processes tick at the same moment; the unique key lets one of them send.
    const [a, b] = await Promise.all([reminderTick(db, bus, mailer, at('2026-04-07')), reminderTick(db, bus, mailer, at('2026-04-07'))]);
    expect(a + b).toBe(1);
    expect(smtp.received.map((r) => r.to[0])).toEqual(['cid@acme.test']);
    expect(await reminderTick(db, bus, mailer, at('2026-04-08'))).toBe(0);
    // 1 day before: the second reminder.
    expect(await reminderTick(db, bus, mailer, at('2026-04-09'))).toBe(1);
    expect(await reminderTick(db, bus, mailer, at('2026-04-10'))).toBe(0);
    // Self-review submitted: the manager's phase reminds the manager; the org configured 10 days ahead.
    await setState(
      db,
      (await db.query<{ id: string }>('select id from review where cycle_id = $1', [c.id]))[0]?.id ?? '',
      'self_submitted',
    );
    expect(await asHr().cycles.reminderDays()).toEqual({ days: [3, 1] });
    expect(await failure(() => asHr().cycles.setReminderDays({ days: [61] }))).toMatchObject({ code: 'BAD_REQUEST', field: 'days.0' });
    expect(await asHr().cycles.setReminderDays({ days: [10, 10] })).toEqual({ days: [10] });
    expect(await reminderTick(db, bus, mailer, at('2026-04-10'))).toBe(1);
    expect(smtp.received.map((r) => r.to[0])).toEqual(['cid@acme.test', 'cid@acme.test', 'dora@acme.test']);
    expect(smtp.received[2]?.data).toMatch(/Subject: 1 review in H1 2026 waits for you/);
    expect((await pullNotifications(dora)).map((n) => n?.kind)).toEqual(['reminder']);
  });
});

describe('audit log', () => {
  it('audit.list filters by person and cycle and pages', async () => {
    const byBob = await asHr().audit.list({ personId: bob.id });
    expect(byBob.entries.length).toBeGreaterThan(0);
    expect(byBob.entries.every((e) => e.subjectId === bob.id || e.actorId === bob.id)).toBe(true);
    const p1 = await asHr().audit.list({ cycleId: cid, limit: 2 });
    expect(p1.entries).toHaveLength(2);
    expect(p1.nextBefore).not.toBeNull();
    const p2 = await asHr().audit.list({ cycleId: cid, limit: 2, before: p1.nextBefore ?? 0 });
    expect(p2.entries[0]?.id).toBeLessThan(p1.entries[1]?.id ?? 0);
    expect((await failure(() => callerAs(db, bus, boss).audit.list({}))).code).toBe('FORBIDDEN');
    expect(await failure(() => asHr().audit.list({ limit: 0 }))).toMatchObject({ field: 'limit' });
  });

  it('is append-only: no server code updates or deletes audit_log', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|sql)$/.test(f) && !f.endsWith('.test.ts')) files.push(p);
      }
    };
    walk(join(__dirname, '..'));
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((f) =>
      /(update\s+audit_log|delete\s+from\s+audit_log|truncate\s+(table\s+)?audit_log)/i.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
