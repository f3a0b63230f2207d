import { uuidv7 } from '@merit/shared/ids';
import { type Mutation, PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  hr = await createPerson(db, { name: 'Hana', role: 'hr' });
  boss = await createPerson(db, { name: 'Boss' });
  ann = await createPerson(db, { name: 'Ann', managerId: boss.id });
});
afterAll(async () => {
  await bus.close();
  await db.close();
});

function device(p: TestPerson) {
  const c = callerAs(db, bus, p);
  const deviceId = uuidv7();
  let next = 1;
  return {
    async push(...ms: Omit<Mutation, 'id' | 'createdAt'>[]) {
      const mutations = ms.map((m) => ({ ...m, id: next++, createdAt: Date.now() }));
      return (await c.sync.push({ protocol: PROTOCOL_VERSION, deviceId, mutations })).results;
    },
    async inbox(reviewId: string) {
      const page = await c.sync.pull({ protocol: PROTOCOL_VERSION, deviceId, cursor: null, limit: 500 });
      return page.changes
        .filter((ch) => ch.table === 'rejections' && (ch.row?.args as { id?: string } | undefined)?.id === reviewId)
        .map((ch) => ch.row);
    },
  };
}
const answer = (id: string, questionId: string, a: Record<string, unknown>) => ({
  name: 'review.answer@1',
  args: { id, side: 'manager', questionId, answer: a },
});
const step = (name: string, id: string) => ({ name, args: { id } });
const stored = async (id: string) =>
  (await db.query<{ state: string; manager_answers: unknown; manager_deadline: string }>('select * from review where id = $1', [id]))[0];

/** A review whose self side is submitted, with both deadlines already past. */
async function lateForTheManager() {
  const f = await createReviewFixture(db, {
    ownerId: ann.id,
    managerId: boss.id,
    selfDeadline: '2020-01-01',
    managerDeadline: '2020-01-10',
  });
  await db.query(
    `update review set state = 'self_submitted', self_answers = '{"well": {"text": "Shipped"}, "overall": {"rating": 4}}' where id = $1`,
    [f.reviewId],
  );
  return f;
}

describe('the manager-review deadline (issue 6 item 4; docs/SYNC.md Reviews)', () => {
  it('refuses a late manager answer and submit to the inbox with the text kept; HR extends for one review; then it goes through', async () => {
    const { reviewId, cycleId } = await lateForTheManager();
    const phone = device(boss);
    const late = await phone.push(
      answer(reviewId, 'summary', { text: 'Written after the deadline' }),
      answer(reviewId, 'overall', { rating: 4 }),
      step('review.submitManager@1', reviewId),
    );
    expect(late.map((r) => [r.status, r.code])).toEqual([
      ['rejected', 'DEADLINE_PASSED'],
      ['rejected', 'DEADLINE_PASSED'],
      ['rejected', 'DEADLINE_PASSED'],
    ]);
    const inbox = await phone.inbox(reviewId);
    expect(inbox.map((r) => r?.name)).toEqual(['review.answer@1', 'review.answer@1', 'review.submitManager@1']);
    expect(inbox[0]).toMatchObject({
      message: 'The manager-review deadline (2020-01-10) has passed; ask HR to extend it. Your text is kept in your inbox',
      args: { answer: { text: 'Written after the deadline' } },
    });
    expect(await stored(reviewId)).toMatchObject({ state: 'self_submitted', manager_answers: {} });

    // One review only: HR moves Ann's manager deadline.
    await callerAs(db, bus, hr).cycles.extendDeadline({ cycleId, personId: ann.id, managerDeadline: '2999-01-01' });
    const again = await phone.push(
      answer(reviewId, 'summary', { text: 'Written after the deadline' }),
      answer(reviewId, 'overall', { rating: 4 }),
      step('review.submitManager@1', reviewId),
    );
    expect(again.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect(await stored(reviewId)).toMatchObject({ state: 'manager_submitted', manager_deadline: '2999-01-01' });
  });

  it('refuses a late sign-off until HR extends the whole cycle', async () => {
    const { reviewId, cycleId } = await lateForTheManager();
    await db.query(
      `update review set state = 'manager_submitted', manager_answers = '{"summary": {"text": "Good"}, "overall": {"rating": 4}}' where id = $1`,
      [reviewId],
    );
    const laptop = device(boss);
    expect((await laptop.push(step('review.signOff@1', reviewId)))[0]).toMatchObject({ status: 'rejected', code: 'DEADLINE_PASSED' });
    expect((await stored(reviewId))?.state).toBe('manager_submitted');

    const cycle = await callerAs(db, bus, hr).cycles.extendDeadline({ cycleId, managerDeadline: '2999-01-01' });
    expect(cycle.managerDeadline).toBe('2999-01-01');
    expect((await laptop.push(step('review.signOff@1', reviewId)))[0]).toMatchObject({ status: 'applied' });
    expect((await stored(reviewId))?.state).toBe('signed_off');
  });

  it('after an HR reopen the manager changes and signs again although the deadline is past', async () => {
    const { reviewId } = await lateForTheManager();
    await db.query(
      `update review set state = 'signed_off', signed_off_at = 1, manager_answers = '{"summary": {"text": "Good"}, "overall": {"rating": 4}}'
        where id = $1`,
      [reviewId],
    );
    await callerAs(db, bus, hr).reviews.reopen({ reviewId, reason: 'Rating did not match the comments' });
    const results = await device(boss).push(
      answer(reviewId, 'overall', { rating: 3 }),
      step('review.submitManager@1', reviewId),
      step('review.signOff@1', reviewId),
    );
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect(await stored(reviewId)).toMatchObject({ state: 'signed_off', manager_answers: { overall: { rating: 3 } } });
  });
});
