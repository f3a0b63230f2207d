import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { Api } from './api';

export const HR = { org: 'Acme Robotics', name: 'Hana Reyes', email: 'hana@acme.test', password: 'correct-horse-42' };

export const PEOPLE_CSV = [
  'name,email,department,manager_email,role',
  'Maya Lind,maya@acme.test,Engineering,,employee',
  'Eli Park,eli@acme.test,Engineering,maya@acme.test,employee',
  'Sam Okafor,sam@acme.test,Engineering,maya@acme.test,employee',
  'Rita Gomez,rita@acme.test,Sales,maya@acme.test,employee',
  'Tom Berg,tom@acme.test,Sales,rita@acme.test,employee',
].join('\n');

export async function setupOrganisation(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('heading', { name: 'Set up Merit' }).waitFor();
  await page.getByLabel('Organisation name').fill(HR.org);
  await page.getByLabel('Your name').fill(HR.name);
  await page.getByLabel('Email').fill(HR.email);
  await page.getByLabel('Password').fill(HR.password);
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).waitFor();
}

/** HR imports the CSV and returns the one-time set-password link of each person, by e-mail. */
export async function importPeople(page: Page, csv = PEOPLE_CSV): Promise<Map<string, string>> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await page.getByRole('button', { name: 'Import CSV' }).click();
  await page.getByLabel('CSV', { exact: true }).fill(csv);
  await page.getByRole('button', { name: 'Preview' }).click();
  const count = csv.trim().split('\n').length - 1;
  await page.getByRole('button', { name: `Import ${count} people` }).click();
  const links = page.getByTestId('set-password-link');
  await expect.poll(() => links.count(), { timeout: 10_000 }).toBe(count);
  const emails = csv
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[1] ?? '');
  const out = new Map<string, string>();
  for (const email of emails) {
    const url = await page.locator('li', { hasText: email }).getByTestId('set-password-link').textContent();
    if (url) out.set(email, url.trim());
  }
  return out;
}

export async function setPassword(page: Page, link: string, password: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel('New password').fill(password);
  await page.getByRole('button', { name: 'Set password' }).click();
  await page.getByRole('button', { name: 'Log a win' }).waitFor();
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Log a win' }).waitFor();
}

export async function logWin(page: Page, title: string, opts: { tags?: string; shared?: boolean } = {}): Promise<void> {
  await page.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('button', { name: 'Log a win' }).click();
  const titleBox = page.getByLabel('Title');
  await expect.poll(() => titleBox.evaluate((el) => el === document.activeElement)).toBe(true);
  await titleBox.fill(title);
  if (opts.tags) await page.getByLabel('Tags').fill(opts.tags);
  if (opts.shared) await page.getByLabel('Shared with my manager').check();
  await page.getByRole('button', { name: 'Save win' }).click();
  await page.getByText('Win saved').waitFor();
}

export async function pendingCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('sync-status').getAttribute('data-pending'));
}

export async function waitSynced(page: Page): Promise<void> {
  await expect.poll(() => pendingCount(page), { timeout: 20_000 }).toBe(0);
}

/** A fetch from inside the page, with its cookies: what any script of a signed-in person could call. */
export async function call(page: Page, path: string, input?: unknown, method: 'GET' | 'POST' = 'GET') {
  return page.evaluate(
    async ({ path, input, method }) => {
      const q = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      const r =
        method === 'GET'
          ? await fetch(`/trpc/${path}${q}`)
          : await fetch(`/trpc/${path}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(input ?? {}),
            });
      return { status: r.status, body: (await r.json()) as unknown };
    },
    { path, input, method },
  );
}

export async function closeAll(...contexts: BrowserContext[]): Promise<void> {
  for (const c of contexts) await c.close().catch(() => undefined);
}

/** Network off or on for one device; `online` is dispatched by hand because Chromium does not fire it for an emulated network. */
export async function setOnline(page: Page, on: boolean): Promise<void> {
  await page.context().setOffline(!on);
  if (on) await page.evaluate(() => window.dispatchEvent(new Event('online')));
}

/** Mobile-first: nothing on the screen is wider than the window. */
export const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/**
 * Through the API: HR creates the organisation and imports `csv`; returns each person's one-time set-password link,
 * by e-mail. `api` stays signed in as HR.
 */
export async function seedOrg(api: Api, csv = PEOPLE_CSV): Promise<Map<string, string>> {
  await api.mutation('setup.create', { orgName: HR.org, name: HR.name, email: HR.email, password: HR.password });
  const { created } = await api.mutation<{ created: { person: { email: string }; setPasswordUrl: string }[] }>('people.importCommit', {
    csv,
  });
  return new Map(created.map((c) => [c.person.email, c.setPasswordUrl]));
}

/**
 * For specs whose subject comes later: seedOrg, then each person's password set to `pw-<email>`, all outside the
 * browser, so every page starts signed out.
 */
export async function seedOrgByApi(base: string): Promise<void> {
  const links = await seedOrg(new Api(base));
  const person = new Api(base);
  for (const [email, link] of links)
    await person.mutation('auth.setPassword', { token: link.split('#token=')[1], password: `pw-${email}` });
}
