import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { type LoopbackSmtp, mailText, startLoopbackSmtp } from '../server/src/notifications/smtp-test-kit';
import { Api } from './support/api';
import { expectAccessible } from './support/axe';
import { copyToDocs, laptop, launch, phone, screenshot, screenshotAll } from './support/browser';
import { HR, seedOrg } from './support/flows';
import { type RunningServer, startServer } from './support/server';
import { expectTargets44 } from './support/targets';

/**
 * Issue 12: HR's day at 1280x800 against a real SMTP server on loopback. HR edits a person's manager in the
 * people table, imports ten people and e-mails all ten their invitations (every mail carries a link that
 * works), and reminds the people who have not started their self-review before its deadline. A person who
 * forgot their password resets it from the e-mail on a phone; the used link then says so and offers a way on.
 */
let browser: Browser;
let server: RunningServer;
let smtp: LoopbackSmtp;
const contexts: BrowserContext[] = [];

const TEN = [
  'name,email,department,manager_email,role',
  ...Array.from({ length: 10 }, (_, i) => `New Person ${i + 1},new${i + 1}@acme.test,Support,maya@acme.test,employee`),
].join('\n');

const linkIn = (data: string) => /http:\/\/127\.0\.0\.1:\d+\/set-password#token=[\w-]+/.exec(mailText(data))?.[0] ?? '';
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** Screenshots the issue asks for go to docs/screenshots as well as test-results. */
async function shot(page: Page, name: string) {
  await screenshot(page, name);
  copyToDocs(name);
}

