import { uuidv7 } from '@merit/shared/ids';
import { type Mutation, PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { Api } from './support/api';
import { launch, phone, screenshotAll, waitForServiceWorker } from './support/browser';
import { HR, PEOPLE_CSV, setOnline, signIn } from './support/flows';
import { type RunningServer, startServer } from './support/server';

// Issue 10 item 6, S52: a phone that goes offline right after its first sign-in opens every screen an employee
// or a manager uses, with no service worker at all (blocked: the worst case, before it installs or takes
// control) and, on the next visit, from the service worker's precache after a reload with the network off.

let server: RunningServer;
let browser: Browser;
const GOAL = uuidv7();
const WIN = uuidv7();
let eliId = '';
let reviewId = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  const hr = new Api(server.url);
  await hr.mutation('setup.create', { orgName: HR.org, name: HR.name, email: HR.email, password: HR.password });
  const { created } = await hr.mutation<{ created: { person: { id: string; email: string }; setPasswordUrl: string }[] }>(
    'people.importCommit',
    { csv: PEOPLE_CSV },
  );
  const maya = new Api(server.url);
  for (const c of created) {
    const api = c.person.email === 'maya@acme.test' ? maya : new Api(server.url);
    await api.mutation('auth.setPassword', { token: c.setPasswordUrl.split('#token=')[1], password: `pw-${c.person.email}` });
  }
  eliId = created.find((c) => c.person.email === 'eli@acme.test')?.person.id ?? '';
  const mayaId = created.find((c) => c.person.email === 'maya@acme.test')?.person.id ?? '';
  // Maya's own win, goal and self-review, made before her phone's first visit.
  const kr = { id: 'k1', title: 'Customers signed', kind: 'number', start: 0, target: 10, unit: '', weight: 1, current: null };
  const mutations: Mutation[] = [
    { id: 1, name: 'win.create@1', args: { id: WIN, title: 'Closed the pilot', date: '2026-11-02', visibility: 'private' }, createdAt: 0 },
    {
      id: 2,
      name: 'goal.create@1',
      args: {
        id: GOAL,
        title: 'Grow the pilot',
        periodStart: '2026-10-01',
        dueDate: '2026-12-31',
        visibility: 'manager',
        keyResults: [kr],
      },
      createdAt: 0,
    },
  ];
  await maya.mutation('sync.push', { protocol: PROTOCOL_VERSION, deviceId: uuidv7(), mutations });
  const sections = [
    {
      id: 's',
      kind: 'questions',
      title: 'Half',
      questions: [{ id: 'well', kind: 'text', prompt: 'What went well?', answeredBy: 'self', required: true }],
    },
  ];
  const { id: templateId } = await hr.mutation<{ id: string }>('templates.create', { name: 'Half-year', sections });
  const { id: cycleId } = await hr.mutation<{ id: string }>('cycles.create', {
    name: 'H2 2026',
    templateId,
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    selfDeadline: '2099-12-30',
    managerDeadline: '2099-12-31',
    selection: { kind: 'list', personIds: [mayaId] },
  });
  await hr.mutation('cycles.launch', { cycleId });
  reviewId = await reviewOf(maya);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function reviewOf(api: Api): Promise<string> {
  const page = await api.query<{ changes: { table: string; id: string }[] }>('sync.pull', {
    protocol: PROTOCOL_VERSION,
    deviceId: uuidv7(),
    cursor: null,
    limit: 500,
  });
  return page.changes.find((c) => c.table === 'reviews')?.id ?? '';
}

/** In-app navigation, as a tap on a link does it: no page load. */
async function go(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    window.history.pushState({ inApp: true }, '', p);
    window.dispatchEvent(new Event('merit:navigate'));
  }, path);
}

/** Every screen of an employee and a manager, with a heading that shows only once its code has loaded. */
const screens = (): [string, string][] => [
  ['/', 'Closed the pilot'],
  ['/wins/new', 'Log a win'],
  ['/wins', 'Closed the pilot'],
  [`/wins/${WIN}`, 'Edit win'],
  ['/goals', 'Grow the pilot'],
  [`/goals/${GOAL}`, 'Customers signed'],
  [`/goals/${GOAL}/checkin/k1`, 'Check in'],
  [`/goals/${GOAL}/edit`, 'Edit goal'],
  ['/notes', 'Notes'],
  ['/notes/feedback', 'Feedback'],
  ['/reviews', 'Reviews'],
  [`/reviews/${reviewId}`, 'Your self-review'],
  ['/inbox', 'Nothing needs your attention'],
  ['/me', 'Me'],
  ['/me/record', 'My record'],
  ['/notifications', 'Notifications'],
  ['/team', 'Your team'],
  [`/team/${eliId}`, 'Shared goals'],
];

async function openEveryScreen(page: Page): Promise<void> {
  for (const [path, text] of screens()) {
    await go(page, path);
    await page
      .getByText(text, { exact: true })
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => {
        throw new Error(`offline, ${path} did not show "${text}"`);
      });
  }
  // Log a win offline, on the screen whose chunk once failed to load.
  await go(page, '/wins/new');
  await page.getByLabel('Title').fill('Wrote the offline runbook');
  await page.getByRole('button', { name: 'Save win' }).click();
  await page.getByText('Win saved').waitFor();
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /dynamically imported|Importing a module script failed/i.test(m.text())) errors.push(m.text());
  });
  return errors;
}

describe('first visit, then offline (issue 10 item 6, S52)', () => {
  it('with no service worker at all, every screen opens offline right after the first sign-in', async () => {
    onTestFailed(() => screenshotAll('first-visit-no-sw'));
    const ctx: BrowserContext = await browser.newContext({
      baseURL: server.url,
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      serviceWorkers: 'block',
    });
    const page = await ctx.newPage();
    const errors = collectErrors(page);
    await signIn(page, 'maya@acme.test', 'pw-maya@acme.test');
    await page.getByText('Closed the pilot').waitFor();
    // The screens load while the page is idle after sign-in: wait for the last of them, then cut the network.
    const loaded = () =>
      page.evaluate(() =>
        performance.getEntriesByType('resource').map((e) =>
          e.name
            .split('/')
            .pop()
            ?.replace(/-[\w-]{8}\.js$/, ''),
        ),
      );
    const last = ['team-screen', 'report-screen', 'review-screen', 'record-screen', 'checkin-screen', 'kr-chart', 'achievement-chart'];
    const missing = async () => {
      const names = await loaded();
      return last.filter((c) => !names.includes(c));
    };
    await expect.poll(missing, { timeout: 15_000 }).toEqual([]);
    await setOnline(page, false);
    await openEveryScreen(page);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('with the service worker: offline reload after the first visit, then every screen', async () => {
    onTestFailed(() => screenshotAll('first-visit-sw'));
    const ctx = await phone(browser, server.url);
    const page = await ctx.newPage();
    const errors = collectErrors(page);
    await signIn(page, 'maya@acme.test', 'pw-maya@acme.test');
    await waitForServiceWorker(page);
    await page.getByText('Closed the pilot').waitFor();
    await setOnline(page, false);
    await page.reload();
    await page.getByText('Closed the pilot').waitFor();
    await openEveryScreen(page);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
