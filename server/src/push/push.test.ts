import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../auth/auth-test-kit';
import type { Db } from '../db/client';
import { notify } from '../notifications/notify';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { callerAs, createPerson, type TestPerson, testEnv } from '../test/context';
import { openTestDb } from '../test/harness';
import { drainPushQueue } from './sender';
import { startTestPushService, type TestPushService } from './test-push-service';
import { allowedEndpoint, vapidKeys } from './vapid';

let db: Db;
let bus: ChangeBus;
let service: TestPushService;
let ana: TestPerson;
let ben: TestPerson;

beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  service = await startTestPushService();
  ana = await createPerson(db, { email: 'ana@acme.test' });
  ben = await createPerson(db, { email: 'ben@acme.test' });
});
afterAll(async () => {
  await service.close();
  await bus.close();
  await db.close();
});

const queued = async () => (await db.query<{ n: number }>('select count(*)::int as n from push_queue'))[0]?.n;
const reminder = (to: string, link: string) => ({
  to,
  kind: 'reminder' as const,
  title: 'Self-review due in 3 days',
  body: 'Spring 2027',
  link,
});

describe('web push: every in-app notification goes to the devices that opted in (issue 13)', () => {
  it('VAPID keys are made once and kept in the database; push.config hands out the public key', async () => {
    const first = await vapidKeys(db);
    expect(await vapidKeys(db)).toEqual(first);
    expect((await callerAs(db, bus, ana).push.config()).publicKey).toBe(first.publicKey);
    expect(Buffer.from(first.publicKey, 'base64url')).toHaveLength(65);
  });

  it('a notification is queued with it, sent after commit, decrypted by the push service and signed with the server VAPID key', async () => {
    const anaPhone = service.subscription('ana-phone');
    const anaLaptop = service.subscription('ana-laptop');
    await callerAs(db, bus, ana).push.subscribe(anaPhone);
    await callerAs(db, bus, ana).push.subscribe(anaLaptop);
    await db.tx((q) => notify(q, [reminder(ana.id, '/reviews/r1'), reminder(ben.id, '/reviews/r2')]));
    // Ben never opted in: nothing queued for him. Ana: one per device.
    expect(await queued()).toBe(2);
    expect(await drainPushQueue(db, testEnv)).toBe(2);
    expect(await queued()).toBe(0);
    const got = service.received.filter((r) => r.device.startsWith('ana-'));
    expect(got.map((r) => r.device).sort()).toEqual(['ana-laptop', 'ana-phone']);
    const { publicKey } = await vapidKeys(db);
    for (const r of got) {
      expect(JSON.parse(r.payload)).toEqual({
        title: 'Self-review due in 3 days',
        body: 'Spring 2027',
        url: '/reviews/r1',
        tag: 'reminder:/reviews/r1',
      });
      expect(r.vapid.publicKey).toBe(publicKey);
      expect(r.vapid.aud).toBe(service.origin);
      expect(r.vapid.sub).toBe('mailto:merit@localhost');
      expect(r.vapid.exp * 1000).toBeGreaterThan(Date.now());
      expect(r.ttl).toBe('86400');
    }
  });

  it('a notification rolled back with its transaction pushes nothing', async () => {
    await expect(
      db.tx(async (q) => {
        await notify(q, [reminder(ana.id, '/reviews/r9')]);
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect(await queued()).toBe(0);
  });

  it('a subscription the push service reports gone (410) is removed; a failing one is retried later', async () => {
    service.gone.add('ana-laptop');
    service.failing.add('ana-phone');
    await db.tx((q) => notify(q, [reminder(ana.id, '/goals/g1')]));
    await drainPushQueue(db, testEnv);
    const subs = await db.query<{ endpoint: string }>('select endpoint from push_subscription where person_id = $1', [ana.id]);
    expect(subs.map((s) => s.endpoint)).toEqual([`${service.origin}/push/ana-phone`]);
    const retry = await db.query<{ attempts: number; later: boolean }>('select attempts, next_at > now() as later from push_queue');
    expect(retry).toEqual([{ attempts: 1, later: true }]);
  });

  it('a device unsubscribes itself only; endpoints outside the known push services are refused', async () => {
    const benPhone = service.subscription('ben-phone');
    await callerAs(db, bus, ben).push.subscribe(benPhone);
    await callerAs(db, bus, ana).push.unsubscribe({ endpoint: benPhone.endpoint });
    expect(await db.query('select 1 from push_subscription where endpoint = $1', [benPhone.endpoint])).toHaveLength(1);
    await callerAs(db, bus, ben).push.unsubscribe({ endpoint: benPhone.endpoint });
    expect(await db.query('select 1 from push_subscription where endpoint = $1', [benPhone.endpoint])).toHaveLength(0);
    const evil = { endpoint: 'https://internal.example/hook', keys: benPhone.keys };
    expect((await failure(() => callerAs(db, bus, ben).push.subscribe(evil))).field).toBe('endpoint');
    expect(allowedEndpoint('https://fcm.googleapis.com/fcm/send/abc', { production: true })).toBe(true);
    expect(allowedEndpoint('https://web.push.apple.com/QGx', { production: true })).toBe(true);
    expect(allowedEndpoint('http://127.0.0.1:9/push', { production: true })).toBe(false);
  });
});
