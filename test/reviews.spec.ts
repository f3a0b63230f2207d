import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { expectAccessible } from './support/axe';
import { laptop, launch, phone, screenshot, screenshotAll, waitForServiceWorker } from './support/browser';
import { call, closeAll, importPeople, logWin, pendingCount, setPassword, setupOrganisation, signIn, waitSynced } from './support/flows';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** An HR procedure called from HR's signed-in page (the HR templates and cycles API, docs/API.md). */
async function hrCall<T>(page: Page, path: string, input?: unknown, method: 'GET' | 'POST' = 'POST'): Promise<T> {
  const r = await call(page, path, input, method);
  const body = r.body as { result?: { data: T }; error?: unknown };
  if (r.status !== 200 || !body.result) throw new Error(`${path}: HTTP ${r.status} ${JSON.stringify(body.error)}`);
  return body.result.data;
}

const scale = { min: 1, max: 5, labels: ['Below expectations', 'Partly meets', 'Meets', 'Exceeds', 'Exceptional'] };
const SECTIONS = [
  {
    id: 'year',
    kind: 'questions',
    title: 'Your half-year',
    questions: [
      { id: 'well', kind: 'text', prompt: 'What went well?', answeredBy: 'self', required: true },
      { id: 'overall', kind: 'rating', prompt: 'Overall performance', answeredBy: 'both', required: true, scale },
      {
        id: 'collab',
        kind: 'competency',
        prompt: 'How did they work with others?',
        answeredBy: 'both',
        required: false,
        competency: { name: 'Collaboration', description: 'Shares context, asks for help early, helps others succeed.' },
        scale,
      },
      { id: 'summary', kind: 'text', prompt: 'Manager summary', answeredBy: 'manager', required: true },
    ],
  },
];

const online = async (page: Page, on: boolean) => {
  await page.context().setOffline(!on);
  if (on) await page.evaluate(() => window.dispatchEvent(new Event('online')));
};

/** Mobile-first: nothing on the screen is wider than the phone. */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

async function openReview(page: Page, card: string) {
  await page.getByRole('link', { name: 'Reviews', exact: true }).click();
  await page.getByRole('link', { name: new RegExp(card) }).click();
}

