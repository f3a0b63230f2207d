import { PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOrg } from '../auth/auth-test-kit';
import type { Db } from '../db/client';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { callerAs, createPerson, type TestPerson } from '../test/context';
import { openTestDb } from '../test/harness';
import { completion } from './completion';
import { draftCycle } from './cycles-kit';

let db: Db;
let bus: ChangeBus;
let hr: TestPerson;
let boss: TestPerson;
let ann: TestPerson;
let bob: TestPerson;
let cid: string;
beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  await ensureOrg(db);
  hr = await createPerson(db, { role: 'hr', name: 'Hana', department: 'People' });
  boss = await createPerson(db, { name: 'Boris', department: 'Sales' });
  ann = await createPerson(db, { name: 'Ann', department: 'Sales', managerId: boss.id });
  bob = await createPerson(db, { name: 'Bob', department: 'Ops', managerId: boss.id });
});
afterAll(async () => {
  await bus.close();
  await db.close();
});

/** What the completion counts must reflect: the review rows themselves, with the reviewee's name and department now. */
const truth = () =>
  db.query(
    `select r.id, r.cycle_id, r.owner_id, r.manager_id, e.name, e.department, r.state, r.self_deadline::text, r.manager_deadline::text, r.deleted
       from review r join person e on e.id = r.owner_id order by r.id`,
  );
/** The kept counts must equal the counts of those rows, key by key. */
const countsTruth = () =>
  db.query(
    `select r.cycle_id, r.state, e.department, r.manager_id, r.self_deadline::text, r.manager_deadline::text, count(*)::int as n
       from review r join person e on e.id = r.owner_id where not r.deleted group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6`,
  );
const counts = () =>
  db.query(
    `select cycle_id, state, department, nullif(manager_key, '00000000-0000-0000-0000-000000000000') as manager_id,
            self_deadline::text, manager_deadline::text, n
       from review_count where n <> 0 order by 1, 2, 3, 4, 5, 6`,
  );
const copy = () =>
  db.query(
    `select id, cycle_id, owner_id, manager_id, name, department, state, self_deadline::text, manager_deadline::text, deleted
       from review_progress order by id`,
  );

describe('review_progress: the narrow copy live completion reads (migration 0008)', () => {
  it('stays equal to the review rows through launch, a pushed submit, a department move, deadlines and participants', async () => {
    const asHr = callerAs(db, bus, hr);
    const c = await draftCycle(db, bus, hr, {
      selection: { kind: 'list', personIds: [ann.id, bob.id] },
      selfDeadline: '2999-01-01',
      managerDeadline: '2999-01-10',
    });
    cid = c.id;
    await asHr.cycles.launch({ cycleId: cid });
    expect(await copy()).toEqual(await truth());
    expect(await counts()).toEqual(await countsTruth());
    expect((await copy()).length).toBe(2);

    const annReview = (await db.query<{ id: string }>('select id from review where owner_id = $1', [ann.id]))[0]?.id;
    let next = 1;
    const push = (name: string, args: Record<string, unknown>) =>
      callerAs(db, bus, ann).sync.push({
        protocol: PROTOCOL_VERSION,
        deviceId: '0190a000-0000-7000-8000-000000000001',
        mutations: [{ id: next++, name, args, createdAt: Date.now() }],
      });
    await push('review.answer@1', { id: annReview, side: 'self', questionId: 'q-self', answer: { text: 'Shipped' } });
    await push('review.answer@1', { id: annReview, side: 'self', questionId: 'q-rating', answer: { rating: 2 } });
    const submitted = await push('review.submitSelf@1', { id: annReview });
    expect(submitted.results[0]).toMatchObject({ status: 'applied' });
    expect(await copy()).toEqual(await truth());
    expect(await counts()).toEqual(await countsTruth());

    await db.query("update person set department = 'Marketing', name = 'Ann Lee' where id = $1", [ann.id]);
    await asHr.cycles.extendDeadline({ cycleId: cid, personId: bob.id, selfDeadline: '2999-02-01', managerDeadline: '2999-03-01' });
    await asHr.cycles.removeParticipant({ cycleId: cid, personId: bob.id });
    expect(await copy()).toEqual(await truth());
    expect(await counts()).toEqual(await countsTruth());

    const now = await completion(db, cid, '2026-01-01');
    expect(now.overall).toMatchObject({ total: 1, selfDone: 1 });
    expect(now.byDepartment.map((d) => d.department)).toEqual(['Marketing']);
    expect(now.byManager).toEqual([expect.objectContaining({ managerId: boss.id, managerName: 'Boris', total: 1 })]);

    await asHr.cycles.addParticipant({ cycleId: cid, personId: bob.id });
    expect(await copy()).toEqual(await truth());
    expect(await counts()).toEqual(await countsTruth());
    expect((await completion(db, cid, '2026-01-01')).overall.total).toBe(2);

    // A manual clean-up that deletes rows outright (no code path does) leaves no count behind either.
    await db.query('delete from review where owner_id = $1 and cycle_id = $2', [bob.id, cid]);
    expect(await copy()).toEqual(await truth());
    expect(await counts()).toEqual(await countsTruth());
  });
});
