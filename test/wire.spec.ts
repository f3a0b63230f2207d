import { readFileSync } from 'node:fs';
import type { Browser, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { Api } from './support/api';
import { launch, phone, screenshotAll, waitForServiceWorker } from './support/browser';
import { HR, signIn } from './support/flows';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  await new Api(server.url).mutation('setup.create', { orgName: HR.org, name: HR.name, email: HR.email, password: HR.password });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The built file of a module, by the build's manifest. */
function builtFile(module: string): string {
  const manifest = JSON.parse(readFileSync('dist/client/.vite/manifest.json', 'utf8')) as Record<string, { file: string }>;
  const file = manifest[module]?.file;
  if (!file) throw new Error(`${module} is not in the build manifest`);
  return `/${file}`;
}

const pathOf = (r: Response) => new URL(r.url()).pathname;
const isAsset = (r: Response) => /^\/assets\/.+\.(js|css)$/.test(pathOf(r));

describe('on the wire (issue 15)', () => {
  it('the sign-in page fetches no part of the signed-in app, and each script and style arrives brotli-compressed', async () => {
    onTestFailed(() => screenshotAll('wire-sign-in'));
    const ctx = await phone(browser, server.url);
    const page = await ctx.newPage();
    const fromPage: Response[] = [];
    const fromWorker: Response[] = [];
    ctx.on('response', (r) => (r.request().serviceWorker() ? fromWorker : fromPage).push(r));
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await waitForServiceWorker(page);

    const signedIn = builtFile('src/app/signed-in.tsx');
    const pageAssets = fromPage.filter(isAsset);
    expect(pageAssets.length).toBeGreaterThan(1);
    expect(pageAssets.map(pathOf)).not.toContain(signedIn);
    for (const r of pageAssets) {
      const h = await r.allHeaders();
      expect({ path: pathOf(r), encoding: h['content-encoding'], cache: h['cache-control'] }).toEqual({
        path: pathOf(r),
        encoding: 'br',
        cache: 'public, max-age=31536000, immutable',
      });
    }

    // The service worker precaches the whole app through the same server: compressed on the wire too, the
    // signed-in chunk included (so the app opens offline after this first visit).
    const precached = fromWorker.filter(isAsset);
    expect(precached.map(pathOf)).toContain(signedIn);
    for (const r of precached)
      expect({ path: pathOf(r), encoding: (await r.allHeaders())['content-encoding'] }).toEqual({ path: pathOf(r), encoding: 'br' });
    await ctx.close();
  });

  it('signed in, the app opens offline from the precache, its lazy chunk included', async () => {
    onTestFailed(() => screenshotAll('wire-offline'));
    const ctx = await phone(browser, server.url);
    const page = await ctx.newPage();
    await signIn(page, HR.email, HR.password);
    await waitForServiceWorker(page);
    await ctx.setOffline(true);
    await page.reload();
    await page.getByRole('button', { name: 'Log a win' }).waitFor();
    await page.getByRole('link', { name: 'Goals' }).click();
    await page.getByRole('heading', { name: 'Goals', exact: true, level: 1 }).waitFor();
    await ctx.close();
  });
});
