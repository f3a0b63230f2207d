import { uuidv7 } from '@merit/shared/ids';
import { PROTOCOL_VERSION, type PullOutput, type PushOutput } from '@merit/shared/sync/protocol';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { withScratchPg } from '../bench/scratch-pg';
import { Api } from './support/api';
import { expectAccessible } from './support/axe';
import { laptop, launch, screenshot, screenshotAll } from './support/browser';
import { HR, seedOrg } from './support/flows';
import { type RunningServer, startServer } from './support/server';

/**
 * HR at 1280x800 on PostgreSQL (the other specs run on PGlite): launches a cycle for a department, watches the
 * live dashboard move without reloading while two employees and a manager push their reviews from their devices,
 * reopens a signed-off review with a reason, sees the manager change a rating and sign off again, and finds both
 * in the audit log. The template comes through the API: review-cycle.spec.ts builds one in the builder.
 */
let browser: Browser;
let ctx: BrowserContext;
let page: Page;

type Question = {
  id: string;
  kind: 'rating' | 'competency' | 'text';
  answeredBy: 'self' | 'manager' | 'both';
};
type ReviewRow = { id: string; ownerId: string; state: string; template: { kind: string; questions?: Question[] }[] };

/** One signed-in person on one device, pushing mutations through `sync.push` as their client would. */
class Device {
  readonly api: Api;
  readonly deviceId = uuidv7();
  personId = '';
  private next = 1;
  constructor(base: string) {
    this.api = new Api(base);
  }

  /** Follows the set-password link HR's import gave, which signs the person in. */
  async setPassword(link: string): Promise<this> {
    const token = link.split('#token=')[1];
    const me = await this.api.mutation<{ id: string }>('auth.setPassword', { token, password: `pw-${this.deviceId}` });
    this.personId = me.id;
    return this;
  }

  async push(name: string, args: unknown): Promise<void> {
    const out = await this.api.mutation<PushOutput>('sync.push', {
      protocol: PROTOCOL_VERSION,
      deviceId: this.deviceId,
      mutations: [{ id: this.next++, name, args, createdAt: Date.now() }],
    });
    expect(out.results, name).toEqual([expect.objectContaining({ status: 'applied' })]);
  }

  /** This person's own review, as their device pulls it. */
  async ownReview(): Promise<ReviewRow> {
    let cursor: string | null = null;
    for (;;) {
      const out: PullOutput = await this.api.query<PullOutput>('sync.pull', {
        protocol: PROTOCOL_VERSION,
        deviceId: this.deviceId,
        cursor,
      });
      const review = out.changes.find((c) => c.table === 'reviews' && c.row?.ownerId === this.personId)?.row;
      if (review) return review as unknown as ReviewRow;
      if (!out.hasMore) throw new Error('no review pulled');
      cursor = out.cursor;
    }
  }

  /** Answers every question of `side` (ratings get `rating`) through `review.answer@1`. */
  async answerAll(review: ReviewRow, side: 'self' | 'manager', rating: number): Promise<void> {
    for (const q of review.template.flatMap((s) => s.questions ?? [])) {
      if (q.answeredBy !== 'both' && q.answeredBy !== side) continue;
      const answer = q.kind === 'text' ? { text: `The ${side} side's answer` } : { rating };
      await this.push('review.answer@1', { id: review.id, side, questionId: q.id, answer });
    }
  }
}

const SECTIONS = [
  {
    id: uuidv7(),
    kind: 'questions',
    title: 'Impact',
    questions: [
      {
        id: uuidv7(),
        kind: 'rating',
        prompt: 'Overall impact this half',
        answeredBy: 'both',
        required: true,
        scale: { min: 1, max: 5, labels: ['Needs improvement', 'Developing', 'Meets expectations', 'Exceeds', 'Exceptional'] },
      },
      { id: uuidv7(), kind: 'text', prompt: 'What are you proudest of?', answeredBy: 'self', required: true },
    ],
  },
];

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await ctx?.close().catch(() => undefined);
  await browser?.close();
});

