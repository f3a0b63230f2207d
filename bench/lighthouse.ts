import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch as launchChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import puppeteer, { type Page } from 'puppeteer-core';
import { FLAGS } from '../test/support/browser';

export interface Run {
  score: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Everything the page load transferred, compressed as on the wire (Lighthouse's total-byte-weight). */
  bytes: number;
}

export type Form = 'mobile' | 'desktop';

/** Debian's Chromium with the e2e flags, its own profile: one browser = one device. */
export async function openChrome() {
  const chrome = await launchChrome({
    chromePath: '/usr/bin/chromium',
    chromeFlags: FLAGS,
    userDataDir: mkdtempSync(join(tmpdir(), 'merit-lh-')),
    logLevel: 'silent',
  });
  return {
    port: chrome.port,
    /** Signs in through the real sign-in screen, so the device remembers the person as a phone would. */
    async signIn(base: string, email: string, password: string, then?: (page: Page) => Promise<string>): Promise<string> {
      const browser = await puppeteer.connect({
        browserURL: `http://127.0.0.1:${chrome.port}`,
        defaultViewport: { width: 390, height: 844 },
      });
      try {
        const page = await browser.newPage();
        await page.goto(`${base}/sign-in`);
        await page.waitForSelector('input[type=email]');
        await page.type('input[type=email]', email);
        await page.type('input[type=password]', password);
        await page.click('button[type=submit]');
        await page.waitForSelector('.bottom-nav', { timeout: 60_000 });
        const out = then ? await then(page) : '';
        await page.close();
        return out;
      } finally {
        await browser.disconnect();
      }
    },
    /** One Lighthouse run (performance only; mobile defaults: slow 4G and 4x CPU, simulated; or the desktop preset). */
    async measure(url: string, form: Form): Promise<Run> {
      const result = await lighthouse(
        url,
        { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: ['performance'] },
        form === 'desktop' ? desktopConfig : undefined,
      );
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
      if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
      const num = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
      return {
        score: Math.round((lhr.categories.performance?.score ?? Number.NaN) * 100),
        lcpMs: num('largest-contentful-paint'),
        tbtMs: num('total-blocking-time'),
        cls: num('cumulative-layout-shift'),
        bytes: num('total-byte-weight'),
      };
    },
    close: () => chrome.kill(),
  };
}

/** The median of each figure of `runs` (three runs: the middle one, figure by figure, as Lighthouse advises). */
export function medianRun(runs: readonly Run[]): Run {
  const mid = (f: (r: Run) => number) => [...runs].map(f).sort((a, b) => a - b)[Math.floor(runs.length / 2)] ?? Number.NaN;
  return {
    score: mid((r) => r.score),
    lcpMs: mid((r) => r.lcpMs),
    tbtMs: mid((r) => r.tbtMs),
    cls: mid((r) => r.cls),
    bytes: mid((r) => r.bytes),
  };
}

/** A static directory with one blank page, for the same server to serve as the floor. */
export function blankSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'merit-blank-'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Blank</title><p>Blank page: the floor.</p></html>',
  );
  return dir;
}
