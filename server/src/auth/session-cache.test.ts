import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../db/client';
import { type ChangeBus, createChangeBus } from '../sync/bus';
import { callerAs, testEnv } from '../test/context';
import { openTestDb } from '../test/harness';
import { browser, ensureOrg, PASSWORD, personWithPassword } from './auth-test-kit';
import { lookupSession, revokeAllSessions, SESSION_CACHE_MS, sha256 } from './sessions';

let db: Db;
let bus: ChangeBus;
beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  await ensureOrg(db);
});
afterAll(async () => {
  await bus.close();
  await db.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

let n = 0;
/** A signed-in person whose session has just been looked up, so it sits in the cache. */
async function signedIn(role: 'employee' | 'hr' = 'employee') {
  const email = `cache-${++n}@acme.test`;
  const p = await personWithPassword(db, { email, role });
  const b = browser(db, bus);
  await (await b.caller()).auth.signIn({ email, password: PASSWORD });
  const token = b.jar.token ?? '';
  expect(await lookupSession(db, token, testEnv)).toMatchObject({ personId: p.id, role });
  return { p, b, token };
}

describe('the session cache (docs/SYNC.md, "Caches")', () => {
  it('answers a repeated lookup from memory: a session deleted behind its back (another process) lives on for at most SESSION_CACHE_MS', async () => {
    const { p, token } = await signedIn();
    await db.query('delete from session where token_hash = $1', [sha256(token)]);
    expect(await lookupSession(db, token, testEnv)).toMatchObject({ personId: p.id });
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + SESSION_CACHE_MS + 1);
    expect(await lookupSession(db, token, testEnv)).toBeNull();
  });

  it('a person HR disables loses a cached session at once', async () => {
    const hr = await personWithPassword(db, { email: 'hr-cache@acme.test', role: 'hr' });
    const { p, b, token } = await signedIn();
    await callerAs(db, bus, hr).people.update({ id: p.id, disabled: true });
    expect(await lookupSession(db, token, testEnv)).toBeNull();
    expect(await (await b.caller()).auth.me()).toBeNull();
  });

  it('signing out ends a cached session at once', async () => {
    const { b, token } = await signedIn();
    await (await b.caller()).auth.signOut();
    expect(await lookupSession(db, token, testEnv)).toBeNull();
  });

  it('a role change is seen at once by the next lookup', async () => {
    const hr = await personWithPassword(db, { email: 'hr-cache-2@acme.test', role: 'hr' });
    const { p, token } = await signedIn('hr');
    await callerAs(db, bus, hr).people.update({ id: p.id, role: 'employee' });
    expect(await lookupSession(db, token, testEnv)).toMatchObject({ personId: p.id, role: 'employee' });
  });

  it('a lookup that raced a revocation does not put the revoked session back in the cache', async () => {
    const { p, token } = await signedIn();
    // The revoking transaction has forgotten the session but not committed yet: a lookup still finds the row.
    await db
      .tx(async (q) => {
        await revokeAllSessions(q, p.id);
        throw new Error('roll back, as if not committed yet');
      })
      .catch(() => undefined);
    expect(await lookupSession(db, token, testEnv)).toMatchObject({ personId: p.id });
    // Deleted now (as the commit would have): the lookup above must not have been cached.
    await db.query('delete from session where token_hash = $1', [sha256(token)]);
    expect(await lookupSession(db, token, testEnv)).toBeNull();
  });
});
