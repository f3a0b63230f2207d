import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOrg } from '../auth/auth-test-kit';
import { createSession } from '../auth/sessions';
import type { Db } from '../db/client';
import { testApp } from '../http/http-test-kit';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { callerAs, createPerson, type TestPerson, testEnv } from '../test/context';
import { openTestDb } from '../test/harness';
import { ENTERPRISE, entraCreate, oktaCreate, PATCH_OP, scimClient } from './scim-test-kit';

let db: Db;
let bus: ChangeBus;
let app: FastifyInstance;
let hr: TestPerson;
let token: string;
let scim: ReturnType<typeof scimClient>;

beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  await ensureOrg(db);
  hr = await createPerson(db, { role: 'hr', email: 'hana@acme.test', name: 'Hana' });
  ({ app } = await testApp(db, bus));
  token = (await callerAs(db, bus, hr).scimTokens.create({ name: 'Entra ID' })).token;
  scim = scimClient(app, token);
});
afterAll(async () => {
  await app.close();
  await bus.close();
  await db.close();
});

const row = async (email: string) =>
  (
    await db.query<{ id: string; name: string; department: string; manager_id: string | null; disabled: boolean; role: string }>(
      'select id, name, department, manager_id, disabled, role from person where email = $1',
      [email],
    )
  )[0];
const listed = async (email: string) => (await callerAs(db, bus, hr).people.list()).find((p) => p.email === email);

