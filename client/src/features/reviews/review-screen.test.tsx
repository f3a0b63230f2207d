import type { Review } from '@merit/shared/domain/review';
import { uuidv7 } from '@merit/shared/ids';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DbProvider } from '@/db/hooks';
import type { Me } from '@/lib/me';
import { SyncEngine } from '@/sync/engine';
import { makeActor, makeDeviceDb, makeWin } from '@/sync/testing/factories';
import { FakeServer } from '@/sync/testing/fake-server';
import ReviewScreen from './review-screen';
import ReviewsScreen from './reviews-screen';

const scale = { min: 1, max: 5, labels: ['Below', 'Partly meets', 'Meets', 'Exceeds', 'Exceptional'] };

function makeReview(ownerId: string, managerId: string, over: Partial<Review> = {}): Review {
  return {
    id: uuidv7(),
    ownerId,
    cycleId: uuidv7(),
    managerId,
    cycleName: 'H2 2026',
    periodStart: '2026-07-01',
    periodEnd: '2026-12-31',
    template: [
      {
        id: 's',
        kind: 'questions',
        title: 'Your half-year',
        questions: [
          { id: 'well', kind: 'text', prompt: 'What went well?', answeredBy: 'self', required: true },
          { id: 'overall', kind: 'rating', prompt: 'Overall', answeredBy: 'both', required: true, scale },
          { id: 'summary', kind: 'text', prompt: 'Manager summary', answeredBy: 'manager', required: true },
        ],
      },
    ],
    state: 'not_started',
    selfDeadline: '2999-12-31',
    managerDeadline: '2999-12-31',
    selfSubmittedAt: null,
    managerSubmittedAt: null,
    signedOffAt: null,
    acknowledgedAt: null,
    ackComment: '',
    selfAnswers: {},
    managerAnswers: {},
    reopenCount: 0,
    createdAt: 1,
    updatedAt: 1,
    version: 3,
    deleted: false,
    ...over,
  };
}

const meOf = (id: string, over: Partial<Me> = {}): Me => ({
  id,
  name: 'Eli Park',
  email: 'eli@acme.test',
  role: 'employee',
  department: 'Engineering',
  managerId: null,
  isManager: false,
  orgName: 'Acme',
  reports: [],
  achievementThreshold: 0.7,
  ...over,
});

async function renderReview(
  setup: (personId: string) => { review: Review; me?: Partial<Me> },
  seed?: (db: ReturnType<typeof makeDeviceDb>, personId: string) => Promise<void>,
) {
  const actor = makeActor();
  const db = makeDeviceDb(actor.personId);
  const { review, me } = setup(actor.personId);
  await db.reviews.put(review);
  await seed?.(db, actor.personId);
  const engine = new SyncEngine({ db, actor, transport: new FakeServer(actor).transport() });
  render(
    <DbProvider db={db} actor={actor} engine={engine}>
      <ReviewScreen me={meOf(actor.personId, me)} id={review.id} />
    </DbProvider>,
  );
  return { db, review, actor };
}

