import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { withScratchPg } from '../bench/scratch-pg';
import { Api } from './support/api';
import { expectAccessible } from './support/axe';
import { laptop, launch, screenshot, screenshotAll } from './support/browser';
import { HR, PEOPLE_CSV } from './support/flows';
import { type RunningServer, startServer } from './support/server';

/**
 * HR at 1280x800: builds a template, launches a cycle for a department, watches the live dashboard move
 * without reloading, reopens a signed-off review with a reason and finds it in the audit log.
 *
 * Runs on PostgreSQL: the employee's submit and the manager's sign-off are reviews-A's mutations, not on this
 * branch yet, so `advance()` stands in for them the way the push path works (update the review in its space,
 * then NOTIFY the change bus after commit). Once reviews-A is merged it becomes a `sync.push`.
 */
let browser: Browser;
let ctx: BrowserContext;
let page: Page;

async function advance(db: pg.Client, email: string, state: string, column: string) {
  const { rows } = await db.query<{ id: string }>(
    `with p as (select id from person where email = $1),
          b as (insert into space (id, version) select id::text, 1 from p on conflict (id) do update set version = space.version + 1 returning version)
     update review set state = $2, ${column} = $3, version = (select version from b), updated_at = $3
      where owner_id = (select id from p) returning owner_id as id`,
    [email, state, Date.now()],
  );
  const owner = rows[0]?.id;
  if (!owner) throw new Error(`no review for ${email}`);
  await db.query(`select pg_notify('merit_change', $1)`, [owner]);
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await ctx?.close().catch(() => undefined);
  await browser?.close();
});

