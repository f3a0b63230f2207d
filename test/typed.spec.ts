import { PROTOCOL_VERSION, type PullOutput } from '@merit/shared/sync/protocol';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { Api } from './support/api';
import { launch, phone, screenshot, screenshotAll } from './support/browser';
import { HR, PEOPLE_CSV, setOnline, signIn, waitSynced } from './support/flows';
import { type RunningServer, startServer } from './support/server';

// Issue 10 items 4-5: nothing typed is lost. Two phones rewrite the same review answer offline (S50); a phone
// whose clock is a day ahead still submits a review due today, and one a day behind gets the server's refusal
// in its inbox with its text (S1, S51).

let server: RunningServer;
let browser: Browser;
const ids = new Map<string, string>();
const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const SECTIONS = [
  {
    id: 'sec-1',
    kind: 'questions',
    title: 'Your half-year',
    questions: [{ id: 'well', kind: 'text', prompt: 'What went well?', answeredBy: 'self', required: true }],
  },
];

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  const hr = new Api(server.url);
  await hr.mutation('setup.create', { orgName: HR.org, name: HR.name, email: HR.email, password: HR.password });
  const { created } = await hr.mutation<{ created: { person: { id: string; email: string }; setPasswordUrl: string }[] }>(
    'people.importCommit',
    { csv: PEOPLE_CSV },
  );
  for (const c of created) {
    ids.set(c.person.email, c.person.id);
    await new Api(server.url).mutation('auth.setPassword', {
      token: c.setPasswordUrl.split('#token=')[1],
      password: `pw-${c.person.email}`,
    });
  }
  const { id: templateId } = await hr.mutation<{ id: string }>('templates.create', { name: 'Half-year', sections: SECTIONS });
  const today = day(Date.now());
  const cycle = async (name: string, selfDeadline: string, emails: string[]) => {
    const { id } = await hr.mutation<{ id: string }>('cycles.create', {
      name,
      templateId,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      selfDeadline,
      managerDeadline: day(Date.now() + 30 * DAY),
      selection: { kind: 'list', personIds: emails.map((e) => ids.get(e) ?? '') },
    });
    await hr.mutation('cycles.launch', { cycleId: id });
  };
  // Due today by the server's clock, and due yesterday.
  await cycle('Due today', today, ['eli@acme.test', 'sam@acme.test']);
  await cycle('Was due yesterday', day(Date.now() - DAY), ['tom@acme.test']);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A phone whose clock runs `offsetMs` off the real (server) time: `Date` is shifted before any script runs. */
async function phoneWithClock(offsetMs: number): Promise<BrowserContext> {
  const ctx = await phone(browser, server.url);
  if (offsetMs !== 0)
    await ctx.addInitScript((offset: number) => {
      const Real = Date;
      class Shifted extends Real {
        constructor(...args: unknown[]) {
          if (args.length === 0) super(Real.now() + offset);
          // Any other form (a stamp, a string, year/month/...) means what it says, whatever the clock.
          else super(...(args as [number]));
        }
        static override now() {
          return Real.now() + offset;
        }
      }
      globalThis.Date = Shifted as DateConstructor;
    }, offsetMs);
  return ctx;
}

async function device(email: string, offsetMs = 0): Promise<Page> {
  const ctx = await phoneWithClock(offsetMs);
  const page = await ctx.newPage();
  await signIn(page, email, `pw-${email}`);
  return page;
}

async function openSelfReview(page: Page, cycle: string): Promise<void> {
  await page.getByRole('link', { name: 'Reviews', exact: true }).click();
  await page.getByRole('link', { name: new RegExp(cycle) }).click();
  await page.getByText('Your self-review', { exact: true }).waitFor();
}

/** Types an answer and leaves the field, which saves it at once (no wait for the debounce). */
async function answer(page: Page, text: string): Promise<void> {
  const box = page.getByLabel(/What went well\?/);
  await box.fill(text);
  await box.blur();
}

async function pullNow(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await waitSynced(page);
}

// The inbox's count (the notification bell beside it has a badge of its own, for the hand-offs).
const badge = (page: Page) => page.locator('a[href="/inbox"] .nav-badge');

const BASE = 'I led the billing migration and we shipped it on time';
const PHONE_A = 'I led the billing migration and we shipped it two weeks early';
const PHONE_B = 'I led the billing migration and we shipped it without any downtime';

