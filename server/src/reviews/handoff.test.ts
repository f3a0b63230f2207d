import { uuidv7 } from '@merit/shared/ids';
import { PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOrg } from '../auth/auth-test-kit';
import type { Db } from '../db/client';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { callerAs, createPerson, type TestPerson } from '../test/context';
import { openTestDb } from '../test/harness';
import { createReviewFixture } from './fixture';

let db: Db;
let bus: ChangeBus;
let hr: TestPerson;
let boss: TestPerson;
let ann: TestPerson;
let reviewId: string;
beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  await ensureOrg(db);
  hr = await createPerson(db, { role: 'hr', name: 'Hana' });
  boss = await createPerson(db, { name: 'Boris' });
  ann = await createPerson(db, { name: 'Ann', managerId: boss.id });
  ({ reviewId } = await createReviewFixture(db, { ownerId: ann.id, managerId: boss.id }));
});
afterAll(async () => {
  await bus.close();
  await db.close();
});

const devices = new Map<string, { id: string; next: number }>();
async function push(p: TestPerson, name: string, args: unknown) {
  const d = devices.get(p.id) ?? { id: uuidv7(), next: 1 };
  devices.set(p.id, d);
  const out = await callerAs(db, bus, p).sync.push({
    protocol: PROTOCOL_VERSION,
    deviceId: d.id,
    mutations: [{ id: d.next++, name, args, createdAt: Date.now() }],
  });
  expect(out.results, name).toEqual([{ id: d.next - 1, status: 'applied' }]);
}
async function notes(p: TestPerson) {
  const page = await callerAs(db, bus, p).sync.pull({ protocol: PROTOCOL_VERSION, deviceId: uuidv7(), cursor: null, limit: 500 });
  return page.changes.filter((c) => c.table === 'notifications').map((c) => c.row);
}

describe('hand-off notifications (S7, S8: each lives in its recipient space only)', () => {
  it('self-review submitted -> manager; signed off -> employee; acknowledged with the comment -> manager', async () => {
    await push(ann, 'review.answer@1', { id: reviewId, side: 'self', questionId: 'well', answer: { text: 'Shipped' } });
    await push(ann, 'review.answer@1', { id: reviewId, side: 'self', questionId: 'overall', answer: { rating: 4 } });
    await push(ann, 'review.submitSelf@1', { id: reviewId });
    expect(await notes(boss)).toEqual([
      expect.objectContaining({ ownerId: boss.id, kind: 'info', title: 'Ann submitted their self-review', link: `/reviews/${reviewId}` }),
    ]);
    expect(await notes(ann)).toEqual([]);

    await push(boss, 'review.answer@1', { id: reviewId, side: 'manager', questionId: 'overall', answer: { rating: 4 } });
    await push(boss, 'review.answer@1', { id: reviewId, side: 'manager', questionId: 'summary', answer: { text: 'Great half' } });
    await push(boss, 'review.submitManager@1', { id: reviewId });
    await push(boss, 'review.signOff@1', { id: reviewId });
    expect(await notes(ann)).toEqual([expect.objectContaining({ ownerId: ann.id, title: 'Your review in H2 2026 is signed off' })]);

    await push(ann, 'review.acknowledge@1', { id: reviewId, comment: 'Fair, thanks' });
    expect((await notes(boss)).map((n) => [n?.title, n?.body])).toEqual([
      ['Ann submitted their self-review', 'H2 2026: it is ready for your review.'],
      ['Ann acknowledged their review', 'H2 2026. Their comment: “Fair, thanks”'],
    ]);
    // HR sees the comment in the cycle's review table.
    const rows = await callerAs(db, bus, hr).cycles.reviews({
      cycleId: (await db.query<{ cycle_id: string }>('select cycle_id from review where id = $1', [reviewId]))[0]?.cycle_id ?? '',
    });
    expect(rows[0]).toMatchObject({ state: 'acknowledged', ackComment: 'Fair, thanks' });
  });

  it('feedback shared with the manager tells the manager once; private feedback tells nobody', async () => {
    const id = uuidv7();
    await push(ann, 'feedback.create@1', { id, fromName: 'Zoe', date: '2026-11-01', body: 'Great demo' });
    const before = (await notes(boss)).length;
    await push(ann, 'feedback.update@1', { id, patch: { visibility: 'manager' } });
    const after = await notes(boss);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ title: 'Ann shared feedback with you', body: 'From Zoe.', link: `/team/${ann.id}` });
    await push(ann, 'feedback.update@1', { id, patch: { body: 'Great demo!' } });
    expect(await notes(boss)).toHaveLength(before + 1);
  });
});