async function hrSignedIn(): Promise<Page> {
  const ctx = await laptop(browser, server.url);
  contexts.push(ctx);
  const page = await ctx.newPage();
  await page.goto('/');
  await page.getByLabel('Email').fill(HR.email);
  await page.getByLabel('Password').fill(HR.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Log a win' }).waitFor();
  return page;
}

async function mails(n: number) {
  await expect.poll(() => smtp.received.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(n);
  return smtp.received.slice(0, n);
}

beforeAll(async () => {
  browser = await launch();
  smtp = await startLoopbackSmtp();
  server = await startServer({ SMTP_URL: smtp.url, MAIL_FROM: 'Merit <merit@acme.test>' });
  const api = new Api(server.url);
  await seedOrg(api);
  const t = await api.mutation<{ id: string }>('templates.create', {
    name: 'Mid-year',
    sections: [
      {
        id: '01900000-0000-7000-8000-00000000a001',
        kind: 'questions',
        title: 'Impact',
        questions: [
          { id: '01900000-0000-7000-8000-00000000a002', kind: 'text', prompt: 'What went well?', answeredBy: 'self', required: true },
        ],
      },
    ],
  });
  const c = await api.mutation<{ id: string }>('cycles.create', {
    name: 'Sales H2',
    templateId: t.id,
    periodStart: '2026-07-01',
    periodEnd: '2026-12-31',
    selfDeadline: inDays(10),
    managerDeadline: inDays(20),
    selection: { kind: 'department', department: 'Sales' },
  });
  await api.mutation('cycles.launch', { cycleId: c.id });
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

describe("HR's desk (issue 12)", () => {
  it('edits a manager in the people table at 1280x800, audited with before and after', async () => {
    onTestFailed(() => screenshotAll('hr-desk-edit'));
    const page = await hrSignedIn();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    const table = page.getByRole('region', { name: 'People' });
    await table.getByRole('row').nth(6).waitFor();
    await page.getByLabel('Search people').fill('berg');
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    expect(await page.getByTestId('person-tom@acme.test').textContent()).toContain('Rita Gomez');
    await shot(page, 'people-table');
    await expectAccessible(page, 'people table');
    await page.getByRole('link', { name: 'Edit Tom Berg' }).click();
    await page.getByRole('heading', { name: 'Edit Tom Berg' }).waitFor();
    // A loop is refused with words, not field names.
    await page.getByLabel('Manager').selectOption({ label: 'Maya Lind · Engineering' });
    await page.getByLabel('Department').fill('Engineering');
    await shot(page, 'person-edit');
    await expectAccessible(page, 'edit person');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Tom Berg saved').waitFor();
    await page.getByLabel('Search people').fill('berg');
    await expect.poll(() => page.getByTestId('person-tom@acme.test').textContent()).toContain('Maya Lind');
    await page.getByRole('link', { name: 'Audit log' }).click();
    const entry = page.getByTestId('audit-entry').filter({ hasText: 'Changed a manager' });
    await entry.first().waitFor();
    expect(await entry.first().textContent()).toContain('Manager: Rita Gomez → Maya Lind');
    const edited = page.getByTestId('audit-entry').filter({ hasText: 'Edited a person' });
    expect(await edited.first().textContent()).toContain('Department: Sales → Engineering');
    // No audit entry shows a raw key.
    expect(await page.locator('main').textContent()).not.toMatch(/\b(password|people|person|cycle)\.[a-z]+/);
  });

  it('invites ten imported people by e-mail; every mail carries a working link', async () => {
    onTestFailed(() => screenshotAll('hr-desk-invite'));
    smtp.received.length = 0;
    const page = await hrSignedIn();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('button', { name: 'Import CSV' }).click();
    await page.getByLabel('CSV', { exact: true }).fill(TEN);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('button', { name: 'Import 10 people' }).click();
    await page.getByRole('button', { name: 'E-mail all 10 invitations' }).click();
    await page.getByText('Invitation e-mailed to 10 people').waitFor();
    await shot(page, 'people-invited');
    await expectAccessible(page, 'people imported and invited');
    const got = await mails(10);
    expect(got.map((m) => m.to[0]).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `new${i + 1}@acme.test`).sort());
    for (const m of got) expect(linkIn(m.data)).not.toBe('');
    // Every link works: each one is live (checked through the API), and one is followed on a phone.
    const anon = new Api(server.url);
    for (const m of got) {
      const who = await anon.query<{ email: string }>('auth.checkToken', { token: linkIn(m.data).split('#token=')[1] });
      expect(who.email).toBe(m.to[0]);
    }
    const ctx = await phone(browser, server.url);
    contexts.push(ctx);
    const p = await ctx.newPage();
    const first = got.find((m) => m.to[0] === 'new1@acme.test');
    await p.goto(linkIn(first?.data ?? ''));
    await p.getByText('New Person 1').waitFor();
    await p.getByLabel('New password').fill('a-long-password-1');
    await p.getByRole('button', { name: 'Set password' }).click();
    await p.getByRole('button', { name: 'Log a win' }).waitFor();
  });

  it('reminds the not started before the deadline, by e-mail and in the app', async () => {
    onTestFailed(() => screenshotAll('hr-desk-remind'));
    smtp.received.length = 0;
    const page = await hrSignedIn();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('link', { name: 'Review cycles' }).click();
    await page.getByRole('link', { name: /Sales H2/ }).click();
    await page.getByRole('heading', { name: 'Sales H2' }).waitFor();
    await page.getByText('2 self-reviews to submit').waitFor();
    await page.getByRole('button', { name: 'Remind the not started' }).click();
    await page.getByText('Reminded 2 people (2 by e-mail)').waitFor();
    const got = await mails(2);
    expect(got.map((m) => m.to[0]).sort()).toEqual(['rita@acme.test', 'tom@acme.test']);
    expect(got[0]?.data).toMatch(/Subject: Your self-review in Sales H2 is due/);
    // Filter the reviews table, select one and remind just them.
    smtp.received.length = 0;
    await page.getByLabel('Search reviews').fill('rita');
    await page.getByRole('checkbox', { name: 'Select Rita Gomez' }).check();
    await page.getByRole('button', { name: 'Remind selected' }).click();
    await page.getByText('Reminded 1 person (1 by e-mail)').waitFor();
    expect((await mails(1)).map((m) => m.to[0])).toEqual(['rita@acme.test']);
    await shot(page, 'cycle-remind');
    await expectAccessible(page, 'cycle dashboard with reminders');
    // Moving a deadline into the past asks first.
    await page.getByLabel('New self-review deadline').fill('2020-01-01');
    await page.getByRole('button', { name: 'Move deadlines' }).click();
    await page.getByRole('alertdialog', { name: 'Move a deadline into the past?' }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('the changed screens on a phone: no control under 44 px, nothing serious for axe', async () => {
    onTestFailed(() => screenshotAll('hr-desk-phone'));
    const ctx = await phone(browser, server.url);
    contexts.push(ctx);
    const page = await ctx.newPage();
    await page.goto('/');
    await page.getByLabel('Email').fill(HR.email);
    await page.getByLabel('Password').fill(HR.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('link', { name: 'Edit Tom Berg' }).waitFor();
    await shot(page, 'people-phone');
    await expectTargets44(page, 'people on a phone');
    await expectAccessible(page, 'people on a phone');
    await page.getByRole('link', { name: 'Edit Tom Berg' }).click();
    await page.getByRole('heading', { name: 'Edit Tom Berg' }).waitFor();
    await shot(page, 'person-edit-phone');
    await expectTargets44(page, 'edit person on a phone');
    await page.getByRole('link', { name: 'Review cycles' }).click();
    await page.getByRole('link', { name: /Sales H2/ }).click();
    await page.getByText(/self-reviews? to submit/).waitFor();
    await page.getByText(/self-reviews? to submit/).scrollIntoViewIfNeeded();
    await shot(page, 'cycle-remind-phone');
    await expectTargets44(page, 'cycle dashboard on a phone');
    await expectAccessible(page, 'cycle dashboard on a phone');
  });

  it('a person resets a forgotten password from the e-mail on a phone; the used link is no dead end', async () => {
    onTestFailed(() => screenshotAll('hr-desk-reset'));
    smtp.received.length = 0;
    const ctx = await phone(browser, server.url);
    contexts.push(ctx);
    const page = await ctx.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await expectTargets44(page, 'forgot password');
    await shot(page, 'forgot-password-phone');
    await page.getByLabel('Email').fill('eli@acme.test');
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
    await expectAccessible(page, 'check your e-mail');
    const [mail] = await mails(1);
    expect(mail?.to).toEqual(['eli@acme.test']);
    expect(mail?.data).toMatch(/Subject: Reset your Merit password/);
    const link = linkIn(mail?.data ?? '');
    await page.goto(link);
    await page.getByLabel('New password').fill('my-new-password-9');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByRole('button', { name: 'Log a win' }).waitFor();
    // The same link again, signed out on another phone: it says what happened and offers the ways on.
    const other = await phone(browser, server.url);
    contexts.push(other);
    const p2 = await other.newPage();
    await p2.goto(link);
    await p2.getByRole('heading', { name: 'This link does not work any more' }).waitFor();
    await p2.getByRole('link', { name: 'E-mail me a new link' }).waitFor();
    await expectTargets44(p2, 'used link');
    await shot(p2, 'used-link-phone');
    await p2.getByRole('link', { name: 'Sign in' }).click();
    await p2.getByLabel('Email').fill('eli@acme.test');
    await p2.getByLabel('Password').fill('my-new-password-9');
    await p2.getByRole('button', { name: 'Sign in' }).click();
    await p2.getByRole('button', { name: 'Log a win' }).waitFor();
  });
});
