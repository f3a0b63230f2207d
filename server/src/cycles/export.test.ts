import { uuidv7 } from '@merit/shared/ids';
import { PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOrg } from '../auth/auth-test-kit';
import { createSession } from '../auth/sessions';
import type { Db } from '../db/client';
import { testApp } from '../http/http-test-kit';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { callerAs, createPerson, type TestPerson, testEnv } from '../test/context';
import { openTestDb } from '../test/harness';
import { draftCycle } from './cycles-kit';
import { csvCell } from './export';

let db: Db;
let bus: ChangeBus;
let app: FastifyInstance;
let hr: TestPerson;
let emp: TestPerson;
let cycleId: string;
beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  await ensureOrg(db);
  ({ app } = await testApp(db, bus));
  hr = await createPerson(db, { role: 'hr', name: 'Hana' });
  const boss = await createPerson(db, { name: 'Boris', department: 'Sales' });
  emp = await createPerson(db, { name: 'Emma, "E"', department: 'Sales', managerId: boss.id, email: 'emma@acme.test' });
  const c = await draftCycle(db, bus, hr, { selection: { kind: 'list', personIds: [emp.id, boss.id] } });
  await callerAs(db, bus, hr).cycles.launch({ cycleId: c.id });
  cycleId = c.id;
  await db.query(
    `update review set state = 'acknowledged', signed_off_at = 1767225600000, acknowledged_at = 1767312000000,
       ack_comment = 'Fair, thanks',
       self_answers = '{"q-rating": {"rating": 3}, "q-self": {"text": "=SUM(A1) shipped\\nsearch"}}',
       manager_answers = '{"q-rating": {"rating": 2}, "q-mgr": {"text": "Solid"}}'
     where owner_id = $1`,
    [emp.id],
  );
});
afterAll(async () => {
  await app.close();
  await bus.close();
  await db.close();
});

const cookieOf = async (p: TestPerson) => `merit_session=${await createSession(db, p.id, testEnv, 'vitest')}`;

describe('GET /api/export/cycles/<id>.csv', () => {
  it('streams a row per review with a header from the template, and audits the export', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/export/cycles/${cycleId}.csv`, headers: { cookie: await cookieOf(hr) } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="H1-2026.csv"');
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'person,email,manager,department,status,self submitted,manager submitted,signed off,acknowledged,acknowledgement comment,reopened,' +
        'Overall impact [self rating],Overall impact [self comment],Overall impact [manager rating],Overall impact [manager comment],' +
        'What went well? [self answer],Manager comments [manager answer]',
    );
    expect(res.body).toContain(
      `"Emma, ""E""",emma@acme.test,Boris,Sales,Acknowledged,,,2026-01-01T00:00:00.000Z,2026-01-02T00:00:00.000Z,"Fair, thanks",0,3,,2,,"'=SUM(A1) shipped\nsearch",Solid`,
    );
    expect(lines.filter((l) => l !== '')).toHaveLength(3);
    const log = await db.query(`select actor_id from audit_log where action = 'cycle.export' and details ->> 'cycleId' = $1`, [cycleId]);
    expect(log).toEqual([{ actor_id: hr.id }]);
  });

  it('needs an HR session, a same-origin request and a known cycle', async () => {
    const url = `/api/export/cycles/${cycleId}.csv`;
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url, headers: { cookie: await cookieOf(emp) } })).statusCode).toBe(403);
    const cross = await app.inject({ method: 'GET', url, headers: { cookie: await cookieOf(hr), 'sec-fetch-site': 'cross-site' } });
    expect(cross.statusCode).toBe(403);
    const other = await app.inject({ method: 'GET', url: `/api/export/cycles/${emp.id}.csv`, headers: { cookie: await cookieOf(hr) } });
    expect(other.statusCode).toBe(404);
  });

  it('quotes cells and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell(null)).toBe('');
  });
});

describe('cycles.analytics and cycles.review', () => {
  it('gives the rating distribution per question and department, and completion over time', async () => {
    const a = await callerAs(db, bus, hr).cycles.analytics({ cycleId });
    expect(a.ratings).toEqual([
      { questionId: 'q-rating', side: 'manager', department: 'Sales', rating: 2, count: 1 },
      { questionId: 'q-rating', side: 'self', department: 'Sales', rating: 3, count: 1 },
    ]);
    expect(a.overTime).toEqual([{ day: '2026-01-01', selfSubmitted: 0, signedOff: 1 }]);
  });

  it('gives HR one review with both sides for printing', async () => {
    const id = (await db.query<{ id: string }>('select id from review where owner_id = $1', [emp.id]))[0]?.id ?? '';
    const r = await callerAs(db, bus, hr).cycles.review({ reviewId: id });
    expect(r).toMatchObject({
      personName: 'Emma, "E"',
      managerName: 'Boris',
      state: 'acknowledged',
      managerAnswers: { 'q-mgr': { text: 'Solid' } },
    });
    expect(r.goals).toEqual([]);
    expect(
      await callerAs(db, bus, emp)
        .cycles.review({ reviewId: id })
        .catch((e: { code?: string }) => e.code),
    ).toBe('FORBIDDEN');
  });
});

describe('the print view lists the goals section (issue 6 item 1)', () => {
  it("gives the reviewee's shared goals of the period with progress and key results, never a private one", async () => {
    const push = async (mutations: { name: string; args: Record<string, unknown> }[]) =>
      callerAs(db, bus, emp).sync.push({
        protocol: PROTOCOL_VERSION,
        deviceId: uuidv7(),
        mutations: mutations.map((m, i) => ({ ...m, id: i + 1, createdAt: Date.now() })),
      });
    const kr = { id: 'k1', title: 'Pilot customers', kind: 'number', start: 0, target: 10, unit: 'customers', weight: 1, current: null };
    const shared = uuidv7();
    const goal = (id: string, title: string, visibility: string, periodStart: string, dueDate: string) => ({
      name: 'goal.create@1',
      args: { id, title, periodStart, dueDate, visibility, keyResults: [kr] },
    });
    const out = await push([
      goal(shared, 'Grow the pilot', 'manager', '2026-01-01', '2026-06-30'),
      goal(uuidv7(), 'Find a new job', 'private', '2026-01-01', '2026-06-30'),
      goal(uuidv7(), 'Next half', 'org', '2026-07-01', '2026-12-31'),
      { name: 'checkin.create@1', args: { id: uuidv7(), goalId: shared, krId: 'k1', value: 4, confidence: 7, date: '2026-03-02' } },
    ]);
    expect(out.results.map((x) => x.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    const id = (await db.query<{ id: string }>('select id from review where owner_id = $1', [emp.id]))[0]?.id ?? '';
    const r = await callerAs(db, bus, hr).cycles.review({ reviewId: id });
    expect(r.goals).toEqual([
      {
        id: shared,
        title: 'Grow the pilot',
        status: 'active',
        periodStart: '2026-01-01',
        dueDate: '2026-06-30',
        progress: 0.4,
        krs: [{ id: 'k1', title: 'Pilot customers', kind: 'number', unit: 'customers', start: 0, current: 4, target: 10, progress: 0.4 }],
      },
    ]);
  });
});
