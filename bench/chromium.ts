import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { build } from 'vite';
import { launch } from '../test/support/browser';
import type { BenchApi } from './browser/api';
import { serveDir } from './static';

const root = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(root, 'bench/out/browser');

export interface BenchPage {
  page: Page;
  /** Calls a function of bench/browser/main.mts inside the page. */
  call<K extends keyof BenchApi>(name: K, ...args: Parameters<BenchApi[K]>): Promise<Awaited<ReturnType<BenchApi[K]>>>;
  /** CPU slowdown for the page (CDP Emulation.setCPUThrottlingRate): 4 is the mid-range phone of Lighthouse. */
  throttle(rate: number): Promise<void>;
  close(): Promise<void>;
}

/** Builds the bench page with the client's real modules, serves it on loopback and opens it in Chromium. */
export async function openBenchPage(): Promise<BenchPage> {
  await build({
    root: join(root, 'bench/browser'),
    logLevel: 'silent',
    configFile: false,
    resolve: { alias: { '@': join(root, 'client/src') } },
    build: { outDir: OUT, emptyOutDir: true },
  });
  const server = await serveDir(OUT);
  let browser: Browser | undefined;
  try {
    browser = await launch();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => 'bench' in window);
    const cdp: CDPSession = await context.newCDPSession(page);
    const opened = browser;
    return {
      page,
      call: (name, ...args) =>
        page.evaluate(
          ([n, a]) => {
            const fn = (window as unknown as { bench: Record<string, (...x: unknown[]) => unknown> }).bench[n];
            if (!fn) throw new Error(`no bench function ${n}`);
            return fn(...a);
          },
          [name, args] as const,
        ) as Promise<Awaited<ReturnType<BenchApi[typeof name]>>>,
      throttle: async (rate) => {
        await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      },
      close: async () => {
        await opened.close();
        await server.close();
      },
    };
  } catch (e) {
    await browser?.close();
    await server.close();
    throw e;
  }
}
