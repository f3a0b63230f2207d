import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { Api } from './support/api';
import { expectAccessible } from './support/axe';
import { launch, phone, screenshot, screenshotAll } from './support/browser';
import { closeAll, logWin, seedOrg, setOnline, signIn, waitSynced } from './support/flows';
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

const PASSWORD = 'eli-password-123';

/** HR sets up the organisation and Eli's password through the API: this spec is about Eli's two devices. */
async function eliExists(): Promise<void> {
  const links = await seedOrg(new Api(server.url));
  const token = links.get('eli@acme.test')?.split('#token=')[1];
  await new Api(server.url).mutation('auth.setPassword', { token, password: PASSWORD });
}

async function device(): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await phone(browser, server.url);
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await ctx.newPage();
  await signIn(page, 'eli@acme.test', PASSWORD);
  return { ctx, page };
}

/** Back online: the engine hears `online` (and `focus`, which pulls whatever the other device sent meanwhile). */
async function online(d: { ctx: BrowserContext; page: Page }): Promise<void> {
  await setOnline(d.page, true);
  await waitSynced(d.page);
}

async function pullNow(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await waitSynced(page);
}

async function openWin(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: 'Wins', exact: true }).click();
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { name: 'Edit win' }).waitFor();
}

async function saveEdit(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('Changes saved').waitFor();
}

/** The win's row in the list, as the person sees it. */
const row = (page: Page, title: string) => page.locator('li.win-item', { has: page.getByRole('link', { name: title, exact: true }) });

const badge = (page: Page) => page.locator('.nav-badge');

/** Screenshots for the docs wait for the last toast to go. */
async function noToast(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.toast').count(), { timeout: 10_000 }).toBe(0);
}

const ORIGINAL = 'We moved billing to the new provider before the deadline and kept every customer';
const PHONE_TEXT = 'We moved billing to the new provider two weeks early and kept every customer';
const LAPTOP_TEXT = 'We moved billing to the new provider with zero downtime and kept every customer';

