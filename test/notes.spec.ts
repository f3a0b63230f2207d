import { readFileSync } from 'node:fs';
import { PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { expectAccessible } from './support/axe';
import { laptop, launch, phone, screenshot, screenshotAll, waitForServiceWorker } from './support/browser';
import { call, closeAll, importPeople, setOnline, setPassword, setupOrganisation, waitSynced } from './support/flows';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const NOTE = 'Ask Maya about the staff engineer track before the review';
const SHARED = 'Your incident write-up was the clearest I have read';
const PRIVATE = 'You could speak up more in planning';
const MANAGER_NOTE = 'Eli is ready to lead the Q1 launch';

/** Downloads what a click starts and returns the ZIP's entries by file name (the folder stripped). */
async function downloadZip(page: Page, button: string): Promise<{ name: string; files: Map<string, string> }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await download.path();
  const entries = unzipSync(new Uint8Array(readFileSync(path)));
  const files = new Map(Object.entries(entries).map(([n, bytes]) => [n.replace(/^[^/]+\//, ''), strFromU8(bytes)]));
  return { name: download.suggestedFilename(), files };
}

describe('private notes, feedback and the export of my record (issue 5 items 5 and 8)', () => {
  it('offline note and feedback -> share one -> reload offline -> online: the manager sees the shared feedback only; ZIP and printable page', async () => {
    onTestFailed(() => screenshotAll('notes'));
    const hrCtx = await phone(browser, server.url);
    const hr = await hrCtx.newPage();
    await setupOrganisation(hr);
    const links = await importPeople(hr);
    await screenshot(hr, 'hr-nav-six-items');

    const phoneCtx = await phone(browser, server.url);
    const eli = await phoneCtx.newPage();
    await setPassword(eli, links.get('eli@acme.test') ?? '', 'eli-password-123');
    await waitForServiceWorker(eli);
    const eliId = await eli.evaluate(() => (JSON.parse(localStorage.getItem('merit.me') ?? '{}') as { id: string }).id);

    await phoneCtx.setOffline(true);
    await eli.getByRole('link', { name: 'Notes', exact: true }).click();
    await eli.getByRole('heading', { name: 'Notes' }).waitFor();
    await expectAccessible(eli, 'notes (empty)');
    await eli.getByLabel('New private note').fill(`${NOTE} #career`);
    await eli.getByRole('button', { name: 'Save note' }).click();
    await eli.getByRole('list', { name: 'My notes' }).getByText(`${NOTE} #career`).waitFor();
    // axe runs once the toast has gone: mid fade-in its contrast is not yet final.
    await eli.getByText('Note saved').waitFor({ state: 'detached' });
    await expectAccessible(eli, 'notes');
    await screenshot(eli, 'notes-offline');

    await eli.getByRole('link', { name: 'Feedback', exact: true }).click();
    for (const [from, words] of [
      ['Dana (customer)', SHARED],
      ['Sam Okafor', PRIVATE],
    ] as const) {
      await eli.getByRole('link', { name: 'Add feedback you received' }).click();
      await eli.getByLabel('From').fill(from);
      await eli.getByLabel('What they said').fill(words);
      if (words === SHARED) {
        await expectAccessible(eli, 'feedback form');
        await screenshot(eli, 'feedback-form');
      }
      await eli.getByRole('button', { name: 'Save feedback' }).click();
      await eli.getByText('Feedback saved').waitFor();
      await eli.getByText('Feedback saved').waitFor({ state: 'detached' });
    }
    // Share the first with the manager: an edit of the saved feedback, still offline.
    await eli.getByRole('link', { name: /From Dana \(customer\)/ }).click();
    await eli.getByLabel('Shared with my manager').check();
    await eli.getByRole('button', { name: 'Save feedback' }).click();
    await eli.getByText('Feedback saved and shared with your manager').waitFor();
    const list = eli.getByRole('list', { name: 'Feedback received' });
    await expect.poll(() => list.getByText('Shared with manager').count()).toBe(1);
    await eli.getByText('Feedback saved and shared with your manager').waitFor({ state: 'detached' });
    await expectAccessible(eli, 'feedback');
    await screenshot(eli, 'feedback-offline');

    await eli.reload();
    await eli.getByRole('link', { name: 'Notes', exact: true }).click();
    await eli.getByText(`${NOTE} #career`).waitFor();
    await eli.getByRole('link', { name: 'Feedback', exact: true }).click();
    for (const t of [SHARED, PRIVATE]) await expect.poll(() => eli.getByText(t).count()).toBe(1);

    // The export works offline, from this device.
    await eli.getByRole('link', { name: 'Me', exact: true }).click();
    const local = await downloadZip(eli, 'Download my data');
    expect(local.name).toMatch(/^merit-record-\d{4}-\d{2}-\d{2}\.zip$/);
    expect([...local.files.keys()]).toEqual(
      expect.arrayContaining(['person.json', 'notes.json', 'notes.csv', 'feedback.json', 'feedback.csv', 'wins.json', 'wins.csv']),
    );
    expect(local.files.get('notes.json')).toContain(NOTE);
    expect(local.files.get('feedback.csv')).toContain(SHARED);
    expect(local.files.get('feedback.csv')).toContain(PRIVATE);
    await eli.getByRole('status').filter({ hasText: 'Downloaded' }).waitFor();
    await eli.getByRole('heading', { name: 'Download my data' }).scrollIntoViewIfNeeded();
    await expectAccessible(eli, 'me with export card');
    await screenshot(eli, 'export-card');

    await setOnline(eli, true);
    await waitSynced(eli);

    // The manager's laptop: the shared feedback, never the private one, never the private note.
    const laptopCtx = await laptop(browser, server.url);
    const maya = await laptopCtx.newPage();
    await setPassword(maya, links.get('maya@acme.test') ?? '', 'maya-password-123');
    await maya.goto(`/team/${eliId}/notes`);
    await maya.getByRole('heading', { name: 'My notes about this report' }).waitFor();
    await expect.poll(() => maya.getByText(SHARED).count(), { timeout: 20_000 }).toBe(1);
    expect(await maya.getByText(PRIVATE).count()).toBe(0);
    expect(await maya.getByText(NOTE).count()).toBe(0);
    await maya.getByLabel('New note').fill(MANAGER_NOTE);
    await maya.getByRole('button', { name: 'Save note' }).click();
    await maya.getByRole('list', { name: 'My notes about this report' }).getByText(MANAGER_NOTE).waitFor();
    await maya.getByText('Note saved').waitFor({ state: 'detached' });
    await expectAccessible(maya, 'manager notes');
    await screenshot(maya, 'manager-notes');
    await waitSynced(maya);
    // Whatever a script of the manager asks the server, the private texts are not in the answer.
    const pulled = await call(maya, 'sync.pull', {
      protocol: PROTOCOL_VERSION,
      deviceId: '01900000-0000-7000-8000-000000000001',
      cursor: null,
    });
    const exported = await call(maya, 'export.myRecord');
    for (const body of [JSON.stringify(pulled.body), JSON.stringify(exported.body)]) {
      expect(body).not.toContain(NOTE);
      expect(body).not.toContain(PRIVATE);
    }
    expect(JSON.stringify(pulled.body)).toContain(SHARED);

    // Eli, online: the server's copy, then the printable page. Neither holds the manager's note.
    await eli.reload();
    await eli.getByRole('button', { name: 'Download the server’s copy' }).waitFor();
    const fromServer = await downloadZip(eli, 'Download the server’s copy');
    expect(fromServer.name).toMatch(/-server\.zip$/);
    expect(JSON.parse(fromServer.files.get('person.json') ?? '{}')).toMatchObject({ source: 'server', email: 'eli@acme.test' });
    expect(fromServer.files.get('notes.json')).toContain(NOTE);
    expect([...fromServer.files.values()].join('\n')).not.toContain(MANAGER_NOTE);

    await eli.getByRole('link', { name: 'Open printable page' }).click();
    await eli.getByRole('heading', { name: 'My record' }).waitFor();
    await eli.getByRole('region', { name: 'Private notes (1)' }).getByText(`${NOTE} #career`).waitFor();
    await eli.getByRole('region', { name: 'Feedback received (2)' }).waitFor();
    await expectAccessible(eli, 'printable record');
    await screenshot(eli, 'record-page');
    await eli.emulateMedia({ media: 'print' });
    expect(await eli.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    expect(await eli.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    await eli.emulateMedia({ media: 'screen' });
    await closeAll(hrCtx, phoneCtx, laptopCtx);
  });
});
