import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { Api } from './support/api';
import { expectAccessible } from './support/axe';
import { copyToDocs, laptop, launch, phone, screenshot, screenshotAll, waitForServiceWorker } from './support/browser';
import { closeAll, fitsWidth, HR, logWin, pendingCount, seedOrg, setOnline, setPassword, signIn, waitSynced } from './support/flows';
import { confirm, openReview, rate } from './support/review-flows';
import { type RunningServer, startServer } from './support/server';

/**
 * Issue 6, "What must show", first bullet, step by step and in order, each step through the UI a person would
 * use. Only the setup (the organisation and its people) goes through the API. Engineering is Eli and Sam, both
 * reporting to Maya, who sits in another department: launching for Engineering reviews exactly those two.
 */
const PEOPLE = [
  'name,email,department,manager_email,role',
  'Maya Lind,maya@acme.test,Leadership,,employee',
  'Eli Park,eli@acme.test,Engineering,maya@acme.test,employee',
  'Sam Okafor,sam@acme.test,Engineering,maya@acme.test,employee',
  'Rita Gomez,rita@acme.test,Sales,maya@acme.test,employee',
].join('\n');

const WINS = ['Closed the Q3 support backlog', 'Paired with Sam on the flaky deploy'];
const SELF_TEXT = 'Cleared the support backlog and fixed deploys with Sam.';
const PHONE_DRAFT = 'Phone draft: solid half, more ownership next.';
const SIGNED_TEXT = 'A strong half: the backlog is gone.';
const REASON = 'The overall rating contradicts the summary';

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