describe('the request sequence Entra ID sends', () => {
  it('filter (not found), create, filter (found), PATCH manager, PATCH department, PATCH active=false, remove manager', async () => {
    const email = 'grace@acme.test';
    const none = await scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${email}"`)}`);
    expect(none).toMatchObject({ status: 200, body: { totalResults: 0, Resources: [] } });
    expect(none.type).toContain('application/scim+json');

    const created = await scim('POST', '/Users', entraCreate(email, 'grace-ext-1'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ userName: email, displayName: 'Grace Hopper', active: true, externalId: 'grace-ext-1' });
    const id = String(created.body.id);
    expect(await row(email)).toMatchObject({ id, name: 'Grace Hopper', department: 'Engineering', disabled: false, role: 'employee' });

    const found = await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "GRACE@acme.test"')}`);
    expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id }] });

    const boss = await createPerson(db, { email: 'boss@acme.test', name: 'Boss' });
    const mgr = await scim('PATCH', `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Add', path: `${ENTERPRISE}:manager`, value: boss.id }],
    });
    expect(mgr.status).toBe(200);
    expect(mgr.body[ENTERPRISE]).toMatchObject({ manager: { value: boss.id } });
    expect((await row(email))?.manager_id).toBe(boss.id);
    // Visibility follows the manager: the new manager's team has Grace (the same query the Team view reads).
    expect((await callerAs(db, bus, { id: boss.id, role: 'employee' }).goals.team()).map((m) => m.id)).toEqual([id]);

    await scim('PATCH', `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: `${ENTERPRISE}:department`, value: 'Research' }],
    });
    expect((await listed(email))?.department).toBe('Research');

    await createSession(db, id, testEnv, 'phone');
    // Entra's older quirk: the boolean as the string "False".
    const off = await scim('PATCH', `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(off.body).toMatchObject({ active: false });
    expect(await listed(email)).toMatchObject({ disabled: true });
    // Disabling ends the person's sessions at once, as when HR disables them.
    expect(await db.query('select 1 from session where token_hash is not null and person_id = $1', [id])).toHaveLength(0);

    await scim('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'Remove', path: `${ENTERPRISE}:manager` }] });
    expect((await row(email))?.manager_id).toBeNull();

    const audit = await db.query<{ action: string; actor_id: string | null; details: Record<string, unknown> }>(
      'select action, actor_id, details from audit_log where subject_id = $1 order by id',
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'person.add',
      'scim.user',
      'person.manager',
      'scim.user',
      // the department change, with before/after, as HR's own edit audits it
      'person.update',
      'scim.user',
      'person.disable',
      'scim.user',
      'person.manager',
      'scim.user',
    ]);
    expect(audit.every((a) => a.actor_id === null)).toBe(true);
    expect(audit.filter((a) => a.action === 'scim.user').every((a) => a.details.tokenName === 'Entra ID')).toBe(true);
  });
});

describe('the request sequence Okta sends', () => {
  it('filter with paging, create (password and groups ignored), GET, PUT with a manager, PATCH active=false with no path', async () => {
    const email = 'linus@acme.test';
    const probe = await scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${email}"`)}&startIndex=1&count=100`);
    expect(probe.body).toMatchObject({ totalResults: 0, startIndex: 1, itemsPerPage: 0 });
    const created = await scim('POST', '/Users', oktaCreate(email));
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    expect((await scim('GET', `/Users/${id}`)).body).toMatchObject({ id, userName: email, displayName: 'Linus Torvalds' });
    expect(await db.query('select 1 from person where id = $1 and password_hash is null', [id])).toHaveLength(1);

    const lead = await createPerson(db, { email: 'lead@acme.test' });
    const put = await scim('PUT', `/Users/${id}`, {
      ...oktaCreate(email),
      id,
      displayName: 'Linus B. Torvalds',
      [ENTERPRISE]: { department: 'Kernel', manager: { value: lead.id, displayName: 'Lead' } },
    });
    expect(put.status).toBe(200);
    expect(await row(email)).toMatchObject({ name: 'Linus B. Torvalds', department: 'Kernel', manager_id: lead.id });

    const off = await scim('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] });
    expect(off.body).toMatchObject({ active: false });
    expect(await listed(email)).toMatchObject({ disabled: true, managerId: lead.id });
  });

  it('pages with startIndex and count over every user', async () => {
    for (let i = 0; i < 4; i++) await scim('POST', '/Users', oktaCreate(`page${i}@acme.test`));
    const all = await scim('GET', '/Users?count=200');
    const total = Number(all.body.totalResults);
    const page = await scim('GET', '/Users?startIndex=2&count=2');
    expect(page.body).toMatchObject({ totalResults: total, startIndex: 2, itemsPerPage: 2 });
    const ids = (all.body.Resources as { id: string }[]).map((r) => r.id);
    expect((page.body.Resources as { id: string }[]).map((r) => r.id)).toEqual(ids.slice(1, 3));
  });
});

describe('the same rules as HR edits, refused in SCIM error JSON', () => {
  it('a manager loop is refused with 400 invalidValue, and nothing changes', async () => {
    const a = String((await scim('POST', '/Users', oktaCreate('loop-a@acme.test'))).body.id);
    const b = String(
      (await scim('POST', '/Users', { ...oktaCreate('loop-b@acme.test'), [ENTERPRISE]: { manager: { value: a } } })).body.id,
    );
    const r = await scim('PATCH', `/Users/${a}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Add', path: `${ENTERPRISE}:manager`, value: b }],
    });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '400', scimType: 'invalidValue' });
    expect(String(r.body.detail)).toContain('reporting loop');
    expect((await row('loop-a@acme.test'))?.manager_id).toBeNull();
  });

  it('a taken userName is 409 uniqueness; an unknown id 404; a bad filter, path or body 400 with its scimType', async () => {
    expect(await scim('POST', '/Users', oktaCreate('hana@acme.test'))).toMatchObject({ status: 409, body: { scimType: 'uniqueness' } });
    expect((await scim('GET', '/Users/0190c4a0-0000-7000-8000-000000000000')).status).toBe(404);
    expect(await scim('GET', `/Users?filter=${encodeURIComponent('displayName co "x"')}`)).toMatchObject({
      status: 400,
      body: { scimType: 'invalidFilter' },
    });
    const someone = String((await scim('POST', '/Users', oktaCreate('paths@acme.test'))).body.id);
    expect(
      await scim('PATCH', `/Users/${someone}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', path: 'favouriteColour', value: 'red' }],
      }),
    ).toMatchObject({ status: 400, body: { scimType: 'invalidPath' } });
    expect(await scim('POST', '/Users', { userName: 'not an email' })).toMatchObject({ status: 400, body: { scimType: 'invalidValue' } });
    const bad = await app.inject({
      method: 'POST',
      url: '/scim/v2/Users',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
      payload: '{"userName":',
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ status: '400', scimType: 'invalidSyntax' });
    expect(await scim('GET', '/Groups')).toMatchObject({ status: 404, body: { status: '404' } });
  });

  it('DELETE deactivates (history stays), and SCIM never touches roles', async () => {
    const id = String((await scim('POST', '/Users', { ...oktaCreate('del@acme.test'), roles: [{ value: 'hr' }] })).body.id);
    expect((await scim('DELETE', `/Users/${id}`)).status).toBe(204);
    expect(await row('del@acme.test')).toMatchObject({ disabled: true, role: 'employee' });
  });

  it('serves the discovery endpoints', async () => {
    expect((await scim('GET', '/ServiceProviderConfig')).body).toMatchObject({ patch: { supported: true }, filter: { supported: true } });
    expect((await scim('GET', '/ResourceTypes')).body).toMatchObject({ Resources: [{ id: 'User', endpoint: '/Users' }] });
    const schemas = (await scim('GET', '/Schemas')).body.Resources as { id: string }[];
    expect(schemas.map((s) => s.id)).toEqual(['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE]);
  });
});

describe('SCIM tokens reach SCIM only, and only SCIM tokens reach SCIM', () => {
  it('no token, a made-up token or an HR session cookie get 401 on /scim', async () => {
    const none = await app.inject({ method: 'GET', url: '/scim/v2/Users' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toContain('Bearer');
    expect((await scimClient(app, 'merit_scim_made-up-token-000000000000')('GET', '/Users')).status).toBe(401);
    const session = await createSession(db, hr.id, testEnv, 'laptop');
    const cookie = await app.inject({ method: 'GET', url: '/scim/v2/Users', headers: { cookie: `merit_session=${session}` } });
    expect(cookie.statusCode).toBe(401);
    expect((await scimClient(app, session)('GET', '/Users')).status).toBe(401);
  });

  it('a SCIM token as a bearer or as the session cookie reaches nothing on /trpc', async () => {
    for (const headers of [{ authorization: `Bearer ${token}` }, { cookie: `merit_session=${token}` }]) {
      const r = await app.inject({ method: 'GET', url: '/trpc/people.list', headers });
      expect(r.statusCode).toBe(401);
      const me = await app.inject({ method: 'GET', url: '/trpc/auth.me', headers });
      expect(JSON.parse(me.body)).toMatchObject({ result: { data: null } });
    }
  });

  it('a revoked token is refused at once; HR sees tokens listed without their secret', async () => {
    const hrCaller = callerAs(db, bus, hr);
    const second = await hrCaller.scimTokens.create({ name: 'Okta' });
    expect(second.token.startsWith('merit_scim_')).toBe(true);
    expect(second.scimUrl).toBe('http://localhost:8080/scim/v2');
    const client = scimClient(app, second.token);
    expect((await client('GET', '/Users?count=1')).status).toBe(200);
    await hrCaller.scimTokens.revoke({ id: second.id });
    expect((await client('GET', '/Users?count=1')).status).toBe(401);
    const listed = await hrCaller.scimTokens.list();
    expect(listed.find((t) => t.id === second.id)).toMatchObject({ name: 'Okta', createdBy: 'Hana' });
    expect(listed.find((t) => t.id === second.id)?.revokedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(second.token);
    const stored = await db.query<{ token_hash: string }>('select token_hash from scim_token where id = $1', [second.id]);
    expect(stored[0]?.token_hash).not.toContain(second.token.slice(11));
    const actions = await db.query<{ action: string }>("select action from audit_log where action like 'scim.token.%' order by id");
    expect(actions.map((a) => a.action)).toEqual(['scim.token.create', 'scim.token.create', 'scim.token.revoke']);
  });
});