describe('nothing typed is lost (issue 10 items 4-5)', () => {
  it('S50: two phones rewrite the same self-review answer offline, A first: A is kept, B is a conflict copy with "Use my version"', async () => {
    onTestFailed(() => screenshotAll('typed-conflict'));
    const a = await device('eli@acme.test');
    const b = await device('eli@acme.test');
    await openSelfReview(a, 'Due today');
    await answer(a, BASE);
    await waitSynced(a);
    await pullNow(b);
    await openSelfReview(b, 'Due today');
    await expect.poll(() => b.getByLabel(/What went well\?/).inputValue()).toBe(BASE);

    await setOnline(a, false);
    await setOnline(b, false);
    await answer(a, PHONE_A);
    await answer(b, PHONE_B);
    await setOnline(a, true);
    await waitSynced(a);
    await setOnline(b, true);
    await waitSynced(b);

    // The server kept A's text; B's own text is in B's inbox, on every device of Eli's.
    await expect.poll(() => b.getByLabel(/What went well\?/).inputValue(), { timeout: 20_000 }).toBe(PHONE_A);
    await expect.poll(() => badge(b).textContent(), { timeout: 20_000 }).toBe('1');
    await b.getByRole('link', { name: /Inbox/ }).click();
    await b.getByText('You and another device changed the answer at the same time.', { exact: false }).waitFor();
    await b.getByText('Due today · Your self-review').waitFor();
    await b.getByText(PHONE_B).waitFor();
    expect(await b.getByText('What went well? (your version)').count()).toBe(1);
    await expect.poll(() => b.locator('.toast').count(), { timeout: 10_000 }).toBe(0);
    await screenshot(b, 'inbox-conflict-review-answer');
    await pullNow(a);
    await expect.poll(() => badge(a).textContent()).toBe('1');

    await b.getByRole('button', { name: 'Use my version' }).click();
    await b.getByText('Nothing needs your attention').waitFor();
    await waitSynced(b);
    await pullNow(a);
    await expect.poll(() => a.getByLabel(/What went well\?/).inputValue(), { timeout: 20_000 }).toBe(PHONE_B);
    await expect.poll(() => badge(a).count()).toBe(0);
  });

  it('S1, S51: a phone 24 h ahead warns, keeps the typing across screens, submits a review due today, and the server accepts it', async () => {
    onTestFailed(() => screenshotAll('typed-ahead'));
    const sam = await device('sam@acme.test', DAY);
    await openSelfReview(sam, 'Due today');
    await sam.getByText("By this device's clock the deadline has passed", { exact: false }).waitFor();
    const text = 'Shipped the search rewrite and mentored two new engineers';
    const box = sam.getByLabel(/What went well\?/);
    await box.fill(text);
    // Leaving the screen while typing: the answer is on the device, not in a form that goes away.
    await sam.getByRole('link', { name: 'Home', exact: true }).click();
    await openSelfReview(sam, 'Due today');
    await expect.poll(() => sam.getByLabel(/What went well\?/).inputValue()).toBe(text);
    await sam.getByRole('button', { name: 'Submit self-review' }).click();
    await sam.getByRole('alertdialog').getByRole('button', { name: 'Submit' }).click();
    await sam.getByText('Self-review submitted').waitFor();
    await waitSynced(sam);
    await pullNow(sam);
    expect(await badge(sam).count()).toBe(0);
    await sam.getByText(/^Submitted/).waitFor();

    // What the server holds, read by a fresh device of Sam's.
    const api = new Api(server.url);
    await api.mutation('auth.signIn', { email: 'sam@acme.test', password: 'pw-sam@acme.test' });
    const pulled = await api.query<PullOutput>('sync.pull', {
      protocol: PROTOCOL_VERSION,
      deviceId: '01900000-0000-7000-8000-00000000d0d0',
      cursor: null,
      limit: 500,
    });
    expect(pulled.changes.find((c) => c.table === 'reviews')?.row).toMatchObject({
      state: 'self_submitted',
      selfAnswers: { well: { text } },
    });
  });

  it('S1, S5, S51: a phone a day behind, past the deadline, queues the answer and gets the server refusal in its inbox with the text', async () => {
    onTestFailed(() => screenshotAll('typed-behind'));
    const tom = await device('tom@acme.test', -DAY);
    await openSelfReview(tom, 'Was due yesterday');
    // By its own clock the review is due today: no warning, nothing refused on the phone.
    expect(await tom.getByText("By this device's clock the deadline has passed", { exact: false }).count()).toBe(0);
    const text = 'Closed the two biggest deals of the quarter';
    await answer(tom, text);
    await waitSynced(tom);
    await expect.poll(() => badge(tom).textContent(), { timeout: 20_000 }).toBe('1');
    await tom.getByRole('link', { name: /Inbox/ }).click();
    await tom.getByText(`The self-review deadline (${day(Date.now() - DAY)}) has passed; ask HR to extend it`, { exact: false }).waitFor();
    await tom.getByText(text).waitFor();
    await tom.getByRole('button', { name: 'Copy text' }).waitFor();
  });
});