describe('one person, two devices, the same win edited offline on both (issue 4: S16, S17)', () => {
  it('different fields merge; the same words give a conflict copy in the inbox; an edit after a delete lands in the inbox', async () => {
    onTestFailed(() => screenshotAll('conflict'));
    await eliExists();
    const ph = await device();
    const lap = await device();

    await logWin(ph.page, 'Quarterly report', { tags: 'delivery' });
    await openWin(ph.page, 'Quarterly report');
    await ph.page.getByLabel('Description').fill(ORIGINAL);
    await saveEdit(ph.page);
    await waitSynced(ph.page);
    await pullNow(lap.page);
    await lap.page.getByRole('link', { name: 'Wins', exact: true }).click();
    await expect.poll(() => row(lap.page, 'Quarterly report').getByText(ORIGINAL).count(), { timeout: 15_000 }).toBe(1);

    // Round 1: the phone renames it, the laptop re-tags it, both offline.
    await ph.ctx.setOffline(true);
    await lap.ctx.setOffline(true);
    await openWin(ph.page, 'Quarterly report');
    await ph.page.getByLabel('Title').fill('Quarterly billing report');
    await saveEdit(ph.page);
    await openWin(lap.page, 'Quarterly report');
    await lap.page.getByLabel('Tags').fill('finance, delivery');
    await saveEdit(lap.page);
    await online(ph);
    await online(lap);
    await pullNow(ph.page);
    for (const { page } of [ph, lap]) {
      await page.getByRole('link', { name: 'Wins', exact: true }).click();
      const merged = row(page, 'Quarterly billing report');
      await expect.poll(() => merged.count(), { timeout: 15_000 }).toBe(1);
      await expect.poll(() => merged.locator('.tag').allTextContents()).toEqual(['#finance', '#delivery']);
      expect(await page.getByRole('link', { name: 'Quarterly report', exact: true }).count()).toBe(0);
    }

    // Round 2: both rewrite the same words of the description, offline. The phone reaches the server first.
    await ph.ctx.setOffline(true);
    await lap.ctx.setOffline(true);
    await openWin(ph.page, 'Quarterly billing report');
    await ph.page.getByLabel('Description').fill(PHONE_TEXT);
    await saveEdit(ph.page);
    await openWin(lap.page, 'Quarterly billing report');
    await expectAccessible(lap.page, 'win detail');
    await noToast(lap.page);
    await screenshot(lap.page, 'wins-edit');
    await lap.page.getByLabel('Description').fill(LAPTOP_TEXT);
    await saveEdit(lap.page);
    await online(ph);
    await online(lap);
    await pullNow(ph.page);
    for (const { page } of [ph, lap]) {
      await page.getByRole('link', { name: 'Wins', exact: true }).click();
      await expect
        .poll(() => row(page, 'Quarterly billing report').locator('.win-desc').textContent(), { timeout: 15_000 })
        .toBe(PHONE_TEXT);
    }
    // The laptop's words are not lost: a conflict copy waits in its inbox (and on the phone: it is Eli's inbox).
    await expect.poll(() => badge(lap.page).textContent(), { timeout: 15_000 }).toMatch(/^1\b/);
    await expect.poll(() => badge(ph.page).textContent(), { timeout: 15_000 }).toMatch(/^1\b/);
    await lap.page.getByRole('link', { name: /Inbox/ }).click();
    await lap.page.getByText('You and another device changed the description at the same time.', { exact: false }).waitFor();
    expect(await lap.page.getByText(LAPTOP_TEXT, { exact: true }).count()).toBe(1);
    await expectAccessible(lap.page, 'inbox with a conflict copy');
    await noToast(lap.page);
    await screenshot(lap.page, 'inbox-conflict');
    await lap.page.getByRole('button', { name: 'Copy text' }).click();
    await lap.page.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await lap.page.evaluate(() => navigator.clipboard.readText())).toBe(LAPTOP_TEXT);

    // Reapply: the laptop keeps its own words after all; both devices converge on them and the inbox empties.
    await lap.page.getByRole('button', { name: 'Use my version' }).click();
    await lap.page.getByText('Nothing needs your attention').waitFor();
    await waitSynced(lap.page);
    await pullNow(ph.page);
    for (const { page } of [ph, lap]) {
      await page.getByRole('link', { name: 'Wins', exact: true }).click();
      await expect
        .poll(() => row(page, 'Quarterly billing report').locator('.win-desc').textContent(), { timeout: 15_000 })
        .toBe(LAPTOP_TEXT);
      await expect.poll(() => badge(page).count(), { timeout: 15_000 }).toBe(0);
    }

    // Round 3: deleted on the phone, edited on the laptop, both offline: the edit is refused, its text kept (S17).
    await ph.ctx.setOffline(true);
    await lap.ctx.setOffline(true);
    await openWin(ph.page, 'Quarterly billing report');
    await ph.page.getByRole('button', { name: 'Delete win' }).click();
    await ph.page.getByRole('button', { name: 'Undo' }).waitFor();
    await openWin(lap.page, 'Quarterly billing report');
    await lap.page.getByLabel('Title').fill('Quarterly billing report, final');
    await saveEdit(lap.page);
    await online(ph);
    await online(lap);
    await pullNow(ph.page);
    for (const { page } of [ph, lap]) {
      await page.getByRole('link', { name: 'Wins', exact: true }).click();
      await expect.poll(() => page.locator('li.win-item').count(), { timeout: 15_000 }).toBe(0);
    }
    await expect.poll(() => badge(lap.page).textContent(), { timeout: 15_000 }).toMatch(/^1\b/);
    await lap.page.getByRole('link', { name: /Inbox/ }).click();
    await lap.page.getByText('A change to a win').waitFor();
    expect(await lap.page.getByText('This was deleted on another device.').count()).toBe(1);
    expect(await lap.page.getByText('Quarterly billing report, final', { exact: true }).count()).toBe(1);
    // The win is gone, so there is nothing to apply the edit to: copy and discard only.
    expect(await lap.page.getByRole('button', { name: 'Apply again' }).count()).toBe(0);
    await lap.page.getByRole('button', { name: 'Discard' }).click();
    await lap.page.getByText('Nothing needs your attention').waitFor();
    await closeAll(ph.ctx, lap.ctx);
  });
});
