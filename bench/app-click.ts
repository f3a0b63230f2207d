import type { Page } from 'playwright-core';
import { launch } from '../test/support/browser';
import { startSignedIn } from './session';

interface Marks {
  clicks: number[];
  outbox: number[];
}
type Win = Window & { __marks?: Marks };

/**
 * Times of "Save win" clicks (the input event's own timestamp) and of committed Dexie transactions
 * that touched the outbox. Dexie announces every commit on `window` as `x-storagemutated-1` with keys
 * like `idb://merit-<id>/outbox/...`, so nothing polls IndexedDB and disturbs what is measured.
 */
function installMarks(page: Page): Promise<void> {
  return page.evaluate(() => {
    const marks = { clicks: [] as number[], outbox: [] as number[] };
    (window as Win).__marks = marks;
    addEventListener('x-storagemutated-1', (e) => {
      const detail = (e as CustomEvent<Record<string, unknown>>).detail;
      if (Object.keys(detail).some((k) => k.includes('/outbox/'))) marks.outbox.push(performance.now());
    });
    document.addEventListener(
      'click',
      (e) => {
        if (e.target instanceof Element && e.target.closest('button')?.textContent?.includes('Save win')) marks.clicks.push(e.timeStamp);
      },
      true,
    );
  });
}

/**
 * The built app at dist/client, served by the built server: per run, open "Log a win", type a title,
 * click "Save win", and take the time from the click to the commit of the outbox entry. Between runs
 * it waits until the engine has synced, so a pull's outbox cleanup cannot pass for the next save.
 */
export async function clickToOutbox(runs: number, warmup: number, cpu: number): Promise<number[]> {
  const { server, api } = await startSignedIn();
  const browser = await launch();
  try {
    const context = await browser.newContext({ baseURL: server.url });
    const [name, value] = api.cookie.split('=');
    if (!name || !value) throw new Error('no session cookie');
    await context.addCookies([{ name, value, url: server.url }]);
    const page = await context.newPage();
    await page.goto('/');
    await page
      .getByRole('button', { name: 'Log a win' })
      .waitFor({ timeout: 30_000 })
      .catch(async (e: unknown) => {
        throw new Error(`the built app shows no "Log a win": ${(await page.textContent('body'))?.slice(0, 300)}`, { cause: e });
      });
    await installMarks(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    const samples: number[] = [];
    for (let i = 0; i < warmup + runs; i++) {
      await page.getByRole('button', { name: 'Log a win' }).click();
      await page.getByLabel('Title').fill(`Clicked win ${i}`);
      await page.getByRole('button', { name: 'Save win' }).click();
      const ms = await page.evaluate(() => {
        const m = (window as Win).__marks;
        const click = m?.clicks.at(-1);
        return new Promise<number>((resolve) => {
          const check = () => {
            const done = m?.outbox.find((t) => click !== undefined && t > click);
            if (click !== undefined && done !== undefined) resolve(done - click);
            else setTimeout(check, 5);
          };
          check();
        });
      });
      if (i >= warmup) samples.push(ms);
      // Synced, and then quiet: the push pokes this very device, whose extra pull also touches the outbox.
      await page.waitForFunction(
        () =>
          document.querySelector('[data-testid="sync-status"]')?.getAttribute('data-pending') === '0' &&
          performance.now() - ((window as Win).__marks?.outbox.at(-1) ?? 0) > 500,
        undefined,
        { timeout: 30_000, polling: 100 },
      );
    }
    return samples;
  } finally {
    await browser.close();
    await server.stop();
  }
}
