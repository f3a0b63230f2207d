import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { expectAccessible } from './support/axe';
import { launch, phone, screenshot, screenshotAll } from './support/browser';
import { call, seedOrgByApi, signIn } from './support/flows';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

/** A day relative to today (the browser and this process share TZ=UTC). */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function device(): Promise<Page> {
  const ctx = await phone(browser, server.url);
  contexts.push(ctx);
  return ctx.newPage();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  await seedOrgByApi(server.url);
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

/** An ended goal of two key results with their last check-ins, as another of the person's devices pushes them. */
function endedGoal(title: string, due: number, values: [number, number]) {
  const id = randomUUID();
  const kr = (k: number) => ({
    id: `k${k}`,
    title: `Result ${k}`,
    kind: 'number',
    start: 0,
    target: 10,
    unit: '',
    weight: 1,
    current: null,
  });
  return [
    {
      name: 'goal.create@1',
      args: { id, title, periodStart: day(due - 80), dueDate: day(due), visibility: 'manager', keyResults: [kr(0), kr(1)] },
    },
    ...values.map((value, k) => ({
      name: 'checkin.create@1',
      args: { id: randomUUID(), goalId: id, krId: `k${k}`, value, confidence: 6, date: day(due - 2) },
    })),
    { name: 'goal.update@1', args: { id, patch: { status: 'achieved' } } },
  ];
}

describe('home dashboard on a phone (issue 5)', () => {
  it('ended goals of past quarters -> the achievement rate as a uPlot chart and as a table; axe finds nothing serious', async () => {
    onTestFailed(() => screenshotAll('dashboard'));
    const sam = await device();
    await signIn(sam, 'sam@acme.test', 'pw-sam@acme.test');
    // 95 days apart, so three different quarters, all within the four the home screen shows.
    const mutations = [
      ...endedGoal('Cut build time', -210, [9, 4]),
      ...endedGoal('Ship the mobile beta', -115, [8, 7]),
      ...endedGoal('Mentor two new hires', -20, [10, 6]),
    ].map((m, i) => ({ id: i + 1, createdAt: Date.now(), ...m }));
    const pushed = await call(sam, 'sync.push', { protocol: 1, deviceId: randomUUID(), mutations }, 'POST');
    expect(pushed.status).toBe(200);
    expect(JSON.stringify(pushed.body)).not.toContain('rejected');

    await sam.reload();
    await sam.getByRole('heading', { name: 'Achievement rate' }).waitFor({ timeout: 20_000 });
    const table = sam.getByRole('table', { name: 'Achievement rate by quarter' });
    // The four quarters shown: three with a goal each, oldest first, and the one without (whichever it is).
    await expect.poll(() => table.getByRole('row').count(), { timeout: 20_000 }).toBe(5);
    const rows = (await table.getByRole('row').allTextContents()).filter((r) => !r.endsWith('no goal ended'));
    expect(rows).toEqual([
      'QuarterRateKey results reached',
      expect.stringMatching(/50%1 of 2$/),
      expect.stringMatching(/100%2 of 2$/),
      expect.stringMatching(/50%1 of 2$/),
    ]);
    await expect.poll(() => sam.locator('.achievement-chart canvas').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expectAccessible(sam, 'home with the achievement chart');
    await sam
      .getByRole('heading', { name: 'Achievement rate' })
      .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 400));
    await screenshot(sam, 'goals-home-achievement');
  });
});
