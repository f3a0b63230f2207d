import { uuidv7 } from '@merit/shared/ids';
import { type Change, type Mutation, PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { callerAs, createPerson, type TestPerson } from '../test/context';
import { openTestDb } from '../test/harness';
import { createReviewFixture } from './fixture';

let db: Db;
let bus: ChangeBus;
let boss: TestPerson;
let ann: TestPerson;
let otherBoss: TestPerson;
let bob: TestPerson;

beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  boss = await createPerson(db, { name: 'Boss' });
  ann = await createPerson(db, { name: 'Ann', managerId: boss.id });
  otherBoss = await createPerson(db, { name: 'Other boss' });
  bob = await createPerson(db, { name: 'Bob', managerId: otherBoss.id });
});
afterAll(async () => {
  await bus.close();
  await db.close();
});

const P = PROTOCOL_VERSION;

/** One device of one person: pushes mutations with consecutive ids, pulls everything it may see. */
function device(p: TestPerson) {
  const c = callerAs(db, bus, p);
  const id = uuidv7();
  let next = 1;
  return {
    async push(...ms: Omit<Mutation, 'id' | 'createdAt'>[]) {
      const mutations = ms.map((m) => ({ ...m, id: next++, createdAt: Date.now() }));
      return (await c.sync.push({ protocol: P, deviceId: id, mutations })).results;
    },
    async pull(): Promise<Change[]> {
      const changes: Change[] = [];
      let cursor: string | null = null;
      for (;;) {
        const page = await c.sync.pull({ protocol: P, deviceId: id, cursor, limit: 500 });
        changes.push(...page.changes);
        cursor = page.cursor;
        if (!page.hasMore) return changes;
      }
    },
  };
}

const answer = (id: string, side: 'self' | 'manager', questionId: string, a: Record<string, unknown>) => ({
  name: 'review.answer@1',
  args: { id, side, questionId, answer: a },
});
const step = (name: string, id: string, extra: Record<string, unknown> = {}) => ({ name, args: { id, ...extra } });
const reviewRow = (changes: Change[], id: string) => changes.filter((c) => c.table === 'reviews' && c.id === id).at(-1)?.row;
const stored = async (id: string) =>
  (await db.query<{ state: string; self_answers: unknown; manager_answers: unknown }>('select * from review where id = $1', [id]))[0];

