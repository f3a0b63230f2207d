import type { Browser, CDPSession } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { Api } from './support/api';
import { launch, phone, screenshotAll, waitForServiceWorker } from './support/browser';
import { HR, signIn } from './support/flows';
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

/** The id Chromium gives the page's service worker registration (CDP ServiceWorker domain). */
async function registrationId(cdp: CDPSession, scope: string): Promise<string> {
  const found = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const r = registrations.find((x) => x.scopeURL === scope && !x.isDeleted);
      if (r) resolve(r.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  return found;
}

describe('the service worker shows pushes and opens their screen (issue 13)', () => {
  it('a push shows a notification with the payload; tapping it opens the screen it names, offline too', async () => {
    onTestFailed(() => screenshotAll('push'));
    await new Api(server.url).mutation('setup.create', { orgName: HR.org, name: HR.name, email: HR.email, password: HR.password });
    const ctx = await phone(browser, server.url);
    await ctx.grantPermissions(['notifications'], { origin: server.url });
    const page = await ctx.newPage();
    await signIn(page, HR.email, HR.password);
    await waitForServiceWorker(page);

    const cdp = await ctx.newCDPSession(page);
    const id = await registrationId(cdp, `${server.url}/`);
    const payload = {
      title: 'Your review was signed off',
      body: 'Spring 2027 is ready to acknowledge',
      url: '/notifications',
      tag: 'info:/notifications',
    };
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: server.url, registrationId: id, data: JSON.stringify(payload) });

    const shown = () =>
      page.evaluate(async () => {
        const reg = await navigator.serviceWorker.ready;
        return (await reg.getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag, data: n.data as unknown }));
      });
    await expect
      .poll(shown, { timeout: 10_000 })
      .toEqual([{ title: payload.title, body: payload.body, tag: payload.tag, data: { url: '/notifications' } }]);

    // The tap, offline: the worker's notificationclick handler runs on the notification it showed.
    await ctx.setOffline(true);
    const [worker] = ctx.serviceWorkers();
    if (!worker) throw new Error('no service worker');
    await worker.evaluate(async () => {
      // The worker's global scope (types from lib "WebWorker", which this DOM-typed project does not load).
      const sw = self as unknown as {
        registration: ServiceWorkerRegistration;
        dispatchEvent(e: Event): boolean;
        NotificationEvent: new (type: string, init: { notification: Notification }) => Event;
      };
      const [n] = await sw.registration.getNotifications();
      if (!n) throw new Error('no notification to click');
      sw.dispatchEvent(new sw.NotificationEvent('notificationclick', { notification: n }));
    });
    await page.waitForURL(`${server.url}/notifications`, { timeout: 10_000 });
    await page.getByRole('heading', { name: 'Notifications' }).first().waitFor();
    expect(await shown()).toEqual([]);
    await ctx.close();
  });
});
