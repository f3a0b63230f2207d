import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { launch, phone, screenshot, screenshotAll, waitForServiceWorker } from './support/browser';
import { importPeople, logWin, pendingCount, setPassword, setupOrganisation, signIn, waitSynced } from './support/flows';
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

    await phoneCtx.setOffline(true);
    const titles = ['Closed the Q3 support backlog', 'Paired with Sam on the flaky deploy', 'Demoed search to the sales team'];
    for (const t of titles) await logWin(eli, t, { tags: 'delivery' });
    await expect.poll(() => pendingCount(eli)).toBe(3);
    await screenshot(eli, 'offline-three-pending');

    await eli.reload();
    await eli.getByRole('link', { name: 'Wins' }).click();
    for (const t of titles) await expect.poll(() => eli.getByText(t, { exact: true }).count()).toBe(1);
    await screenshot(eli, 'wins-offline-after-reload');

    await phoneCtx.setOffline(false);
    await eli.evaluate(() => window.dispatchEvent(new Event('online')));
    await waitSynced(eli);

    const laptopCtx = await phone(browser, server.url);
    const eli2 = await laptopCtx.newPage();
    await signIn(eli2, 'eli@acme.test', 'eli-password-123');
    await eli2.getByRole('link', { name: 'Wins' }).click();
    for (const t of titles) await expect.poll(() => eli2.getByText(t, { exact: true }).count(), { timeout: 15_000 }).toBe(1);
    await screenshot(eli2, 'second-device-wins');
    await hrCtx.close();
    await phoneCtx.close();
    await laptopCtx.close();
  });
});