describe('self-review (offline, through mutate and the outbox)', () => {
  it('saves a rating at once and text after typing pauses; tapping a win cites it in the current answer', async () => {
    const { db, review } = await renderReview(
      (me) => ({ review: makeReview(me, uuidv7()) }),
      async (d, me) => {
        await d.wins.bulkPut([
          makeWin({ ownerId: me, title: 'Closed the support backlog', date: '2026-08-02' }),
          makeWin({ ownerId: me, title: 'Before the period', date: '2026-01-02' }),
        ]);
      },
    );
    fireEvent.click(await screen.findByLabelText(/4\s*Exceeds/));
    await waitFor(async () => expect((await db.reviews.get(review.id))?.selfAnswers.overall).toEqual({ rating: 4 }));
    expect((await db.reviews.get(review.id))?.state).toBe('self_in_progress');

    const box = screen.getByLabelText(/What went well\?/);
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: 'Cleared the backlog' } });
    await waitFor(async () => expect((await db.reviews.get(review.id))?.selfAnswers.well?.text).toBe('Cleared the backlog'), {
      timeout: 5000,
    });

    fireEvent.click(screen.getByRole('tab', { name: /Evidence/ }));
    expect(screen.queryByText('Before the period')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /Closed the support backlog/ }));
    await waitFor(async () => expect((await db.reviews.get(review.id))?.selfAnswers.well?.cites).toHaveLength(1));
    fireEvent.click(screen.getByRole('tab', { name: 'Questions' }));
    const cited = await screen.findByRole('list', { name: 'Evidence cited for "What went well?"' });
    expect(within(cited).getByText('Closed the support backlog')).toBeTruthy();

    const names = (await db.outbox.toArray()).map((e) => e.name);
    expect(names).toEqual(['review.answer@1', 'review.answer@1', 'review.answer@1']);
  });

  it('S50: each saved text carries the text it was typed over as its base, so the server can merge it', async () => {
    const { db, review } = await renderReview((me) => ({
      review: makeReview(me, uuidv7(), { state: 'self_in_progress', selfAnswers: { well: { text: 'Shipped search' } } }),
    }));
    const box = await screen.findByLabelText(/What went well\?/);
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: 'Shipped search and billing' } });
    fireEvent.blur(box);
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: 'Shipped search and billing early' } });
    fireEvent.blur(box);
    await waitFor(async () => expect(await db.outbox.count()).toBe(2));
    const sent = (await db.outbox.orderBy('mutationId').toArray()).map((e) => e.args);
    expect(sent).toEqual([
      { id: review.id, side: 'self', questionId: 'well', answer: { text: 'Shipped search and billing' }, base: { text: 'Shipped search' } },
      {
        id: review.id,
        side: 'self',
        questionId: 'well',
        answer: { text: 'Shipped search and billing early' },
        base: { text: 'Shipped search and billing' },
      },
    ]);
  });

  it("S1, S51: past the deadline by this device's clock, a hint shows and the answer still saves and queues", async () => {
    const { db, review } = await renderReview((me) => ({ review: makeReview(me, uuidv7(), { selfDeadline: '2020-01-01' }) }));
    expect(await screen.findByText(/By this device's clock the deadline has passed/)).toBeTruthy();
    const box = screen.getByLabelText(/What went well\?/);
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: 'Written on a phone with a wrong clock' } });
    fireEvent.blur(box);
    await waitFor(async () =>
      expect((await db.reviews.get(review.id))?.selfAnswers.well?.text).toBe('Written on a phone with a wrong clock'),
    );
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(['review.answer@1']);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('checks required answers before asking: names the first missing one and takes the person to it; then confirms', async () => {
    const { db, review } = await renderReview((me) => ({ review: makeReview(me, uuidv7(), { selfAnswers: { overall: { rating: 3 } } }) }));
    fireEvent.click(await screen.findByRole('button', { name: 'Submit self-review' }));
    expect(await screen.findByText(/Answer “What went well\?” first: it is required/)).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/What went well\?/)));
    expect(await db.outbox.count()).toBe(0);

    fireEvent.change(screen.getByLabelText(/What went well\?/), { target: { value: 'Plenty' } });
    fireEvent.blur(screen.getByLabelText(/What went well\?/));
    fireEvent.click(screen.getByRole('button', { name: 'Submit self-review' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Submit' }));
    await waitFor(async () => expect((await db.reviews.get(review.id))?.state).toBe('self_submitted'));
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(['review.answer@1', 'review.submitSelf@1']);
    expect(await screen.findByText(/Submitted/)).toBeTruthy();
  });
});

