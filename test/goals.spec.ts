import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { expectAccessible } from './support/axe';
import { laptop, launch, phone, screenshot, screenshotAll, waitForServiceWorker } from './support/browser';
import { call, pendingCount, seedOrgByApi, setOnline, signIn, waitSynced } from './support/flows';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

/** A day relative to today, as the date input wants it (the browser and this process share TZ=UTC). */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function device(kind: 'phone' | 'laptop'): Promise<Page> {
  const ctx = kind === 'phone' ? await phone(browser, server.url) : await laptop(browser, server.url);
  contexts.push(ctx);
  return ctx.newPage();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  await seedOrgByApi(server.url);
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

async function checkIn(page: Page, goal: string, kr: string, value: string, date: string) {
  await page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: kr }) })
    .getByRole('link', { name: 'Check in' })
    .click();
  await page.getByRole('heading', { name: 'Check in' }).waitFor();
  await page.getByLabel(/^New value/).fill(value);
  await page.getByLabel('Date').fill(date);
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await page.getByText('Check-in saved').waitFor();
  await page.getByRole('heading', { name: goal, level: 1 }).waitFor();
}

/** No toast over the screen, for screenshots worth keeping (a toast lasts 3.5 s). */
async function quiet(page: Page) {
  await expect.poll(() => page.locator('.toast').count(), { timeout: 10_000 }).toBe(0);
}

const krCard = (page: Page, kr: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: kr }) });