describe('HR runs a review cycle (issue 6)', () => {
  it('launches for a department on PostgreSQL, sees live completion, reopens with a reason, finds it audited', async () => {
    onTestFailed(() => screenshotAll('cycles'));
    await withScratchPg('merit_cycles_spec', async (url) => {
      let server: RunningServer | undefined;
      const db = new pg.Client({ connectionString: url });
      try {
        server = await startServer({ DATABASE_URL: url });
        await db.connect();
        const api = new Api(server.url);
        const links = await seedOrg(api);
        const signedIn = (email: string) => new Device(server?.url ?? '').setPassword(links.get(email) ?? '');
        const tom = await signedIn('tom@acme.test');
        const rita = await signedIn('rita@acme.test');
        const maya = await signedIn('maya@acme.test');

        // One questions section with a rating both sides answer and a self-only text question.
        await api.mutation('templates.create', { name: 'Mid-year', sections: SECTIONS });

        ctx = await laptop(browser, server.url);
        page = await ctx.newPage();
        await page.goto('/');
        await page.getByLabel('Email').fill(HR.email);
        await page.getByLabel('Password').fill(HR.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
        await page.getByRole('link', { name: 'Review cycles' }).click();
        await page.getByRole('heading', { name: 'Review cycles' }).waitFor();
        await expectAccessible(page, 'cycles home');

        // The cycle, for Sales (Rita and Tom), previewed, then launched.
        await page.getByRole('button', { name: 'New cycle' }).click();
        await page.getByLabel('Name').fill('Sales H2');
        await page.getByLabel('Template').selectOption({ label: 'Mid-year' });
        await page.getByLabel('Period from').fill('2026-07-01');
        await page.getByLabel('Period to').fill('2026-12-31');
        await page.getByLabel('Self-review due').fill('2099-01-10');
        await page.getByLabel('Manager review due').fill('2099-01-20');
        await page.getByLabel('Department', { exact: true }).selectOption('Sales');
        await page.getByRole('button', { name: 'Preview participants' }).click();
        await page.getByText('2 people in this cycle').waitFor();
        await screenshot(page, 'cycles-new-cycle-preview');
        await expectAccessible(page, 'new cycle with preview');
        await page.getByRole('button', { name: 'Launch cycle…' }).click();
        await page.getByRole('alertdialog').getByRole('button', { name: 'Launch' }).click();
        await page.getByRole('heading', { name: 'Sales H2' }).waitFor();
        await page.getByText('Live', { exact: true }).waitFor();
        await expect.poll(() => page.getByTestId('stat-total').textContent()).toBe('2');
        expect(await page.getByTestId('stat-self').textContent()).toBe('0');
        await screenshot(page, 'cycles-dashboard-launched');
        await expectAccessible(page, 'cycle dashboard');

        // Tom answers his self questions and submits on his own device: the dashboard moves without a reload.
        const tomReview = await tom.ownReview();
        await tom.answerAll(tomReview, 'self', 4);
        await tom.push('review.submitSelf@1', { id: tomReview.id });
        await expect.poll(() => page.getByTestId('stat-self').textContent(), { timeout: 5000 }).toBe('1');
        // Rita submits hers; Maya, her manager, answers her side, submits and signs off: live again.
        const ritaReview = await rita.ownReview();
        await rita.answerAll(ritaReview, 'self', 3);
        await rita.push('review.submitSelf@1', { id: ritaReview.id });
        await maya.answerAll(ritaReview, 'manager', 4);
        await maya.push('review.submitManager@1', { id: ritaReview.id });
        await maya.push('review.signOff@1', { id: ritaReview.id });
        await expect.poll(() => page.getByTestId('stat-signed').textContent(), { timeout: 5000 }).toBe('1');

        // Reopen Rita's review with a reason.
        await page.getByRole('button', { name: "Reopen Rita Gomez's review" }).click();
        await page.getByLabel("Why reopen Rita Gomez's review?").fill('The rating contradicts the comments');
        await page.getByRole('button', { name: 'Reopen review' }).click();
        await page.getByText("Rita Gomez's review is reopened").waitFor();
        await expect.poll(() => page.getByTestId('stat-signed').textContent()).toBe('0');
        await expect
          .poll(
            async () =>
              (
                await db.query<{ state: string }>(
                  `select state from review r join person p on p.id = r.owner_id where p.email = 'rita@acme.test'`,
                )
              ).rows[0]?.state,
          )
          .toBe('manager_in_progress');

        // Maya changes her rating and signs off again: the dashboard shows it signed off once more.
        const rating = ritaReview.template.flatMap((sec) => sec.questions ?? []).find((q) => q.kind === 'rating');
        if (!rating) throw new Error('the template has no rating question');
        await maya.push('review.answer@1', { id: ritaReview.id, side: 'manager', questionId: rating.id, answer: { rating: 2 } });
        await maya.push('review.submitManager@1', { id: ritaReview.id });
        await maya.push('review.signOff@1', { id: ritaReview.id });
        await expect.poll(() => page.getByTestId('stat-signed').textContent(), { timeout: 5000 }).toBe('1');
        expect((await rita.ownReview()).state).toBe('signed_off');

        // The audit view shows who reopened, when and why, and the rating Maya changed after the reopen.
        await page.getByRole('link', { name: 'Audit log of this cycle' }).click();
        const entry = page.getByTestId('audit-entry').filter({ hasText: 'Reopened a review' });
        await entry.waitFor();
        expect(await entry.textContent()).toContain('Reason: The rating contradicts the comments');
        expect(await entry.textContent()).toContain(`by ${HR.name}`);
        const changed = page.getByTestId('audit-entry').filter({ hasText: 'Changed an answer after a reopen' });
        expect(await changed.count()).toBe(1);
        expect(await changed.textContent()).toContain('Manager answer before: rating 4 → after: rating 2');
        expect(await changed.textContent()).toContain('by Maya Lind');
        await screenshot(page, 'cycles-audit');
        await expectAccessible(page, 'audit log');

        // HR screens are laid out for a laptop but must not break on a phone.
        await page.setViewportSize({ width: 390, height: 844 });
        await page.goBack();
        await page.getByRole('heading', { name: 'Sales H2' }).waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await screenshot(page, 'cycles-dashboard-phone');
        await expectAccessible(page, 'cycle dashboard on a phone');
      } finally {
        await db.end().catch(() => undefined);
        await ctx?.close().catch(() => undefined);
        await server?.stop();
      }
    });
  });
});