describe('manager and signed views', () => {
  it('the manager sees no form before the self-review is submitted, then tabs with the self-review beside the form', async () => {
    const reportId = uuidv7();
    const { db, review } = await renderReview((me) => ({
      review: makeReview(reportId, me, { state: 'self_in_progress' }),
      me: { reports: [{ id: reportId, name: 'Sam Okafor' }] },
    }));
    expect(await screen.findByText(/Sam has not submitted their self-review yet/)).toBeTruthy();
    expect(screen.queryByRole('tab')).toBeNull();

    await db.reviews.put({ ...review, state: 'self_submitted', selfAnswers: { well: { text: 'Shipped search' }, overall: { rating: 4 } } });
    expect(await screen.findByRole('tab', { name: 'Yours' })).toBeTruthy();
    expect(screen.getAllByText('4 · Exceeds').length).toBe(2); // beside the manager's rating, and in the self-review tab
    fireEvent.change(screen.getByLabelText(/Manager summary/), { target: { value: 'A strong half' } });
    fireEvent.blur(screen.getByLabelText(/Manager summary/));
    await waitFor(async () => expect((await db.reviews.get(review.id))?.managerAnswers.summary?.text).toBe('A strong half'));
    expect((await db.reviews.get(review.id))?.state).toBe('manager_in_progress');
    fireEvent.click(screen.getByRole('tab', { name: "Sam's" }));
    expect(screen.getByText('Shipped search')).toBeTruthy();
  });

  it('the reviewee reads the signed review with both sides and acknowledges it with a comment', async () => {
    const { db, review } = await renderReview((me) => ({
      review: makeReview(me, uuidv7(), {
        state: 'signed_off',
        signedOffAt: Date.parse('2026-11-20T10:00:00Z'),
        selfAnswers: { well: { text: 'Mine' }, overall: { rating: 3 } },
        managerAnswers: { summary: { text: 'Theirs' }, overall: { rating: 4 } },
      }),
    }));
    expect(await screen.findByText('Theirs')).toBeTruthy();
    expect(screen.getByText('Mine')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: /What went well/ })).toBeNull();
    fireEvent.change(screen.getByLabelText('Comment (optional)'), { target: { value: 'Fair, thanks' } });
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge review' }));
    // Irreversible: it asks first, and nothing is queued until confirmed.
    const dialog = await screen.findByRole('alertdialog', { name: 'Acknowledge this review?' });
    expect(dialog.textContent).toMatch(/read it, not that you agree.*Your manager and HR see your comment/);
    expect((await db.reviews.get(review.id))?.state).toBe('signed_off');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Acknowledge' }));
    await waitFor(async () => expect((await db.reviews.get(review.id))?.state).toBe('acknowledged'));
    expect((await db.reviews.get(review.id))?.ackComment).toBe('Fair, thanks');
  });
});

describe('reviews list', () => {
  it("lists my review and, for a manager, the reports to review by name, status and deadline; never someone else's", async () => {
    const actor = makeActor();
    const db = makeDeviceDb(actor.personId);
    const sam = uuidv7();
    await db.reviews.bulkPut([
      makeReview(actor.personId, uuidv7(), { selfDeadline: '2026-11-30' }),
      makeReview(sam, actor.personId, { state: 'self_submitted', managerDeadline: '2026-12-15' }),
      makeReview(uuidv7(), uuidv7(), { state: 'self_submitted' }),
    ]);
    const engine = new SyncEngine({ db, actor, transport: new FakeServer(actor).transport() });
    render(
      <DbProvider db={db} actor={actor} engine={engine}>
        <ReviewsScreen me={meOf(actor.personId, { reports: [{ id: sam, name: 'Sam Okafor' }] })} />
      </DbProvider>,
    );
    const mine = await screen.findByRole('list', { name: 'My reviews' });
    expect(within(mine).getByText('To do')).toBeTruthy();
    expect(within(mine).getByText(/^Due /)).toBeTruthy();
    const toDo = screen.getByRole('list', { name: 'Reviews to do' });
    expect(within(toDo).getAllByRole('listitem')).toHaveLength(1);
    expect(within(toDo).getByText('Sam Okafor')).toBeTruthy();
    expect(within(toDo).getByText('Ready for you')).toBeTruthy();
  });
});
