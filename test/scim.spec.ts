import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { Api } from './support/api';
import { launch, phone, screenshotAll } from './support/browser';
import { HR, PEOPLE_CSV, signIn } from './support/flows';
import { type RunningServer, startServer } from './support/server';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
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

describe('SCIM provisioning seen by HR (issue 13)', () => {
  it('HR makes a token in the app; what the provider creates, reassigns and switches off shows in the people list', async () => {
    onTestFailed(() => screenshotAll('scim'));
    const api = new Api(server.url);
    await api.mutation('setup.create', { orgName: HR.org, name: HR.name, email: HR.email, password: HR.password });
    await api.mutation('people.importCommit', { csv: PEOPLE_CSV });
    const ctx = await phone(browser, server.url);
    const page = await ctx.newPage();
    await signIn(page, HR.email, HR.password);
    await page.goto('/people/identity');
    await page.getByLabel('Token name').fill('Okta');
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = (await page.locator('.token-reveal code').nth(1).textContent()) ?? '';
    expect(token.startsWith('merit_scim_')).toBe(true);

    const scim = async (method: string, path: string, body: unknown) => {
      const r = await fetch(`${server.url}/scim/v2${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
        body: JSON.stringify(body),
      });
      return { status: r.status, body: (await r.json()) as Record<string, unknown> };
    };
    const lead = (await api.query<{ id: string; email: string }[]>('people.list')).find((p) => p.email === HR.email);
    const created = await scim('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'margaret@acme.test',
      name: { givenName: 'Margaret', familyName: 'Hamilton' },
      emails: [{ primary: true, value: 'margaret@acme.test', type: 'work' }],
      active: true,
    });
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    expect(
      (
        await scim('PATCH', `/Users/${id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'Add', path: `${ENTERPRISE}:manager`, value: lead?.id }],
        })
      ).status,
    ).toBe(200);
    expect(
      (await scim('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] })).status,
    ).toBe(200);

    await page.goto('/people');
    const card = page.locator('li.person').filter({ hasText: 'margaret@acme.test' });
    await card.waitFor();
    await expect.poll(() => card.textContent()).toContain('Margaret Hamilton');
    expect(await card.textContent()).toContain(HR.name);
    await card.getByRole('button', { name: 'Enable' }).waitFor();
    await ctx.close();
  });
});
