import { uuidv7 } from '@merit/shared/ids';
import { PROTOCOL_VERSION, type PushOutput } from '@merit/shared/sync/protocol';
import type { Page } from 'playwright-core';
import type { Api } from '../test/support/api';
import { launch } from '../test/support/browser';
import { startSignedIn } from './session';

interface Marks {
  clicks: number[];
  outbox: number[];
}
type Win = Window & { __marks?: Marks };

/**
 * Times of clicks on the save button (the input event's own timestamp) and of committed Dexie transactions
 * that touched the outbox. Dexie announces every commit on `window` as `x-storagemutated-1` with keys
 * like `idb://merit-<id>/outbox/...`, so nothing polls IndexedDB and disturbs what is measured.
 */
function installMarks(page: Page, save: string): Promise<void> {
  return page.evaluate((label) => {
    const marks = { clicks: [] as number[], outbox: [] as number[] };
    (window as Win).__marks = marks;
    addEventListener('x-storagemutated-1', (e) => {
      const detail = (e as CustomEvent<Record<string, unknown>>).detail;
      if (Object.keys(detail).some((k) => k.includes('/outbox/'))) marks.outbox.push(performance.now());
    });
    document.addEventListener(
      'click',
      (e) => {
        if (e.target instanceof Element && e.target.closest('button')?.textContent?.includes(label)) marks.clicks.push(e.timeStamp);
      },
      true,
    );
  }, save);
}

/** One screen's "save" as a person does it: what to open first, what to type, which button saves. */
interface Flow {
  /** The path the page starts on, after `setUp` ran against the server. */
  start: string;
  setUp?(api: Api): Promise<void>;
  /** Opens the form and fills it, ready for the save click. */
  open(page: Page, i: number): Promise<void>;
  save: string;
}

/**
 * The built app at dist/client, served by the built server: per run, open the form, fill it, click save,
 * and take the time from the click to the commit of the outbox entry. Between runs it waits until the
 * engine has synced, so a pull's outbox cleanup cannot pass for the next save.
 */
async function clickRuns(flow: Flow, runs: number, warmup: number, cpu: number): Promise<number[]> {
  const { server, api } = await startSignedIn();
  const browser = await launch();
  try {
    await flow.setUp?.(api);
    const context = await browser.newContext({ baseURL: server.url });
    const [name, value] = api.cookie.split('=');
    if (!name || !value) throw new Error('no session cookie');
    await context.addCookies([{ name, value, url: server.url }]);
    const page = await context.newPage();
    await page.goto(flow.start);
    await installMarks(page, flow.save);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    const samples: number[] = [];
    for (let i = 0; i < warmup + runs; i++) {
      await flow.open(page, i);
      await page.getByRole('button', { name: flow.save }).click();
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

async function visible(page: Page, what: ReturnType<Page['getByRole']>, name: string): Promise<void> {
  await what.waitFor({ timeout: 30_000 }).catch(async (e: unknown) => {
    throw new Error(`the built app shows no "${name}": ${(await page.textContent('body'))?.slice(0, 300)}`, { cause: e });
  });
}

/** "Log a win" from home: open the sheet, type a title, "Save win". */
export function clickToOutbox(runs: number, warmup: number, cpu: number): Promise<number[]> {
  return clickRuns(
    {
      start: '/',
      async open(page, i) {
        const log = page.getByRole('button', { name: 'Log a win' });
        await visible(page, log, 'Log a win');
        await log.click();
        await page.getByLabel('Title').fill(`Clicked win ${i}`);
      },
      save: 'Save win',
    },
    runs,
    warmup,
    cpu,
  );
}

/** A check-in from the goal's screen: "Check in" on its first key result, a new value, "Save check-in". */
export function checkinClickToOutbox(runs: number, warmup: number, cpu: number): Promise<number[]> {
  const goalId = uuidv7();
  return clickRuns(
    {
      start: `/goals/${goalId}`,
      async setUp(api) {
        const args = {
          id: goalId,
          title: 'Grow the pilot program',
          periodStart: '2026-10-01',
          dueDate: '2026-12-31',
          visibility: 'manager',
          keyResults: [
            { id: uuidv7(), title: 'Pilot customers signed', kind: 'number', start: 0, target: 50, unit: '', weight: 1, current: null },
          ],
        };
        const out = await api.mutation<PushOutput>('sync.push', {
          protocol: PROTOCOL_VERSION,
          deviceId: uuidv7(),
          mutations: [{ id: 1, name: 'goal.create@1', args, createdAt: 0 }],
        });
        const [result] = out.results;
        if (result?.status !== 'applied') throw new Error(`the bench goal was not created: ${result?.message ?? 'no result'}`);
      },
      async open(page, i) {
        const link = page.getByRole('link', { name: 'Check in' });
        await visible(page, link, 'Check in');
        await link.click();
        await page.getByLabel(/^New value/).fill(String(i + 1));
      },
      save: 'Save check-in',
    },
    runs,
    warmup,
    cpu,
  );
}
