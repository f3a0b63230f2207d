import { uuidv7 } from '@merit/shared/ids';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, phone } from './support/browser';
import { call, HR, PEOPLE_CSV } from './support/flows';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function pageAt(): Promise<Page> {
  const ctx = await phone(browser, server.url);
  contexts.push(ctx);
  const page = await ctx.newPage();
  await page.goto('/healthz');
  return page;
}

type Res = { status: number; body: unknown };
const data = (r: Res) => (r.body as { result?: { data?: unknown } }).result?.data;

async function signedIn(email: string, password: string): Promise<Page> {
  const page = await pageAt();
  const r = await call(page, 'auth.signIn', { email, password }, 'POST');
  expect(r.status).toBe(200);
  return page;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  const page = await pageAt();
  expect(
    (await call(page, 'setup.create', { orgName: HR.org, name: HR.name, email: HR.email, password: HR.password }, 'POST')).status,
  ).toBe(200);
  const imported = await call(page, 'people.importCommit', { csv: PEOPLE_CSV }, 'POST');
  expect(imported.status).toBe(200);
  const created = (data(imported) as { created: { person: { email: string }; setPasswordUrl: string }[] }).created;
  for (const c of created) {
    const token = c.setPasswordUrl.split('#token=')[1];
    const r = await call(await pageAt(), 'auth.setPassword', { token, password: `pw-${c.person.email}` }, 'POST');
    expect(r.status).toBe(200);
  }
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

const SECRET = 'Private: interviewing elsewhere';
const SHARED = 'Shipped the billing migration';

describe('nobody sees what is not theirs (issue 3)', () => {
  it("a private win reaches no other person through any read procedure, and nobody can edit another's win", async () => {
    const eli = await signedIn('eli@acme.test', 'pw-eli@acme.test');
    const device = uuidv7();
    const secretId = uuidv7();
    const sharedId = uuidv7();
    const pushed = await call(
      eli,
      'sync.push',
      {
        protocol: 1,
        deviceId: device,
        mutations: [
          { id: 1, name: 'win.create@1', args: { id: secretId, title: SECRET, date: '2026-11-20', visibility: 'private' }, createdAt: 0 },
          { id: 2, name: 'win.create@1', args: { id: sharedId, title: SHARED, date: '2026-11-21', visibility: 'manager' }, createdAt: 0 },
        ],
      },
      'POST',
    );
    expect(pushed.status).toBe(200);

    const viewers = {
      manager: await signedIn('maya@acme.test', 'pw-maya@acme.test'),
      peer: await signedIn('sam@acme.test', 'pw-sam@acme.test'),
      hr: await signedIn(HR.email, HR.password),
    };
    for (const [who, page] of Object.entries(viewers)) {
      const reads: Res[] = [
        await call(page, 'auth.me'),
        await call(page, 'setup.status'),
        await call(page, 'sync.pull', { protocol: 1, deviceId: uuidv7(), cursor: null }),
        await call(page, 'people.list'),
      ];
      for (const r of reads) expect(JSON.stringify(r.body), `${who} must not see the private win`).not.toContain(SECRET);
      const pull = JSON.stringify(reads[2]?.body);
      if (who === 'manager') expect(pull).toContain(SHARED);
      else expect(pull, `${who} is not Eli's manager`).not.toContain(SHARED);

      const hijack = await call(
        page,
        'sync.push',
        {
          protocol: 1,
          deviceId: uuidv7(),
          mutations: [{ id: 1, name: 'win.update@1', args: { id: secretId, patch: { title: 'mine now' } }, createdAt: 0 }],
        },
        'POST',
      );
      expect(JSON.stringify(hijack.body)).toContain('FORBIDDEN');
      expect(JSON.stringify(hijack.body)).not.toContain(SECRET);
    }
    // Eli's own device still sees both, unchanged.
    const own = JSON.stringify((await call(eli, 'sync.pull', { protocol: 1, deviceId: device, cursor: null })).body);
    expect(own).toContain(SECRET);
    expect(own).not.toContain('mine now');
  });

  it("another person's device id cannot be used to pull or push", async () => {
    const eli = await signedIn('eli@acme.test', 'pw-eli@acme.test');
    const device = uuidv7();
    await call(eli, 'sync.push', { protocol: 1, deviceId: device, mutations: [] }, 'POST');
    const sam = await signedIn('sam@acme.test', 'pw-sam@acme.test');
    const r = await call(sam, 'sync.pull', { protocol: 1, deviceId: device, cursor: null });
    expect(r.status).toBe(403);
  });
});
