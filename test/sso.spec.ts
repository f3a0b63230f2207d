import { uuidv7 } from '@merit/shared/ids';
import type { PullOutput } from '@merit/shared/sync/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startTestProvider, type TestProvider } from '../server/src/auth/oidc/test-provider';
import { Api } from './support/api';
import { launch, phone, screenshot, screenshotAll, waitForServiceWorker } from './support/browser';
import { HR, logWin, PEOPLE_CSV, pendingCount, waitSynced } from './support/flows';
import { freePort, type RunningServer, startServer } from './support/server';

/** Sessions last 40 s here, so one can run out while the phone is offline (as in session-expiry.spec.ts). */
const SESSION_MS = 40_000;
const CLIENT = { clientId: 'merit-e2e', clientSecret: 'an-e2e-client-secret-long-enough-for-hs256' };
let server: RunningServer;
let idp: TestProvider;
let browser: Browser;

beforeAll(async () => {
  // The provider's port first: Merit is configured with its issuer, the provider with Merit's redirect URL.
  const idpPort = await freePort();
  server = await startServer({
    SESSION_MAX_DAYS: String(SESSION_MS / 86_400_000),
    OIDC_ISSUER: `http://127.0.0.1:${idpPort}`,
    OIDC_CLIENT_ID: CLIENT.clientId,
    OIDC_CLIENT_SECRET: CLIENT.clientSecret,
    OIDC_BUTTON_LABEL: 'Sign in with Acme ID',
  });
  idp = await startTestProvider({
    ...CLIENT,
    port: idpPort,
    redirectUris: [`${server.url}/auth/oidc/callback`],
    postLogoutRedirectUris: [`${server.url}/`],
  });
  idp.accounts.set('sam@acme.test', { email: 'sam@acme.test', emailVerified: true, name: 'Sam' });
  idp.accounts.set('eve@elsewhere.test', { email: 'eve@elsewhere.test', emailVerified: true });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await idp?.close();
  await server?.stop();
});

/** On Merit's sign-in screen: the company button, then the provider's page when it asks who you are. */
async function signInThroughProvider(page: Page, email: string): Promise<void> {
  await page.getByRole('link', { name: 'Sign in with Acme ID' }).click();
  const field = page.getByLabel('Work e-mail');
  const back = page.waitForURL((u) => u.origin === server.url && !u.pathname.startsWith('/auth/'), { timeout: 20_000 });
  // A provider session from the first sign-in may skip its page: then the browser is back at once.
  const asked = await Promise.race([field.waitFor({ timeout: 20_000 }).then(() => true), back.then(() => false)]);
  if (asked) {
    await field.fill(email);
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await back;
}

describe('single sign-on with the OpenID provider, and a session that ends offline (issue 13)', () => {
  it('an unknown e-mail gets a clear page; a known one signs in; a win logged offline syncs after signing in again through the provider', async () => {
    onTestFailed(() => screenshotAll('sso'));
    const hr = new Api(server.url);
    await hr.mutation('setup.create', { orgName: HR.org, name: HR.name, email: HR.email, password: HR.password });
    await hr.mutation('people.importCommit', { csv: PEOPLE_CSV });

    const stranger = await phone(browser, server.url);
    const sp = await stranger.newPage();
    await sp.goto('/');
    await signInThroughProvider(sp, 'eve@elsewhere.test');
    await sp.getByRole('alert').filter({ hasText: 'its e-mail address is not in Merit' }).waitFor();
    expect(new URL(sp.url()).pathname).toBe('/sign-in');
    await stranger.close();

    const ctx = await phone(browser, server.url);
    const page = await ctx.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Sign in with Acme ID' }).waitFor();
    await screenshot(page, 'sso-sign-in');
    const signedInAt = Date.now();
    await signInThroughProvider(page, 'sam@acme.test');
    await page.getByRole('button', { name: 'Log a win' }).waitFor();
    await waitForServiceWorker(page);

    await ctx.setOffline(true);
    await logWin(page, 'Shipped the SSO pilot, offline');
    await expect.poll(() => pendingCount(page)).toBe(1);

    await new Promise((r) => setTimeout(r, Math.max(0, signedInAt + SESSION_MS + 2_000 - Date.now())));
    await ctx.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    const banner = page.getByRole('alert').filter({ hasText: 'Your session has ended' });
    await banner.waitFor({ timeout: 20_000 });
    expect(await pendingCount(page)).toBe(1);

    await banner.getByRole('link', { name: 'Sign in' }).click();
    await signInThroughProvider(page, 'sam@acme.test');
    await page.getByRole('button', { name: 'Log a win' }).waitFor();
    await waitSynced(page);

    // The server has the win exactly once, seen from a fresh device signed in through the provider too.
    const other = await phone(browser, server.url);
    const op = await other.newPage();
    await op.goto('/');
    await signInThroughProvider(op, 'sam@acme.test');
    const pulled = (await op.evaluate(async (deviceId) => {
      const input = encodeURIComponent(JSON.stringify({ protocol: 1, deviceId, cursor: null }));
      const r = await fetch(`/trpc/sync.pull?input=${input}`);
      return ((await r.json()) as { result: { data: unknown } }).result.data;
    }, uuidv7())) as PullOutput;
    const titles = pulled.changes.filter((c) => c.table === 'wins' && c.row).map((c) => String(c.row?.title));
    expect(titles).toEqual(['Shipped the SSO pilot, offline']);
    await other.close();
    await ctx.close();
  });
});
