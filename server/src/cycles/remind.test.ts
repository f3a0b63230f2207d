import { uuidv7 } from '@merit/shared/ids';
import { PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOrg, failure } from '../auth/auth-test-kit';
import type { Db } from '../db/client';
import { type LoopbackSmtp, mailText, startLoopbackSmtp } from '../notifications/smtp-test-kit';
import { longDay } from '../notifications/words';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { callerAs, callerFor, createPerson, makeContext, type TestPerson, testEnv } from '../test/context';
import { openTestDb } from '../test/harness';
import { todayUtc } from './completion';
import { draftCycle, setState } from './cycles-kit';
import { reminderTick } from './reminders';

const DAY = 86_400_000;
const inDays = (n: number) => todayUtc(Date.now() + n * DAY);

let db: Db;
let bus: ChangeBus;
let smtp: LoopbackSmtp;
let hr: TestPerson;
let boss: TestPerson;
let ann: TestPerson;
let bob: TestPerson;
let cat: TestPerson;
let cid: string;
beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  smtp = await startLoopbackSmtp();
  await ensureOrg(db);
  hr = await createPerson(db, { role: 'hr', name: 'Hana' });
  boss = await createPerson(db, { name: 'Boris', email: 'boris@acme.test' });
  ann = await createPerson(db, { name: 'Ann', managerId: boss.id, email: 'ann@acme.test' });
  bob = await createPerson(db, { name: 'Bob', managerId: boss.id, email: 'bob@acme.test' });
  cat = await createPerson(db, { name: 'Cat', managerId: boss.id, email: 'cat@acme.test' });
  const c = await draftCycle(db, bus, hr, {
    selection: { kind: 'list', personIds: [ann.id, bob.id, cat.id] },
    selfDeadline: inDays(5),
    managerDeadline: inDays(12),
  });
  cid = c.id;
  await callerAs(db, bus, hr).cycles.launch({ cycleId: cid });
  // Bob's self-review deadline was moved into the past (HR confirmed): he can no longer submit.
  await callerAs(db, bus, hr).cycles.extendDeadline({ cycleId: cid, personId: bob.id, selfDeadline: inDays(-2), allowPast: true });
  const catReview = await db.query<{ id: string }>('select id from review where cycle_id = $1 and owner_id = $2', [cid, cat.id]);
  await setState(db, catReview[0]?.id ?? '', 'self_submitted');
});
afterAll(async () => {
  await smtp.close();
  await bus.close();
  await db.close();
});

const hrWithSmtp = () =>
  callerFor({ ...makeContext(db, bus, { personId: hr.id, role: 'hr', tokenHash: 't' }), env: { ...testEnv, smtpUrl: smtp.url } });

async function reminders(p: TestPerson) {
  const page = await callerAs(db, bus, p).sync.pull({ protocol: PROTOCOL_VERSION, deviceId: uuidv7(), cursor: null, limit: 500 });
  return page.changes.filter((c) => c.table === 'notifications' && c.row?.kind === 'reminder').map((c) => c.row);
}

describe('cycles.remind before the deadline', () => {
  it('reminds everyone not done in a phase who can still submit, in the app and by e-mail, and skips the overdue', async () => {
    smtp.received.length = 0;
    const out = await hrWithSmtp().cycles.remind({ cycleId: cid, phase: 'self' });
    expect(out.reminded).toEqual([{ id: ann.id, name: 'Ann' }]);
    expect(out.skipped).toEqual([{ id: bob.id, name: 'Bob', deadline: inDays(-2) }]);
    expect(out.emailed).toBe(1);
    expect(smtp.received.map((m) => m.to)).toEqual([['ann@acme.test']]);
    // The e-mail spells the real deadline out; the app carries the ISO day, which the browser shows in its locale.
    expect(mailText(smtp.received[0]?.data ?? '')).toContain(`by the end of ${longDay(inDays(5))}`);
    expect(await reminders(ann)).toEqual([expect.objectContaining({ body: `Please submit it by the end of ${inDays(5)}.` })]);
    expect(await reminders(bob)).toEqual([]);
  });

  it('reminds the selected people, refusing when every one of them is past the deadline', async () => {
    const out = await hrWithSmtp().cycles.remind({ cycleId: cid, phase: 'self', personIds: [ann.id, bob.id] });
    expect(out.reminded.map((r) => r.name)).toEqual(['Ann']);
    expect(out.skipped.map((r) => r.name)).toEqual(['Bob']);
    expect(await failure(() => hrWithSmtp().cycles.remind({ cycleId: cid, phase: 'self', personId: bob.id }))).toMatchObject({
      code: 'CONFLICT',
      field: 'personId',
      message: expect.stringMatching(/deadline has passed.*move the deadline first/),
    });
    // Cat's self-review is in: nothing waits in the self phase for her.
    expect(await failure(() => hrWithSmtp().cycles.remind({ cycleId: cid, phase: 'self', personIds: [cat.id] }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'personIds',
    });
  });

  it('reminds the manager of the reviews waiting for them, stating their deadline', async () => {
    smtp.received.length = 0;
    const out = await hrWithSmtp().cycles.remind({ cycleId: cid, phase: 'manager', personId: boss.id, message: 'Thanks!' });
    expect(out.reminded).toEqual([{ id: boss.id, name: 'Boris' }]);
    expect(smtp.received[0]?.data).toMatch(/Subject: 1 review in H1 2026 waits for you/);
    expect(mailText(smtp.received[0]?.data ?? '')).toContain(`sign it off by the end of ${longDay(inDays(12))}. Thanks!`);
  });

  it('the automatic tick never reminds of a deadline already past, and states the one still ahead', async () => {
    smtp.received.length = 0;
    const mailer = {
      send: async (m: { to: string; subject: string; text: string }) => void smtp.received.push({ to: [m.to], data: m.text }),
    };
    // Five days ahead is outside the default 3 and 1: nobody yet. Three days before Ann's deadline: Ann only.
    expect(await reminderTick(db, bus, mailer, Date.now())).toBe(0);
    expect(await reminderTick(db, bus, mailer, Date.now() + 2 * DAY + 60_000)).toBe(1);
    expect(smtp.received.map((m) => m.to[0])).toEqual(['ann@acme.test']);
    expect(smtp.received[0]?.data).toContain(longDay(inDays(5)));
  });
});

describe('cycles.extendDeadline into the past', () => {
  it('asks first: refused without allowPast, naming the field; applied with it', async () => {
    expect(await failure(() => callerAs(db, bus, hr).cycles.extendDeadline({ cycleId: cid, managerDeadline: inDays(-1) }))).toMatchObject({
      code: 'CONFLICT',
      field: 'managerDeadline',
    });
    const c = await callerAs(db, bus, hr).cycles.extendDeadline({ cycleId: cid, personId: bob.id, selfDeadline: inDays(3) });
    expect(c.selfDeadline).toBe(inDays(5));
    const log = await callerAs(db, bus, hr).audit.list({ cycleId: cid, limit: 1 });
    expect(log.entries[0]).toMatchObject({
      action: 'cycle.deadline',
      details: expect.objectContaining({ selfDeadline: inDays(3), from: { selfDeadline: inDays(-2), managerDeadline: inDays(12) } }),
    });
  });
});