describe('reviews over sync (issue 6; docs/SYNC.md S5, S8)', () => {
  it('S8: a manager neither reads nor writes reviews of people who are not their reports', async () => {
    const { reviewId } = await createReviewFixture(db, { ownerId: bob.id, managerId: otherBoss.id });
    const phone = device(boss);
    expect(reviewRow(await phone.pull(), reviewId)).toBeUndefined();
    const results = await phone.push(answer(reviewId, 'manager', 'summary', { text: 'Not my report' }));
    expect(results[0]).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
    // Named as the reviewer but no longer their manager: still refused (the server reads the reports).
    const moved = await createReviewFixture(db, { ownerId: bob.id, managerId: boss.id });
    await db.query("update review set state = 'self_submitted' where id = $1", [moved.reviewId]);
    const again = await phone.push(answer(moved.reviewId, 'manager', 'summary', { text: 'Still not' }));
    expect(again[0]).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
    expect((await stored(moved.reviewId))?.manager_answers).toEqual({});
  });

  it('S8: the manager cannot read the self part before submission; the reviewee cannot read the manager part before sign-off', async () => {
    const { reviewId } = await createReviewFixture(db, { ownerId: ann.id, managerId: boss.id });
    const annPhone = device(ann);
    const bossPhone = device(boss);
    await annPhone.push(answer(reviewId, 'self', 'well', { text: 'Shipped search' }), answer(reviewId, 'self', 'overall', { rating: 4 }));
    const before = reviewRow(await bossPhone.pull(), reviewId);
    expect(before).toMatchObject({ state: 'self_in_progress', selfAnswers: {} });

    expect(await annPhone.push(step('review.submitSelf@1', reviewId))).toEqual([{ id: 3, status: 'applied' }]);
    const submitted = reviewRow(await bossPhone.pull(), reviewId);
    expect(submitted).toMatchObject({ state: 'self_submitted', selfAnswers: { well: { text: 'Shipped search' }, overall: { rating: 4 } } });

    await bossPhone.push(
      answer(reviewId, 'manager', 'summary', { text: 'A strong half' }),
      answer(reviewId, 'manager', 'overall', { rating: 5 }),
    );
    const annSees = reviewRow(await annPhone.pull(), reviewId);
    expect(annSees).toMatchObject({ state: 'manager_in_progress', managerAnswers: {} });
    expect((await stored(reviewId))?.manager_answers).toEqual({ summary: { text: 'A strong half' }, overall: { rating: 5 } });

    await bossPhone.push(step('review.submitManager@1', reviewId));
    expect(reviewRow(await annPhone.pull(), reviewId)).toMatchObject({ state: 'manager_submitted', managerAnswers: {} });
    await bossPhone.push(step('review.signOff@1', reviewId));
    expect(reviewRow(await annPhone.pull(), reviewId)).toMatchObject({
      state: 'signed_off',
      managerAnswers: { summary: { text: 'A strong half' }, overall: { rating: 5 } },
    });
    // A stranger never sees it, not even as a stripped copy.
    expect(reviewRow(await device(otherBoss).pull(), reviewId)).toBeUndefined();
  });

  it('S5: a late self submit is refused to the inbox and the drafted text stays in the review', async () => {
    const { reviewId } = await createReviewFixture(db, { ownerId: ann.id, managerId: boss.id, selfDeadline: '2999-01-01' });
    const phone = device(ann);
    await phone.push(answer(reviewId, 'self', 'well', { text: 'Drafted in time' }), answer(reviewId, 'self', 'overall', { rating: 3 }));
    await db.query("update review set self_deadline = '2020-01-01' where id = $1", [reviewId]);
    const late = await phone.push(
      step('review.submitSelf@1', reviewId),
      answer(reviewId, 'self', 'well', { text: 'Typed after the deadline' }),
    );
    expect(late.map((r) => r.code)).toEqual(['DEADLINE_PASSED', 'DEADLINE_PASSED']);
    const changes = await phone.pull();
    const inbox = changes.filter((c) => c.table === 'rejections' && c.row?.args && (c.row.args as { id?: string }).id === reviewId);
    expect(inbox.map((c) => c.row?.name)).toEqual(['review.submitSelf@1', 'review.answer@1']);
    expect(inbox[1]?.row?.args).toMatchObject({ answer: { text: 'Typed after the deadline' } });
    expect(reviewRow(changes, reviewId)).toMatchObject({ state: 'self_in_progress', selfAnswers: { well: { text: 'Drafted in time' } } });
    // HR extends the deadline: the same submit now goes through.
    await db.query("update review set self_deadline = '2999-01-01' where id = $1", [reviewId]);
    expect((await phone.push(step('review.submitSelf@1', reviewId)))[0]).toMatchObject({ status: 'applied' });
  });

  it('after sign-off any mutation from any device is refused, the text is kept in the inbox, and audit rows are written', async () => {
    const { reviewId } = await createReviewFixture(db, { ownerId: ann.id, managerId: boss.id });
    const annPhone = device(ann);
    const bossLaptop = device(boss);
    const bossPhone = device(boss);
    await annPhone.push(
      answer(reviewId, 'self', 'well', { text: 'Self text' }),
      answer(reviewId, 'self', 'overall', { rating: 4 }),
      step('review.submitSelf@1', reviewId),
    );
    await bossLaptop.push(
      answer(reviewId, 'manager', 'summary', { text: 'Final words' }),
      answer(reviewId, 'manager', 'overall', { rating: 4 }),
      step('review.submitManager@1', reviewId),
      step('review.signOff@1', reviewId),
    );
    const locked = await stored(reviewId);
    const late = await bossPhone.push(
      answer(reviewId, 'manager', 'summary', { text: 'Late phone edit' }),
      step('review.submitManager@1', reviewId),
    );
    const lateSelf = await annPhone.push(answer(reviewId, 'self', 'well', { text: 'Second thoughts' }));
    for (const r of [...late, ...lateSelf]) expect(r).toMatchObject({ status: 'rejected', code: 'LOCKED' });
    expect(late[0]?.message).toMatch(/^This review was signed off on \d{4}-\d{2}-\d{2}; your text is kept in your inbox$/);
    expect(await stored(reviewId)).toEqual(locked);
    const bossInbox = (await bossPhone.pull()).filter((c) => c.table === 'rejections' && c.row?.code === 'LOCKED');
    expect(bossInbox.map((c) => c.row?.args)).toContainEqual({
      id: reviewId,
      side: 'manager',
      questionId: 'summary',
      answer: { text: 'Late phone edit' },
    });

    expect(await annPhone.push(step('review.acknowledge@1', reviewId, { comment: 'Thanks, fair' }))).toMatchObject([{ status: 'applied' }]);
    expect((await stored(reviewId))?.state).toBe('acknowledged');
    const audit = await db.query<{ action: string; actor_id: string }>(
      "select action, actor_id from audit_log where details->>'reviewId' = $1 order by id",
      [reviewId],
    );
    expect(audit.map((a) => a.action)).toEqual(['review.submit_self', 'review.submit_manager', 'review.sign_off', 'review.acknowledge']);
    expect(audit.map((a) => a.actor_id)).toEqual([ann.id, boss.id, boss.id, ann.id]);
  });

  it('S16: two devices editing different questions (and the rating vs the text of one) both survive', async () => {
    const { reviewId } = await createReviewFixture(db, { ownerId: ann.id, managerId: boss.id });
    const phone = device(ann);
    const laptop = device(ann);
    await phone.push(answer(reviewId, 'self', 'well', { text: 'From the phone' }));
    await laptop.push(answer(reviewId, 'self', 'overall', { rating: 2 }));
    await phone.push(answer(reviewId, 'self', 'overall', { text: 'Why 2: a slow start' }));
    expect((await stored(reviewId))?.self_answers).toEqual({
      well: { text: 'From the phone' },
      overall: { rating: 2, text: 'Why 2: a slow start' },
    });
  });

  it('an answer changed after an HR reopen is audited with its before and after', async () => {
    const { reviewId } = await createReviewFixture(db, { ownerId: ann.id, managerId: boss.id });
    await db.query(
      `update review set state = 'manager_in_progress', reopen_count = 1, manager_answers = '{"summary": {"text": "Old"}}'::jsonb where id = $1`,
      [reviewId],
    );
    await device(boss).push(answer(reviewId, 'manager', 'summary', { text: 'Corrected' }));
    const rows = await db.query<{ action: string; details: Record<string, unknown> }>(
      "select action, details from audit_log where details->>'reviewId' = $1",
      [reviewId],
    );
    expect(rows).toEqual([
      {
        action: 'review.answer_after_reopen',
        details: expect.objectContaining({ side: 'manager', questionId: 'summary', before: { text: 'Old' }, after: { text: 'Corrected' } }),
      },
    ]);
  });
});