describe('reviews offline for employee and manager (issue 6)', () => {
  it('self-review offline citing wins -> submit -> manager drafts offline on the phone, signs off on the laptop -> late phone edit in its inbox -> acknowledge', async () => {
    onTestFailed(() => screenshotAll('reviews'));
    const hrCtx = await laptop(browser, server.url);
    const hr = await hrCtx.newPage();
    await setupOrganisation(hr);
    const links = await importPeople(hr);
    const people = await hrCall<{ id: string; email: string }[]>(hr, 'people.list', undefined, 'GET');
    const eliId = people.find((p) => p.email === 'eli@acme.test')?.id;

    // Eli logs two wins to share with Maya before the cycle starts; they are evidence of the period.
    const eliCtx = await phone(browser, server.url);
    const eli = await eliCtx.newPage();
    await setPassword(eli, links.get('eli@acme.test') ?? '', 'eli-password-123');
    await waitForServiceWorker(eli);
    await logWin(eli, 'Closed the Q3 support backlog', { shared: true });
    await logWin(eli, 'Paired with Sam on the flaky deploy', { shared: true });
    await waitSynced(eli);

    const template = await hrCall<{ id: string }>(hr, 'templates.create', { name: 'Half-year', sections: SECTIONS });
    const cycle = await hrCall<{ id: string }>(hr, 'cycles.create', {
      name: 'H2 2026',
      templateId: template.id,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      selfDeadline: '2099-12-30',
      managerDeadline: '2099-12-31',
      selection: { kind: 'list', personIds: [eliId] },
    });
    await hrCall(hr, 'cycles.launch', { cycleId: cycle.id });

    // The launched review reaches Eli's phone; from here Eli works offline.
    await eli.reload();
    await eli.getByRole('link', { name: 'Reviews', exact: true }).click();
    await eli.getByRole('link', { name: /Self-review/ }).waitFor({ timeout: 20_000 });
    await expectAccessible(eli, 'reviews list');
    await online(eli, false);
    await openReview(eli, 'Self-review');
    await eli
      .getByLabel(/4\s*Exceeds/)
      .first()
      .check();
    const well = eli.getByLabel(/What went well\?/);
    await well.fill('Cleared the support backlog and fixed deploys with Sam.');
    await eli.getByRole('tab', { name: /Evidence/ }).click();
    await eli.getByRole('button', { name: /Closed the Q3 support backlog/ }).click();
    await eli.getByRole('button', { name: /Paired with Sam on the flaky deploy/ }).click();
    await expect.poll(() => eli.getByRole('button', { name: /Paired with Sam/ }).getAttribute('aria-pressed')).toBe('true');
    expect(await fitsWidth(eli)).toBe(true);
    await screenshot(eli, 'review-self-evidence');
    await expectAccessible(eli, 'self-review evidence');
    await eli.getByRole('tab', { name: 'Questions' }).click();
    const cited = eli.getByRole('list', { name: 'Evidence cited for "What went well?"' });
    await expect.poll(() => cited.getByRole('listitem').count()).toBe(2);
    expect(await fitsWidth(eli)).toBe(true);
    await screenshot(eli, 'review-self-form');
    await expectAccessible(eli, 'self-review form');
    expect(await pendingCount(eli)).toBeGreaterThanOrEqual(4);

    await online(eli, true);
    await waitSynced(eli);
    await eli.getByRole('button', { name: 'Submit self-review' }).click();
    await eli.getByRole('alertdialog').getByRole('button', { name: 'Submit' }).click();
    await eli.getByText(/Submitted on/).waitFor();
    await waitSynced(eli);

    // Maya's phone drafts offline.
    const mayaPhoneCtx = await phone(browser, server.url);
    const mayaPhone = await mayaPhoneCtx.newPage();
    await setPassword(mayaPhone, links.get('maya@acme.test') ?? '', 'maya-password-123');
    await waitForServiceWorker(mayaPhone);
    await mayaPhone.getByRole('link', { name: 'Reviews', exact: true }).click();
    await mayaPhone.getByRole('link', { name: /Eli Park/ }).waitFor({ timeout: 20_000 });
    expect(await fitsWidth(mayaPhone)).toBe(true);
    await screenshot(mayaPhone, 'reviews-list-manager');
    await expectAccessible(mayaPhone, 'reviews list of a manager');
    await online(mayaPhone, false);
    await openReview(mayaPhone, 'Eli Park');
    await mayaPhone.getByRole('tab', { name: "Eli's" }).click();
    await mayaPhone.getByText('Cleared the support backlog and fixed deploys with Sam.').waitFor();
    await mayaPhone.getByRole('tab', { name: 'Yours' }).click();
    await mayaPhone
      .getByRole('radio', { name: /3\s*Meets/ })
      .first()
      .check();
    await mayaPhone.getByLabel(/Manager summary/).fill('Phone draft: solid half, more ownership next.');
    await mayaPhone.getByLabel(/Manager summary/).blur();
    await expect.poll(() => pendingCount(mayaPhone)).toBeGreaterThanOrEqual(2);
    await mayaPhone.evaluate(() => window.scrollTo(0, 0));
    expect(await fitsWidth(mayaPhone)).toBe(true);
    await screenshot(mayaPhone, 'review-manager-form');
    await expectAccessible(mayaPhone, 'manager review form');

    // Maya's laptop, online, writes and signs off.
    const mayaLaptopCtx = await laptop(browser, server.url);
    const mayaLaptop = await mayaLaptopCtx.newPage();
    await signIn(mayaLaptop, 'maya@acme.test', 'maya-password-123');
    await mayaLaptop.getByRole('link', { name: 'Reviews', exact: true }).click();
    await openReview(mayaLaptop, 'Eli Park');
    await mayaLaptop
      .getByRole('radio', { name: /4\s*Exceeds/ })
      .first()
      .check();
    await mayaLaptop.getByLabel(/Manager summary/).fill('A strong half: the backlog is gone.');
    await mayaLaptop.getByLabel(/Manager summary/).blur();
    await waitSynced(mayaLaptop);
    await mayaLaptop.getByRole('button', { name: 'Submit review' }).click();
    await mayaLaptop.getByRole('alertdialog').getByRole('button', { name: 'Submit' }).click();
    await mayaLaptop.getByRole('button', { name: 'Sign off' }).click();
    await mayaLaptop.getByRole('alertdialog').getByRole('button', { name: 'Sign off' }).click();
    await mayaLaptop.getByText(/Signed off on/).waitFor();
    await waitSynced(mayaLaptop);

    // The phone comes online: its late edit is refused into its inbox with the text kept; the review is unchanged.
    await online(mayaPhone, true);
    await waitSynced(mayaPhone);
    await mayaPhone.getByText('A strong half: the backlog is gone.').waitFor({ timeout: 20_000 });
    expect(await mayaPhone.getByText('Phone draft: solid half, more ownership next.').count()).toBe(0);
    await mayaPhone.getByRole('link', { name: /Inbox/ }).click();
    await mayaPhone.getByText('Phone draft: solid half, more ownership next.').waitFor();
    await mayaPhone
      .getByText(/This review was signed off on \d{4}-\d{2}-\d{2}; your text is kept in your inbox/)
      .first()
      .waitFor();
    await screenshot(mayaPhone, 'review-late-edit-inbox');
    await expectAccessible(mayaPhone, 'inbox with a refused review edit');

    // Eli reads the signed review and acknowledges it.
    await eli.getByRole('link', { name: 'Reviews', exact: true }).click();
    await eli.getByRole('link', { name: /Self-review/ }).click();
    await eli.getByText('A strong half: the backlog is gone.').waitFor({ timeout: 20_000 });
    expect(await fitsWidth(eli)).toBe(true);
    await screenshot(eli, 'review-signed');
    await expectAccessible(eli, 'signed review');
    await eli.getByLabel('Comment (optional)').fill('Thanks, fair.');
    await eli.getByRole('button', { name: 'Acknowledge review' }).click();
    await eli.getByText(/acknowledged on/).waitFor();
    await waitSynced(eli);
    const reviews = await hrCall<{ state: string }[]>(hr, 'cycles.reviews', { cycleId: cycle.id }, 'GET');
    expect(reviews.map((r) => r.state)).toEqual(['acknowledged']);
    await closeAll(hrCtx, eliCtx, mayaPhoneCtx, mayaLaptopCtx);
  });
});
