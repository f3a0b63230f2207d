import { copyFileSync, mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
}

const open = new Set<BrowserContext>();
function track(c: BrowserContext): BrowserContext {
  open.add(c);
  c.on('close', () => open.delete(c));
  return c;
}

/** A phone: 390x844, touch, its own storage (one context = one device). */
export async function phone(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return track(
    await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }),
  );
}

export async function laptop(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return track(await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } }));
}

/** Screenshots of every open page, for `onTestFailed`: what each device showed when the spec failed. */
export async function screenshotAll(prefix: string): Promise<void> {
  let i = 0;
  for (const c of open) for (const p of c.pages()) await screenshot(p, `FAILED-${prefix}-${++i}`).catch(() => undefined);
}

/** Waits until a service worker controls the page, so a reload with the network off is served from cache. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync('test-results', { recursive: true });
  const path = `test-results/${name}.png`;
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Copies a screenshot taken with `screenshot` into docs/screenshots, where README links the ones worth showing. */
export function copyToDocs(name: string): void {
  mkdirSync('docs/screenshots', { recursive: true });
  copyFileSync(`test-results/${name}.png`, `docs/screenshots/${name}.png`);
}
