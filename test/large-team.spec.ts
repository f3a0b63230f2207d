import { uuidv7 } from '@merit/shared/ids';
import { PROTOCOL_VERSION, type PushOutput } from '@merit/shared/sync/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { Api } from './support/api';
import { launch, phone, screenshot, screenshotAll } from './support/browser';
import { seedOrg, signIn } from './support/flows';
import { type RunningServer, startServer } from './support/server';

const REPORTS = 60;
// Nine rows per report: 540 in all, more than one 500-row page, so the second page's request carries a
// cursor with 61 spaces (about 3,000 characters: past the 2,000-character URL a GET allowed).
const SHARED = 5;
const PRIVATE = 4;
const BOSS = 'boss@acme.test';

let server: RunningServer;
let browser: Browser;

const reportEmail = (i: number) => `report${i}@acme.test`;
const win = (id: number, title: string, visibility: 'manager' | 'private') => ({
  id,
  name: 'win.create@1',
  args: { id: uuidv7(), title, date: '2026-11-20', visibility },
  createdAt: 0,
});

/** Every win title in the manager's local database (IndexedDB `merit-<personId>`, store `wins`). */
async function localWinTitles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => n.startsWith('merit-'));
    if (!name) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const rows = await new Promise<{ title: string }[]>((resolve, reject) => {
      const r = db.transaction('wins').objectStore('wins').getAll();
      r.onsuccess = () => resolve(r.result as { title: string }[]);
      r.onerror = () => reject(r.error);
    });
    db.close();
    return rows.map((w) => w.title);
  });
}

const sharedTitles = (i: number) => Array.from({ length: SHARED }, (_, n) => `Shared ${n} of report ${i}`);

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  const csv = [
    'name,email,department,manager_email,role',
    `Bo Boss,${BOSS},Sales,,employee`,
    ...Array.from({ length: REPORTS }, (_, i) => `Report ${i},${reportEmail(i)},Sales,${BOSS},employee`),
  ].join('\n');
  const links = await seedOrg(new Api(server.url), csv);
  const token = (email: string) => links.get(email)?.split('#token=')[1] ?? '';
  await new Api(server.url).mutation('auth.setPassword', { token: token(BOSS), password: 'pw-boss-123' });
  // Each report signs in (setting a password signs in) and pushes from a device of their own, over HTTP.
  for (let i = 0; i < REPORTS; i++) {
    const api = new Api(server.url);
    await api.mutation('auth.setPassword', { token: token(reportEmail(i)), password: `pw-report-${i}` });
    const mutations = [
      ...sharedTitles(i).map((t, n) => win(n + 1, t, 'manager')),
      ...Array.from({ length: PRIVATE }, (_, n) => win(SHARED + n + 1, `Private ${n} of report ${i}`, 'private')),
    ];
    const out = await api.mutation<PushOutput>('sync.push', { protocol: PROTOCOL_VERSION, deviceId: uuidv7(), mutations });
    if (out.lastMutationId !== SHARED + PRIVATE) throw new Error(`report ${i}: push stopped at ${out.lastMutationId}`);
  }
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a manager with 60 direct reports (issue 16)', () => {
  it('signs in on a fresh phone, reaches "Synced" with every report\'s shared wins, and keeps syncing', async () => {
    onTestFailed(() => screenshotAll('large-team'));
    const ctx = await phone(browser, server.url);
    const page = await ctx.newPage();
    await signIn(page, BOSS, 'pw-boss-123');
    const pill = page.getByTestId('sync-status');
    await expect.poll(() => pill.textContent(), { timeout: 30_000 }).toMatch(/^Synced/);

    const titles = new Set(await localWinTitles(page));
    for (let i = 0; i < REPORTS; i++) for (const t of sharedTitles(i)) expect(titles.has(t), t).toBe(true);
    expect([...titles].filter((t) => t.startsWith('Private'))).toEqual([]);
    expect(titles.size).toBe(REPORTS * SHARED);
    await screenshot(page, 'large-team-synced');

    // The next round pulls with the full 61-space cursor: a report's new win reaches the phone (live poke).
    const late = new Api(server.url);
    await late.mutation('auth.signIn', { email: reportEmail(7), password: 'pw-report-7' });
    await late.mutation<PushOutput>('sync.push', {
      protocol: PROTOCOL_VERSION,
      deviceId: uuidv7(),
      mutations: [win(1, 'Late win of report 7', 'manager')],
    });
    await expect.poll(async () => (await localWinTitles(page)).includes('Late win of report 7'), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => pill.textContent(), { timeout: 30_000 }).toMatch(/^Synced/);
    await ctx.close();
  });
});
