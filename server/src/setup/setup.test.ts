import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, failure } from '../auth/auth-test-kit';
import type { Db } from '../db/client';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { openTestDb } from '../test/harness';

let db: Db;
let bus: ChangeBus;
beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
});
afterAll(async () => {
  await bus.close();
  await db.close();
});

const input = { orgName: 'Acme', name: 'Hana HR', email: 'Hana@Acme.test', password: 'a long enough password' };
const count = async (table: string) => (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]?.n;

describe('setup', () => {
  it('refuses bad input, naming the field, and writes nothing', async () => {
    const b = browser(db, bus);
    const f = await failure(async () => (await b.caller()).setup.create({ ...input, email: 'not-an-email' }));
    expect(f).toMatchObject({ code: 'BAD_REQUEST', field: 'email' });
    const short = await failure(async () => (await b.caller()).setup.create({ ...input, password: 'short' }));
    expect(short.field).toBe('password');
    expect(await count('org')).toBe(0);
    expect(await count('person')).toBe(0);
  });

  it('reports that setup is needed, then creates the org and its first HR admin, signed in', async () => {
    const b = browser(db, bus);
    expect(await (await b.caller()).setup.status()).toEqual({ needsSetup: true, orgName: null });
    const me = await (await b.caller()).setup.create(input);
    expect(me).toMatchObject({ name: 'Hana HR', email: 'hana@acme.test', role: 'hr', orgName: 'Acme', managerId: null, isManager: false });
    expect(b.jar.token).toBeTruthy();
    expect(await (await b.caller()).auth.me()).toMatchObject({ id: me.id, role: 'hr' });
    expect(await (await b.caller()).setup.status()).toEqual({ needsSetup: false, orgName: 'Acme' });
    const rows = await db.query<{ action: string; actor_id: string }>('select action, actor_id from audit_log');
    expect(rows).toEqual([{ action: 'setup.create', actor_id: me.id }]);
  });

  it('runs only once: a second setup is refused and changes nothing', async () => {
    const f = await failure(async () =>
      (await browser(db, bus).caller()).setup.create({ ...input, orgName: 'Evil', email: 'evil@x.test' }),
    );
    expect(f.code).toBe('CONFLICT');
    expect(await db.query('select name from org')).toEqual([{ name: 'Acme' }]);
    expect(await count('person')).toBe(1);
  });
});

describe('setup under a concurrent double submit', () => {
  it('creates exactly one organisation and one admin', async () => {
    const fresh = await openTestDb();
    const freshBus = await createChangeBus(fresh);
    try {
      const a = browser(fresh, freshBus);
      const b = browser(fresh, freshBus);
      const results = await Promise.allSettled([
        (await a.caller()).setup.create(input),
        (await b.caller()).setup.create({ ...input, orgName: 'Acme 2', email: 'second@acme.test' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected');
      expect(rejected?.status === 'rejected' && (rejected.reason as { code?: string }).code).toBe('CONFLICT');
      expect((await fresh.query<{ n: number }>('select count(*)::int as n from org'))[0]?.n).toBe(1);
      expect((await fresh.query<{ n: number }>('select count(*)::int as n from person'))[0]?.n).toBe(1);
    } finally {
      await freshBus.close();
      await fresh.close();
    }
  });
});
