import { uuidv7 } from '@merit/shared/ids';
import { PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser } from '../auth/auth-test-kit';
import type { Db } from '../db/client';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { openTestDb } from '../test/harness';
import { DEMO_PASSWORD } from './people';
import { seedDemo } from './seed';

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

describe('demo data', () => {
  it('seeds an empty database with ~60 people in three levels and a few wins each, and prints how to sign in', async () => {
    const lines: string[] = [];
    expect(await seedDemo(db, (l) => lines.push(l))).toBe(true);
    const people = await db.query<{ id: string; email: string; role: string; manager_id: string | null }>(
      'select id, email, role, manager_id from person',
    );
    expect(people.length).toBeGreaterThanOrEqual(55);
    const names = await db.query<{ name: string }>('select name from person');
    expect(new Set(names.map((n) => n.name)).size).toBe(names.length);
    expect(people.filter((p) => p.role === 'hr')).toHaveLength(1);
    const top = people.filter((p) => p.manager_id === null);
    expect(top).toHaveLength(1);
    const managers = people.filter((p) => p.manager_id === top[0]?.id && p.role !== 'hr');
    expect(managers.length).toBeGreaterThanOrEqual(5);
    const managerIds = new Set(managers.map((m) => m.id));
    const employees = people.filter((p) => p.manager_id !== null && managerIds.has(p.manager_id));
    expect(employees.length + managers.length + 2).toBe(people.length);
    const wins = await db.query<{ n: number }>('select count(*)::int as n from win group by owner_id');
    expect(wins).toHaveLength(people.length);
    for (const w of wins) expect(w.n).toBeGreaterThanOrEqual(2);

    const printed = lines.join('\n');
    expect(printed).toContain(DEMO_PASSWORD);
    const emails = [...printed.matchAll(/[a-z0-9.]+@northwind\.example/g)].map((m) => m[0]);
    expect(emails).toHaveLength(3);
    for (const email of emails) {
      const me = await (await browser(db, bus).caller()).auth.signIn({ email, password: DEMO_PASSWORD });
      expect(me.orgName).toBe('Northwind Demo');
    }
  });

  it('serves the seeded wins through sync like any other data', async () => {
    const b = browser(db, bus);
    const me = await (await b.caller()).auth.signIn({ email: 'hr@northwind.example', password: DEMO_PASSWORD });
    const page = await (await b.caller()).sync.pull({ protocol: PROTOCOL_VERSION, deviceId: uuidv7(), cursor: null });
    const wins = page.changes.filter((c) => c.table === 'wins');
    expect(wins.length).toBeGreaterThanOrEqual(2);
    for (const w of wins) expect(w.row?.ownerId).toBe(me.id);
    // Two goals with their check-ins, each row a distinct version of the person's space (S7).
    const goals = page.changes.filter((c) => c.table === 'goals');
    expect(goals).toHaveLength(2);
    const checkins = page.changes.filter((c) => c.table === 'checkins');
    for (const c of checkins) expect(goals.map((g) => g.id)).toContain(c.row?.goalId);
    const versions = page.changes.map((c) => Number(c.row?.version));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('launches a half-year cycle with reviews at every stage, leaving the printed employee one to start', async () => {
    const cycles = await db.query<{ id: string; status: string }>('select id, status from review_cycle');
    expect(cycles).toEqual([{ id: expect.any(String), status: 'launched' }]);
    const states = await db.query<{ state: string; n: number }>('select state, count(*)::int as n from review group by state');
    const count = (s: string) => states.find((x) => x.state === s)?.n ?? 0;
    expect(count('not_started')).toBeGreaterThan(10);
    expect(count('self_submitted')).toBeGreaterThan(5);
    expect(count('signed_off')).toBeGreaterThan(0);
    // Everyone reviewed has a reviewer; the CEO and HR are not in the cycle.
    const orphans = await db.query('select 1 from review where manager_id is null');
    expect(orphans).toHaveLength(0);
    const ben = await db.query<{ state: string }>(
      `select r.state from review r join person p on p.id = r.owner_id where p.email = 'ben.brooks1@northwind.example'`,
    );
    expect(ben).toEqual([{ state: 'not_started' }]);
    // The submits and sign-offs went through the real push, so the audit trail has them.
    const audited = await db.query<{ action: string }>('select distinct action from audit_log order by action');
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['cycle.launch', 'review.submit_self', 'review.sign_off']));
  });

  it('never seeds a database that already has people', async () => {
    const before = await db.query('select count(*)::int as n from person');
    const lines: string[] = [];
    expect(await seedDemo(db, (l) => lines.push(l))).toBe(false);
    expect(await db.query('select count(*)::int as n from person')).toEqual(before);
    // This database holds the demo already: a second `npm start -- --demo` still says how to sign in.
    expect(lines.join('\n')).toMatch(/already here\. Sign in with password .* as hr@northwind\.example/);
    await db.query("update person set disabled = true where email = 'hr@northwind.example'");
    const other: string[] = [];
    expect(await seedDemo(db, (l) => other.push(l))).toBe(false);
    expect(other.join('\n')).toMatch(/not seeded/);
  });
});