describe('a review cycle end to end (issue 6)', () => {
  it('template and launch -> offline self-review citing two wins -> offline phone draft, laptop sign-off -> late edit in the inbox -> acknowledge -> reopen, re-sign -> audit, the dashboard live throughout', async () => {
    onTestFailed(() => screenshotAll('review-cycle'));
    const api = new Api(server.url);
    const links = await seedOrg(api, PEOPLE);
    const link = (email: string) => links.get(email) ?? '';

    // Eli, on a phone, has logged two wins of the period and shared them with Maya before the cycle exists.
    const eliCtx = await phone(browser, server.url);
    const eli = await eliCtx.newPage();
    await setPassword(eli, link('eli@acme.test'), 'eli-password-123');
    await waitForServiceWorker(eli);
    for (const w of WINS) await logWin(eli, w, { shared: true });
    await waitSynced(eli);
    await eli.getByRole('link', { name: 'Reviews', exact: true }).click();

    // 1. HR, on a laptop, builds the template in the builder.
    const hrCtx = await laptop(browser, server.url);
    const hr = await hrCtx.newPage();
    await hr.goto('/');
    await hr.getByLabel('Email').fill(HR.email);
    await hr.getByLabel('Password').fill(HR.password);
    await hr.getByRole('button', { name: 'Sign in' }).click();
    await hr.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await hr.getByRole('link', { name: 'Review cycles' }).click();
    await hr.getByRole('button', { name: 'New template' }).click();
    await hr.getByLabel('Name', { exact: true }).fill('Half-year');
    await hr.getByRole('button', { name: '+ Questions section' }).click();
    await hr.getByLabel('Section 1 title').fill('Your half-year');
    const question = (n: number) => hr.getByRole('group', { name: `Question ${n}`, exact: true });
    await question(1).getByLabel('Prompt').fill('Overall performance');
    await hr.getByRole('button', { name: '+ Competency question in section 1' }).click();
    await question(2).getByLabel('Prompt').fill('How do they work with others?');
    await question(2).getByLabel('Competency').fill('Collaboration');
    await question(2).getByLabel('What it means').fill('Shares context, asks for help early.');
    await question(2).getByLabel('Who answers').selectOption('manager');
    await hr.getByRole('button', { name: '+ Free text question in section 1' }).click();
    await question(3).getByLabel('Prompt').fill('What went well?');
    await question(3).getByLabel('Who answers').selectOption('self');
    await hr.getByRole('button', { name: '+ Free text question in section 1' }).click();
    await question(4).getByLabel('Prompt').fill('Manager summary');
    await question(4).getByLabel('Who answers').selectOption('manager');
    // The builder's three views sit on one row (a stylesheet for the reviews' phone tabs once stacked them).
    const tabTops = await hr.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => t.getBoundingClientRect().top));
    expect(new Set(tabTops).size, `tops of the builder's tabs: ${tabTops.join(', ')}`).toBe(1);
    await question(2).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(hr, 'cycles-template-builder');
    await expectAccessible(hr, 'template builder');
    await hr.getByRole('tab', { name: 'Preview as manager' }).click();
    await hr.getByText('Manager summary').waitFor();
    await hr.getByText('Collaboration').waitFor();
    expect(await hr.getByText('What went well?').count()).toBe(0);
    await hr.getByRole('tab', { name: 'Preview as employee' }).click();
    await hr.getByText('What went well?').waitFor();
    expect(await hr.getByText('Manager summary').count()).toBe(0);
    expect(await hr.getByText('Collaboration').count()).toBe(0);
    await screenshot(hr, 'cycles-template-preview');
    await expectAccessible(hr, 'template preview');
    await hr.getByRole('button', { name: 'Save template' }).click();
    await hr.getByText('Template saved').waitFor();

    // 2. HR launches a cycle for Engineering and stays on its live dashboard: from here on HR never reloads.
    await hr.getByRole('link', { name: 'Cycles' }).click();
    await hr.getByRole('button', { name: 'New cycle' }).click();
    await hr.getByLabel('Name').fill('H2 2026');
    await hr.getByLabel('Template').selectOption({ label: 'Half-year' });
    await hr.getByLabel('Period from').fill('2026-01-01');
    await hr.getByLabel('Period to').fill('2026-12-31');
    await hr.getByLabel('Self-review due').fill('2099-12-30');
    await hr.getByLabel('Manager review due').fill('2099-12-31');
    await hr.getByLabel('Department', { exact: true }).selectOption('Engineering');
    await hr.getByRole('button', { name: 'Preview participants' }).click();
    await hr.getByText('2 people in this cycle').waitFor();
    await confirm(hr, 'Launch cycle…', 'Launch');
    await hr.getByRole('heading', { name: 'H2 2026' }).waitFor();
    await hr.getByText('Live', { exact: true }).waitFor();
    const stat = (id: string) => hr.getByTestId(id).textContent();
    await expect.poll(() => stat('stat-total')).toBe('2');
    expect(await stat('stat-self')).toBe('0');
    await expectAccessible(hr, 'cycle dashboard');
    const eliRow = hr.getByRole('row', { name: /Eli Park/ });
    // A reload would drop this mark: finding it later proves each step reached HR through the live stream alone.
    await hr.evaluate(() => Object.assign(window, { meritSameDocument: true }));
    const hrStays = async () => expect(await hr.evaluate(() => 'meritSameDocument' in window)).toBe(true);

    // 3. The launched review reaches Eli's open phone unasked; Eli drafts the self-review offline, citing both wins.
    await eli.getByRole('link', { name: /Self-review/ }).waitFor({ timeout: 20_000 });
    expect(await fitsWidth(eli)).toBe(true);
    await expectAccessible(eli, 'reviews list');
    await setOnline(eli, false);
    await openReview(eli, /Self-review/);
    await rate(eli, 'Overall performance', /4\s*Exceeds/);
    await eli.getByLabel(/What went well\?/).fill(SELF_TEXT);
    await eli.getByRole('tab', { name: /Evidence/ }).click();
    for (const w of WINS) {
      await eli.getByRole('button', { name: new RegExp(w) }).click();
      await expect.poll(() => eli.getByRole('button', { name: new RegExp(w) }).getAttribute('aria-pressed')).toBe('true');
    }
    expect(await fitsWidth(eli)).toBe(true);
    await screenshot(eli, 'review-self-evidence');
    await expectAccessible(eli, 'self-review evidence');
    await eli.getByRole('tab', { name: 'Questions' }).click();
    const cited = eli.getByRole('list', { name: 'Evidence cited for "What went well?"' });
    await expect.poll(() => cited.getByRole('listitem').allTextContents()).toEqual(WINS);
    expect(await fitsWidth(eli)).toBe(true);
    await screenshot(eli, 'review-self-form');
    await expectAccessible(eli, 'self-review form');
    // The rating, the text and two cites wait on the phone; nothing has reached the server.
    expect(await pendingCount(eli)).toBeGreaterThanOrEqual(4);
    expect(await stat('stat-self')).toBe('0');

    // 4. Online again, Eli submits; HR's dashboard counts it without a reload.
    await setOnline(eli, true);
    await waitSynced(eli);
    await confirm(eli, 'Submit self-review', 'Submit');
    await eli.getByText(/Submitted on/).waitFor();
    await expect.poll(() => stat('stat-self'), { timeout: 5000 }).toBe('1');
    await expect.poll(() => eliRow.textContent()).toContain('Self-review submitted');

    // 5. Maya, offline on her phone, drafts her ratings beside Eli's submitted self-review.
    const mayaPhoneCtx = await phone(browser, server.url);
    const mayaPhone = await mayaPhoneCtx.newPage();
    await setPassword(mayaPhone, link('maya@acme.test'), 'maya-password-123');
    await waitForServiceWorker(mayaPhone);
    await mayaPhone.getByRole('link', { name: 'Reviews', exact: true }).click();
    await mayaPhone.getByRole('link', { name: /Eli Park/ }).waitFor({ timeout: 20_000 });
    expect(await fitsWidth(mayaPhone)).toBe(true);
    await screenshot(mayaPhone, 'reviews-list-manager');
    await expectAccessible(mayaPhone, 'reviews list of a manager');
    await setOnline(mayaPhone, false);
    await openReview(mayaPhone, /Eli Park/);
    await mayaPhone.getByRole('tab', { name: "Eli's" }).click();
    await mayaPhone.getByText(SELF_TEXT).waitFor();
    await mayaPhone.getByRole('tab', { name: 'Yours' }).click();
    await rate(mayaPhone, 'Overall performance', /3\s*Meets/);
    await rate(mayaPhone, 'Collaboration', /3\s*Meets/);
    await mayaPhone.getByLabel(/Manager summary/).fill(PHONE_DRAFT);
    await mayaPhone.getByLabel(/Manager summary/).blur();
    await expect.poll(() => pendingCount(mayaPhone)).toBeGreaterThanOrEqual(3);
    await mayaPhone.evaluate(() => window.scrollTo(0, 0));
    expect(await fitsWidth(mayaPhone)).toBe(true);
    await screenshot(mayaPhone, 'review-manager-form');
    await expectAccessible(mayaPhone, 'manager review form');

    // 6. On her laptop, online, Maya writes her review, submits and signs off; the dashboard follows.
    const mayaLaptopCtx = await laptop(browser, server.url);
    const mayaLaptop = await mayaLaptopCtx.newPage();
    await signIn(mayaLaptop, 'maya@acme.test', 'maya-password-123');
    await openReview(mayaLaptop, /Eli Park/);
    await rate(mayaLaptop, 'Overall performance', /4\s*Exceeds/);
    await rate(mayaLaptop, 'Collaboration', /5\s*Exceptional/);
    await mayaLaptop.getByLabel(/Manager summary/).fill(SIGNED_TEXT);
    await mayaLaptop.getByLabel(/Manager summary/).blur();
    await waitSynced(mayaLaptop);
    // One step submits and signs off (issue 12): confirmed once, because it cannot be undone.
    await confirm(mayaLaptop, 'Sign off and share with Eli', 'Sign off');
    await mayaLaptop.getByText(/Signed off on/).waitFor();
    await waitSynced(mayaLaptop);
    await expect.poll(() => stat('stat-signed'), { timeout: 5000 }).toBe('1');
    await expect.poll(() => eliRow.textContent()).toContain('Signed off');

    // 7. The phone comes online: its late edit is refused into its inbox with the text kept; the review is unchanged.
    await setOnline(mayaPhone, true);
    await waitSynced(mayaPhone);
    await mayaPhone.getByText(SIGNED_TEXT).waitFor({ timeout: 20_000 });
    // Eli's 4 and the laptop's 4 and 5 stand; the phone's two 3s are gone.
    expect(await mayaPhone.getByText('4 · Exceeds').count()).toBe(2);
    expect(await mayaPhone.getByText('5 · Exceptional').count()).toBe(1);
    expect(await mayaPhone.getByText(PHONE_DRAFT).count()).toBe(0);
    expect(await mayaPhone.getByText('3 · Meets expectations').count()).toBe(0);
    await mayaPhone.getByRole('link', { name: /Inbox/ }).click();
    const refused = mayaPhone.getByRole('listitem').filter({ hasText: PHONE_DRAFT });
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/This review was signed off on \d{4}-\d{2}-\d{2}; your text is kept in your inbox/);
    // The card says which review and which question the words belong to, not just "Text".
    expect(await refused.textContent()).toContain('Your review as their manager');
    expect(await refused.getByText(/\(text\)$/).count()).toBeGreaterThan(0);
    expect(await fitsWidth(mayaPhone)).toBe(true);
    await screenshot(mayaPhone, 'review-late-edit-inbox');
    await expectAccessible(mayaPhone, 'inbox with a refused review edit');
    expect(await stat('stat-signed')).toBe('1');

    // 8. Eli's phone announces the sign-off (a notification and a Home card); he reads the review and acknowledges
    // it with a comment, confirmed; the dashboard counts it and HR reads the comment in the table and the CSV.
    await eli.getByRole('link', { name: 'Home' }).click();
    const card = eli.getByTestId('home-card').filter({ hasText: 'Your review in H2 2026 is signed off' });
    await card.waitFor({ timeout: 20_000 });
    await eli.getByRole('link', { name: /^Notifications, \d+ unread/ }).waitFor();
    await screenshot(eli, 'home-signed-off-card');
    await copyToDocs('home-signed-off-card');
    await expectAccessible(eli, 'home with the sign-off card');
    await card.getByRole('link', { name: /^Open/ }).click();
    await eli.getByText(SIGNED_TEXT).waitFor({ timeout: 20_000 });
    expect(await eli.getByText(PHONE_DRAFT).count()).toBe(0);
    expect(await fitsWidth(eli)).toBe(true);
    await screenshot(eli, 'review-signed');
    await expectAccessible(eli, 'signed review');
    await eli.getByLabel('Comment (optional)').fill('Thanks, fair.');
    await eli.getByRole('button', { name: 'Acknowledge review' }).click();
    await eli.getByRole('alertdialog', { name: 'Acknowledge this review?' }).getByRole('button', { name: 'Acknowledge' }).click();
    await eli.getByText(/acknowledged on/).waitFor();
    await waitSynced(eli);
    const acknowledged = hr.getByRole('progressbar', { name: /^Acknowledged by the employee/ });
    await expect.poll(() => acknowledged.getAttribute('aria-label'), { timeout: 5000 }).toBe('Acknowledged by the employee: 1 of 2');
    await expect.poll(() => eliRow.textContent()).toContain('Acknowledged');
    await expect.poll(() => eliRow.textContent()).toContain('Thanks, fair.');
    const csv = await hr.evaluate(
      async (href) => (await fetch(href)).text(),
      (await hr.getByRole('link', { name: 'Export CSV' }).getAttribute('href')) ?? '',
    );
    expect(csv).toMatch(/acknowledgement comment/);
    expect(csv).toMatch(/Eli Park,.*Acknowledged,.*Thanks, fair\./);
    await hrStays();
    await screenshot(hr, 'cycles-dashboard-live');

    // 9. HR reopens Eli's review with a reason. Eli and Maya are told; Maya follows the notice from her laptop to
    // the review, a form again, changes one rating and signs off again.
    await hr.getByRole('button', { name: "Reopen Eli Park's review" }).click();
    await hr.getByLabel("Why reopen Eli Park's review?").fill(REASON);
    await hr.getByRole('button', { name: 'Reopen review' }).click();
    await hr.getByText("Eli Park's review is reopened").waitFor();
    await expect.poll(() => stat('stat-signed')).toBe('0');
    await eli.getByRole('link', { name: /^Notifications, \d+ unread/ }).waitFor({ timeout: 20_000 });
    await mayaLaptop.getByRole('link', { name: /^Notifications, \d+ unread/ }).click();
    const notice = mayaLaptop.getByRole('listitem').filter({ hasText: 'A review you signed off in H2 2026 was reopened' });
    expect(await notice.textContent()).toContain(`HR reopened it: ${REASON}`);
    await notice.getByRole('link', { name: 'Open' }).click();
    const overall = mayaLaptop.getByRole('group', { name: /Overall performance/ });
    await overall.waitFor({ timeout: 20_000 });
    expect(await overall.getByRole('radio', { name: /4\s*Exceeds/ }).isChecked()).toBe(true);
    await rate(mayaLaptop, 'Overall performance', /2\s*Developing/);
    await waitSynced(mayaLaptop);
    await mayaLaptop.getByTestId('reopen-banner').getByText(REASON, { exact: false }).waitFor();
    await screenshot(mayaLaptop, 'review-reopen-banner');
    await copyToDocs('review-reopen-banner');
    await confirm(mayaLaptop, 'Sign off and share with Eli', 'Sign off');
    await mayaLaptop.getByText(/Signed off on/).waitFor();
    await waitSynced(mayaLaptop);
    await expect.poll(() => stat('stat-signed'), { timeout: 5000 }).toBe('1');
    await expect.poll(() => eliRow.textContent()).toContain('reopened 1×');
    await hrStays();

    // 10. The audit view: who reopened, when and why, and the one rating changed afterwards, before and after.
    await hr.getByRole('link', { name: 'Audit log of this cycle' }).click();
    const entries = hr.getByTestId('audit-entry');
    const reopened = entries.filter({ hasText: 'Reopened a review' });
    await reopened.waitFor();
    expect(await reopened.textContent()).toContain(`Reason: ${REASON}`);
    expect(await reopened.textContent()).toContain(`by ${HR.name}`);
    const changed = entries.filter({ hasText: 'Changed an answer after a reopen' });
    expect(await changed.count()).toBe(1);
    expect(await changed.textContent()).toContain('Manager answer before: rating 4 → after: rating 2');
    expect(await changed.textContent()).toContain('by Maya Lind');
    expect(await entries.filter({ hasText: 'Signed off a review' }).count()).toBe(2);
    expect(await entries.filter({ hasText: 'Submitted a self-review' }).count()).toBe(1);
    expect(await entries.filter({ hasText: 'Acknowledged a review' }).count()).toBe(1);
    await expectAccessible(hr, 'audit log');
    await closeAll(hrCtx, eliCtx, mayaPhoneCtx, mayaLaptopCtx);
  }, 300_000);
});