describe('goals, check-ins and the forecast, offline on a phone (issue 5)', () => {
  it('goal with two key results offline -> three weekly check-ins -> on track, then at risk -> alert on home -> win linked -> reload offline -> the manager sees the goal, not the private one', async () => {
    onTestFailed(() => screenshotAll('goals'));
    const eli = await device('phone');
    await signIn(eli, 'eli@acme.test', 'pw-eli@acme.test');
    await waitForServiceWorker(eli);
    await eli.context().setOffline(true);

    // A goal with two key results, offline.
    await eli.getByRole('link', { name: 'Goals' }).click();
    await eli.getByRole('heading', { name: 'Goals', level: 1 }).waitFor();
    await expectAccessible(eli, 'goals (empty)');
    await eli.getByRole('link', { name: 'New goal' }).click();
    await eli.getByLabel('Objective').fill('Grow the pilot program');
    await eli.getByLabel('Period start').fill(day(-28));
    await eli.getByLabel('Due date').fill(day(28));
    await eli.getByLabel('Measure').fill('Pilot customers signed');
    await eli.getByLabel('Target', { exact: true }).fill('10');
    await eli.getByRole('button', { name: 'Add a key result' }).click();
    await eli.getByLabel('Measure').nth(1).fill('Days to onboard a customer');
    await eli.getByLabel('Start', { exact: true }).nth(1).fill('10');
    await eli.getByLabel('Target', { exact: true }).nth(1).fill('4');
    await eli.getByLabel('Unit').nth(1).fill('days');
    await expectAccessible(eli, 'goal form');
    await eli.getByRole('button', { name: 'Save goal' }).click();
    await eli.getByRole('heading', { name: 'Grow the pilot program', level: 1 }).waitFor();

    // Three check-ins over simulated weeks (dates in the past): on track after two, at risk after a low third.
    await checkIn(eli, 'Grow the pilot program', 'Pilot customers signed', '2', day(-21));
    await eli
      .getByRole('listitem')
      .filter({ has: eli.getByRole('heading', { name: 'Pilot customers signed' }) })
      .getByRole('link', { name: 'Check in' })
      .click();
    await eli.getByLabel(/^New value/).fill('5');
    await eli.getByLabel('Date').fill(day(-14));
    await quiet(eli);
    await screenshot(eli, 'goals-checkin-form');
    await expectAccessible(eli, 'check-in form');
    await eli.getByRole('button', { name: 'Save check-in' }).click();
    await eli.getByRole('heading', { name: 'Grow the pilot program', level: 1 }).waitFor();
    await expect.poll(() => krCard(eli, 'Pilot customers signed').getByText('On track').count()).toBe(1);
    await expect.poll(() => eli.locator('.kr-chart canvas').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await screenshot(eli, 'goals-detail-on-track');

    await checkIn(eli, 'Grow the pilot program', 'Pilot customers signed', '3', day(-7));
    await expect.poll(() => krCard(eli, 'Pilot customers signed').getByText('At risk').count()).toBe(1);
    await krCard(eli, 'Pilot customers signed').getByText('3 check-ins', { exact: false }).click();
    // The key result just under the top bar: its figures, forecast, chart and history in one screenshot.
    await krCard(eli, 'Pilot customers signed').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 72));
    await quiet(eli);
    await screenshot(eli, 'goals-detail-at-risk');
    await expectAccessible(eli, 'goal detail');

    // Log a win for this goal from its page.
    await eli.getByRole('button', { name: 'Log a win for this goal' }).click();
    await eli.getByLabel('Title').fill('Signed Northwind as a pilot customer');
    await eli.getByRole('button', { name: 'Save win' }).click();
    await eli.getByText('Win saved').waitFor();
    await eli.getByRole('heading', { name: 'Grow the pilot program', level: 1 }).waitFor();
    await expect
      .poll(() => eli.getByRole('list', { name: 'Wins for this goal' }).getByText('Signed Northwind as a pilot customer').count())
      .toBe(1);

    // A private goal, which the manager must never see.
    await eli.getByRole('link', { name: 'Goals' }).click();
    await eli.getByRole('link', { name: 'New goal' }).click();
    await eli.getByLabel('Objective').fill('Find a mentor outside the team');
    await eli.getByLabel('Measure').fill('Mentor found');
    await eli.getByLabel('Kind').selectOption('done');
    await eli.getByLabel('Private').check();
    await eli.getByRole('button', { name: 'Save goal' }).click();
    await eli.getByRole('heading', { name: 'Find a mentor outside the team', level: 1 }).waitFor();
    await eli.getByRole('link', { name: 'Goals' }).click();
    await expect.poll(() => eli.getByRole('list', { name: 'Current goals' }).getByRole('listitem').count()).toBe(2);
    await quiet(eli);
    await screenshot(eli, 'goals-list');
    await expectAccessible(eli, 'goals list');

    // The alert on home.
    await eli.getByRole('link', { name: 'Home' }).click();
    await eli.getByRole('heading', { name: '1 goal at risk' }).waitFor();
    await quiet(eli);
    await screenshot(eli, 'goals-home-alert');
    await expectAccessible(eli, 'home with alert');

    // Reload offline: everything is still there.
    expect(await pendingCount(eli)).toBeGreaterThan(0);
    await eli.reload();
    await eli.getByRole('heading', { name: '1 goal at risk' }).waitFor();
    await eli.getByRole('link', { name: 'Grow the pilot program' }).first().click();
    await expect.poll(() => krCard(eli, 'Pilot customers signed').getByText('At risk').count()).toBe(1);
    await expect.poll(() => eli.getByText('Signed Northwind as a pilot customer').count()).toBe(1);
    await eli.getByRole('link', { name: 'See all' }).click();
    await expect.poll(() => eli.getByRole('button', { name: /Linked to one goal/ }).count()).toBe(1);
    await expect.poll(() => eli.getByText('Signed Northwind as a pilot customer').count()).toBe(1);

    // Online: it syncs; the manager's laptop sees the goal and its check-ins, not the private goal.
    await setOnline(eli, true);
    await waitSynced(eli);

    const maya = await device('phone');
    await signIn(maya, 'maya@acme.test', 'pw-maya@acme.test');
    await maya.goto('/team');
    await maya.getByRole('heading', { name: 'Your team', level: 1 }).waitFor();
    const eliRow = maya.getByRole('listitem').filter({ hasText: 'Eli Park' });
    await expect.poll(() => eliRow.getByText('1 at risk').count(), { timeout: 20_000 }).toBe(1);
    await screenshot(maya, 'goals-team');
    await expectAccessible(maya, 'team');
    await eliRow.getByRole('link').click();
    await maya.getByRole('heading', { name: 'Eli Park', level: 1 }).waitFor();
    await expect.poll(() => maya.getByText('Grow the pilot program').count()).toBe(1);
    expect(await maya.getByText('Find a mentor outside the team').count()).toBe(0);
    await expectAccessible(maya, 'report page');
    await maya.getByText('Grow the pilot program').click();
    await expect.poll(() => krCard(maya, 'Pilot customers signed').getByText('At risk').count()).toBe(1);
    expect(await maya.getByRole('link', { name: 'Check in' }).count()).toBe(0);
    // Not through the API either: the private goal's title never reaches the manager's browser.
    const pulled = await call(maya, 'goals.directory');
    expect(JSON.stringify(pulled.body)).not.toContain('Find a mentor');
    const stored = await maya.evaluate(async () => {
      const dbs = await indexedDB.databases();
      return JSON.stringify(dbs.map((d) => d.name));
    });
    expect(stored).toContain('merit-');

    const laptopMaya = await device('laptop');
    await signIn(laptopMaya, 'maya@acme.test', 'pw-maya@acme.test');
    await laptopMaya.goto('/team');
    await laptopMaya.getByRole('listitem').filter({ hasText: 'Eli Park' }).getByRole('link').click();
    await expect.poll(() => laptopMaya.getByText('Grow the pilot program').count(), { timeout: 20_000 }).toBe(1);
    expect(await laptopMaya.getByText('Find a mentor outside the team').count()).toBe(0);
  });
});
