import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { withScratchPg } from '../bench/scratch-pg';
import { Api } from './support/api';
import { launch, phone, screenshot, screenshotAll } from './support/browser';
import { closeAll, logWin, pendingCount, seedOrg, setOnline, signIn } from './support/flows';
import { type RunningServer, startServer } from './support/server';

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await closeAll(...contexts);
  await browser?.close();
});

const PASSWORD = 'eli-password-123';

async function device(url: string): Promise<Page> {
  const ctx = await phone(browser, url);
  contexts.push(ctx);
  const page = await ctx.newPage();
  await signIn(page, 'eli@acme.test', PASSWORD);
  return page;
}

const winTitles = async (page: Page) => {
  await page.getByRole('link', { name: 'Wins', exact: true }).click();
  return (await page.locator('li.win-item a').allTextContents()).map((t) => t.trim()).sort();
};

describe('a poison mutation never jams the outbox (S40, S41)', () => {
  it('the phone holds a change the server keeps failing on between good ones: it is set aside, and the good ones reach the second device', async () => {
    onTestFailed(() => screenshotAll('poison'));
    await withScratchPg('merit_poison_spec', async (url) => {
      let server: RunningServer | undefined;
      const db = new pg.Client({ connectionString: url });
      try {
        server = await startServer({ DATABASE_URL: url, LOG_LEVEL: 'info' });
        const out = server.output;
        onTestFailed(() =>
          console.log(
            out()
              .split('\n')
              .filter((l) => l.includes('trpc') || l.includes('rror'))
              .slice(-30)
              .join('\n'),
          ),
        );
        await db.connect();
        // The database refuses this win, and refuses to record the failure too, so the push answers 500 every
        // time (a broken constraint or a bug would do the same): only the device can get the queue moving again.
        await db.query(`create function e2e_poison_win() returns trigger language plpgsql as $$
          begin
            if new.title like 'POISON%' then raise exception 'poisoned win'; end if;
            return new;
          end $$`);
        await db.query(`create function e2e_poison_record() returns trigger language plpgsql as $$
          begin
            if new.code = 'FAILED' and new.args::text like '%POISON%' then raise exception 'poisoned record'; end if;
            return new;
          end $$`);
        await db.query('create trigger e2e_poison before insert or update on win for each row execute function e2e_poison_win()');
        await db.query('create trigger e2e_poison before insert on rejection for each row execute function e2e_poison_record()');
        const links = await seedOrg(new Api(server.url));
        await new Api(server.url).mutation('auth.setPassword', {
          token: links.get('eli@acme.test')?.split('#token=')[1],
          password: PASSWORD,
        });

        const ph = await device(server.url);
        const other = await device(server.url);
        await setOnline(ph, false);
        await logWin(ph, 'Shipped the search');
        await logWin(ph, 'POISON the server cannot store');
        await logWin(ph, 'Fixed the flaky build');
        await setOnline(ph, true);

        // Retried with backoff, narrowed to the poison, then set aside: the outbox empties (about 15-30 s).
        await expect.poll(() => pendingCount(ph), { timeout: 100_000, interval: 2000 }).toBe(0);
        expect(await winTitles(ph)).toEqual(['Fixed the flaky build', 'Shipped the search']);

        // The second device gets the good ones.
        await other.evaluate(() => window.dispatchEvent(new Event('focus')));
        await expect.poll(() => winTitles(other), { timeout: 20_000 }).toEqual(['Fixed the flaky build', 'Shipped the search']);

        // The poison is kept, in the inbox, on both devices: could not be sent, with its text, copy and log again.
        for (const page of [ph, other]) {
          await page.getByRole('link', { name: /Inbox/ }).click();
          await page.getByText('This change could not be sent', { exact: false }).waitFor({ timeout: 20_000 });
          await page.getByText('POISON the server cannot store', { exact: true }).waitFor();
          await page.getByRole('button', { name: 'Copy text' }).waitFor();
          await page.getByRole('button', { name: 'Log it again' }).waitFor();
        }
        await screenshot(ph, 'inbox-not-sent');
        const rows = await db.query<{ code: string; name: string }>("select code, name from rejection where args->>'title' like 'POISON%'");
        expect(rows.rows).toEqual([{ code: 'NOT_SENT', name: 'win.create@1' }]);
      } finally {
        await db.end().catch(() => undefined);
        await server?.stop();
      }
    });
  }, 240_000);
});