describe('HR runs a review cycle (issue 6)', () => {
  it('builds a template, launches for a department, sees live completion, reopens with a reason, finds it audited', async () => {
    onTestFailed(() => screenshotAll('cycles'));
    await withScratchPg('merit_cycles_spec', async (url) => {
      let server: RunningServer | undefined;
      const db = new pg.Client({ connectionString: url });
      try {
        server = await startServer({ DATABASE_URL: url });
        await db.connect();
        const api = new Api(server.url);
        await api.mutation('setup.create', { orgName: HR.org, name: HR.name, email: HR.email, password: HR.password });
        await api.mutation('people.importCommit', { csv: PEOPLE_CSV });

        ctx = await laptop(browser, server.url);
        page = await ctx.newPage();
        await page.goto('/');
        await page.getByLabel('Email').fill(HR.email);
        await page.getByLabel('Password').fill(HR.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
        await page.getByRole('link', { name: 'Review cycles' }).click();
        await page.getByRole('heading', { name: 'Review cycles' }).waitFor();
        await expectAccessible(page, 'cycles home');

        // The template: one questions section with a rating both sides answer and a self-only text question.
        await page.getByRole('button', { name: 'New template' }).click();
        await page.getByLabel('Name', { exact: true }).fill('Mid-year');
        await page.getByRole('button', { name: '+ Questions section' }).click();
        await page.getByLabel('Section 1 title').fill('Impact');
        await page.getByLabel('Prompt').first().fill('Overall impact this half');
        await page.getByRole('button', { name: '+ Free text question in section 1' }).click();
        await page.getByLabel('Prompt').nth(1).fill('What are you proudest of?');
        await page.getByLabel('Who answers').nth(1).selectOption('self');
        await screenshot(page, 'cycles-template-builder');
        await expectAccessible(page, 'template builder');
        await page.getByRole('tab', { name: 'Preview as manager' }).click();
        await page.getByText('Overall impact this half').waitFor();
        expect(await page.getByText('What are you proudest of?').count()).toBe(0);
        await page.getByRole('tab', { name: 'Preview as employee' }).click();
        await page.getByText('What are you proudest of?').waitFor();
        await screenshot(page, 'cycles-template-preview');
        await expectAccessible(page, 'template preview');
        await page.getByRole('button', { name: 'Save template' }).click();
        await page.getByText('Template saved').waitFor();

        // The cycle, for Sales (Rita and Tom), previewed, then launched.
        await page.getByRole('link', { name: 'Cycles' }).click();
        await page.getByRole('button', { name: 'New cycle' }).click();
        await page.getByLabel('Name').fill('Sales H2');
        await page.getByLabel('Template').selectOption({ label: 'Mid-year' });
        await page.getByLabel('Period from').fill('2026-07-01');
        await page.getByLabel('Period to').fill('2026-12-31');
        await page.getByLabel('Self-review due').fill('2099-01-10');
        await page.getByLabel('Manager review due').fill('2099-01-20');
        await page.getByLabel('Department', { exact: true }).selectOption('Sales');
        await page.getByRole('button', { name: 'Preview participants' }).click();
        await page.getByText('2 people in this cycle').waitFor();
        await screenshot(page, 'cycles-new-cycle-preview');
        await expectAccessible(page, 'new cycle with preview');
        await page.getByRole('button', { name: 'Launch cycle…' }).click();
        await page.getByRole('alertdialog').getByRole('button', { name: 'Launch' }).click();
        await page.getByRole('heading', { name: 'Sales H2' }).waitFor();
        await page.getByText('Live', { exact: true }).waitFor();
        await expect.poll(() => page.getByTestId('stat-total').textContent()).toBe('2');
        expect(await page.getByTestId('stat-self').textContent()).toBe('0');
        await screenshot(page, 'cycles-dashboard-launched');
        await expectAccessible(page, 'cycle dashboard');

        // Tom submits his self-review somewhere else: the dashboard moves without a reload.
        await advance(db, 'tom@acme.test', 'self_submitted', 'self_submitted_at');
        await expect.poll(() => page.getByTestId('stat-self').textContent(), { timeout: 5000 }).toBe('1');
        // Rita's manager signs hers off: live again.
        await advance(db, 'rita@acme.test', 'signed_off', 'signed_off_at');
        await expect.poll(() => page.getByTestId('stat-signed').textContent(), { timeout: 5000 }).toBe('1');
        await screenshot(page, 'cycles-dashboard-live');

        // Reopen Rita's review with a reason.
        await page.getByRole('button', { name: "Reopen Rita Gomez's review" }).click();
        await page.getByLabel("Why reopen Rita Gomez's review?").fill('The rating contradicts the comments');
        await page.getByRole('button', { name: 'Reopen review' }).click();
        await page.getByText("Rita Gomez's review is reopened").waitFor();
        await expect.poll(() => page.getByTestId('stat-signed').textContent()).toBe('0');
        await expect
          .poll(
            async () =>
              (
                await db.query<{ state: string }>(
                  `select state from review r join person p on p.id = r.owner_id where p.email = 'rita@acme.test'`,
                )
              ).rows[0]?.state,
          )
          .toBe('manager_in_progress');

        // The audit view shows who, when and why.
        await page.getByRole('link', { name: 'Audit log of this cycle' }).click();
        const entry = page.getByTestId('audit-entry').filter({ hasText: 'Reopened a review' });
        await entry.waitFor();
        expect(await entry.textContent()).toContain('Reason: The rating contradicts the comments');
        expect(await entry.textContent()).toContain(`by ${HR.name}`);
        await screenshot(page, 'cycles-audit');
        await expectAccessible(page, 'audit log');

        // HR screens are laid out for a laptop but must not break on a phone.
        await page.setViewportSize({ width: 390, height: 844 });
        await page.goBack();
        await page.getByRole('heading', { name: 'Sales H2' }).waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await screenshot(page, 'cycles-dashboard-phone');
        await expectAccessible(page, 'cycle dashboard on a phone');
      } finally {
        await db.end().catch(() => undefined);
        await ctx?.close().catch(() => undefined);
        await server?.stop();
      }
    });
  });
});
