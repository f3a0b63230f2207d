import { uuidv7 } from '@merit/shared/ids';
import type { PullOutput } from '@merit/shared/sync/protocol';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { Api } from './support/api';
import { launch, phone, screenshot, screenshotAll, waitForServiceWorker } from './support/browser';
import { HR, logWin, PEOPLE_CSV, pendingCount, waitSynced } from './support/flows';
import { type RunningServer, startServer } from './support/server';

/** Sessions last 40 s here, so one can run out while the phone is offline. */
const SESSION_MS = 40_000;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ SESSION_MAX_DAYS: String(SESSION_MS / 86_400_000) });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a session that ends while offline keeps the outbox (issue 4)', () => {
  it('5 wins logged offline survive the expiry; after signing in again they arrive exactly once', async () => {
    onTestFailed(() => screenshotAll('session-expiry'));
    const hr = new Api(server.url);
    await hr.mutation('setup.create', { orgName: HR.org, name: HR.name, email: HR.email, password: HR.password });
    const { created } = await hr.mutation<{ created: { person: { email: string }; setPasswordUrl: string }[] }>('people.importCommit', {
      csv: PEOPLE_CSV,
    });
    const sam = created.find((c) => c.person.email === 'sam@acme.test');
    const token = sam?.setPasswordUrl.split('#token=')[1];
    await new Api(server.url).mutation('auth.setPassword', { token, password: 'sam-password-99' });

    const ctx = await phone(browser, server.url);
    const page = await ctx.newPage();
    await page.goto('/');
    await page.getByLabel('Email').fill('sam@acme.test');
    await page.getByLabel('Password').fill('sam-password-99');
    const signedInAt = Date.now();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Log a win' }).waitFor();
    await waitForServiceWorker(page);

    await ctx.setOffline(true);
    const titles = Array.from({ length: 5 }, (_, i) => `Offline win number ${i + 1}`);
    for (const t of titles) await logWin(page, t);
    await expect.poll(() => pendingCount(page)).toBe(5);

    await new Promise((r) => setTimeout(r, Math.max(0, signedInAt + SESSION_MS + 2_000 - Date.now())));
    await ctx.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    const banner = page.getByRole('alert').filter({ hasText: 'Your session has ended' });
    await banner.waitFor({ timeout: 20_000 });
    await expect.poll(() => banner.textContent()).toContain('your 5 unsynced changes are kept');
    await screenshot(page, 'session-ended-banner');
    expect(await pendingCount(page)).toBe(5);

    await banner.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email').fill('sam@acme.test');
    await page.getByLabel('Password').fill('sam-password-99');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Log a win' }).waitFor();
    await waitSynced(page);

    const other = new Api(server.url);
    await other.mutation('auth.signIn', { email: 'sam@acme.test', password: 'sam-password-99' });
    const pulled = await other.query<PullOutput>('sync.pull', { protocol: 1, deviceId: uuidv7(), cursor: null });
    const got = pulled.changes.filter((c) => c.table === 'wins' && c.row).map((c) => String(c.row?.title));
    expect(got.sort()).toEqual([...titles].sort());
    await ctx.close();
  });
});
