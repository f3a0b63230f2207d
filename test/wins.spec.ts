import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { expectAccessible } from './support/axe';
import { launch, phone, screenshot, screenshotAll, waitForServiceWorker } from './support/browser';
import { HR, importPeople, logWin, pendingCount, setPassword, setupOrganisation, signIn, waitSynced } from './support/flows';
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

describe('log a win offline, see it on the other device (issue 3)', () => {
  it('setup -> CSV import -> set password -> 3 wins offline -> reload offline -> online -> second device sees each once', async () => {
    onTestFailed(() => screenshotAll('wins'));
    const hrCtx = await phone(browser, server.url);
    const hr = await hrCtx.newPage();
    await hr.goto('/');
    await hr.getByRole('heading', { name: 'Set up Merit' }).waitFor();
    await expectAccessible(hr, 'setup');
    await hr.getByLabel('Organisation name').fill(HR.org);
    await hr.getByLabel('Your name').fill(HR.name);
    await hr.getByLabel('Email').fill(HR.email);
    await screenshot(hr, 'setup');
    await setupOrganisation(hr);
    await screenshot(hr, 'hr-after-setup');
    const links = await importPeople(hr);
    expect(links.size).toBe(5);
    const link = links.get('eli@acme.test');
    expect(link).toMatch(/\/set-password#token=/);

    const phoneCtx = await phone(browser, server.url);
    const eli = await phoneCtx.newPage();
    await setPassword(eli, link ?? '', 'eli-password-123');
    await waitForServiceWorker(eli);
    await screenshot(eli, 'home-online');
    await expectAccessible(eli, 'home');
    await eli.getByRole('button', { name: 'Log a win' }).click();
    await eli.getByLabel('Title').fill('Closed the Q3 support backlog');
    await eli.getByLabel('Tags').fill('delivery, support');
    await expectAccessible(eli, 'log a win');
    await screenshot(eli, 'log-win');
    await eli.getByRole('button', { name: 'Cancel' }).click();
    for (const [name, heading] of [
      ['Inbox', 'Needs your attention'],
      ['Me', null],
    ] as const) {
      await eli.getByRole('link', { name, exact: true }).click();
      if (heading) await eli.getByRole('heading', { name: heading }).waitFor();
      else await eli.getByRole('button', { name: 'Sign out' }).waitFor();
      await expectAccessible(eli, name.toLowerCase());
    }

    await phoneCtx.setOffline(true);
    const titles = ['Closed the Q3 support backlog', 'Paired with Sam on the flaky deploy', 'Demoed search to the sales team'];
    const tags = ['delivery, support', 'delivery, mentoring', 'demo'];
    for (const [i, t] of titles.entries()) await logWin(eli, t, { tags: tags[i] ?? '' });
    await expect.poll(() => pendingCount(eli)).toBe(3);
    await screenshot(eli, 'offline-three-pending');

    await eli.reload();
    await eli.getByRole('link', { name: 'Wins' }).click();
    for (const t of titles) await expect.poll(() => eli.getByText(t, { exact: true }).count()).toBe(1);
    await screenshot(eli, 'wins-offline-after-reload');
    await expectAccessible(eli, 'wins list');

    await phoneCtx.setOffline(false);
    await eli.evaluate(() => window.dispatchEvent(new Event('online')));
    await waitSynced(eli);

    const laptopCtx = await phone(browser, server.url);
    const eli2 = await laptopCtx.newPage();
    await signIn(eli2, 'eli@acme.test', 'eli-password-123');
    await eli2.getByRole('link', { name: 'Wins' }).click();
    for (const t of titles) await expect.poll(() => eli2.getByText(t, { exact: true }).count(), { timeout: 15_000 }).toBe(1);
    await screenshot(eli2, 'second-device-wins');

    // Filters live in the URL: each chip is a step back can undo.
    const found = () => eli2.locator('.list-count').textContent();
    await eli2.getByRole('button', { name: 'This quarter' }).click();
    await eli2.getByRole('button', { name: '#delivery' }).click();
    await expect.poll(found).toBe('2 wins found');
    expect(new URL(eli2.url()).search).toBe('?tag=delivery&period=quarter');
    await expectAccessible(eli2, 'wins filters');
    await screenshot(eli2, 'wins-filters');
    await eli2.goBack();
    await expect.poll(found).toBe('3 wins found');
    expect(new URL(eli2.url()).search).toBe('?period=quarter');
    await eli2.getByRole('button', { name: 'Custom range' }).click();
    await eli2.getByLabel('From').fill('2020-01-01');
    await eli2.getByLabel('To').fill('2020-12-31');
    await eli2.getByText('No wins match').waitFor();
    await eli2.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(found).toBe('3 wins');

    // Tap a win to edit it; delete it, then undo.
    await eli2.getByRole('link', { name: 'Demoed search to the sales team', exact: true }).click();
    await eli2.getByRole('heading', { name: 'Edit win' }).waitFor();
    await expectAccessible(eli2, 'win detail');
    await eli2.getByRole('button', { name: 'Delete win' }).click();
    await expect.poll(found).toBe('2 wins');
    await screenshot(eli2, 'wins-undo');
    await eli2.getByRole('button', { name: 'Undo' }).click();
    await eli2.getByText('Win restored').waitFor();
    await expect.poll(found).toBe('3 wins');
    await waitSynced(eli2);
    await hrCtx.close();
    await phoneCtx.close();
    await laptopCtx.close();
  });
});
