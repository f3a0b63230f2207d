import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './db/client';
import { appRouter } from './router';
import { type ChangeBus, createChangeBus } from './sync/bus';
import { callerAs, callerFor, createPerson, makeContext, type TestPerson } from './test/context';
import { openTestDb } from './test/harness';
import type { Access, Meta } from './trpc';

/**
 * Who may call what: every procedure of the whole router, written out by hand. A new procedure fails
 * this test until someone decides its row here (ASVS 8.2.1, OWASP API5/API9).
 */
const MATRIX: Record<string, Access> = {
  'setup.status': 'public',
  'setup.create': 'public',
  'auth.me': 'public',
  'auth.signIn': 'public',
  'auth.signOut': 'signedIn',
  'auth.checkToken': 'public',
  'auth.setPassword': 'public',
  'auth.requestReset': 'public',
  'people.list': 'hr',
  'people.add': 'hr',
  'people.importPreview': 'hr',
  'people.importCommit': 'hr',
  'people.update': 'hr',
  'people.invite': 'hr',
  'people.passwordLink': 'hr',
  'sync.push': 'signedIn',
  'sync.pull': 'signedIn',
  'sync.live': 'signedIn',
  // goals (issue 5)
  'goals.directory': 'signedIn',
  'goals.setAchievementThreshold': 'hr',
  'goals.team': 'signedIn',
  // HR side of review cycles
  'templates.list': 'hr',
  'templates.get': 'hr',
  'templates.create': 'hr',
  'templates.update': 'hr',
  'templates.duplicate': 'hr',
  'templates.delete': 'hr',
  'questionBank.list': 'hr',
  'questionBank.add': 'hr',
  'questionBank.remove': 'hr',
  'cycles.list': 'hr',
  'cycles.get': 'hr',
  'cycles.create': 'hr',
  'cycles.update': 'hr',
  'cycles.preview': 'hr',
  'cycles.launch': 'hr',
  'cycles.addParticipant': 'hr',
  'cycles.removeParticipant': 'hr',
  'cycles.extendDeadline': 'hr',
  'cycles.completion': 'hr',
  'cycles.reviews': 'hr',
  'cycles.remind': 'hr',
  'cycles.analytics': 'hr',
  'cycles.review': 'hr',
  'cycles.live': 'hr',
  'cycles.reminderDays': 'hr',
  'cycles.setReminderDays': 'hr',
  'reviews.reopen': 'hr',
  'audit.list': 'hr',
  'export.myRecord': 'signedIn',
  // identity (issue 13)
  'auth.methods': 'public',
  'breakGlass.list': 'hr',
  'breakGlass.set': 'hr',
  'scimTokens.list': 'hr',
  'scimTokens.create': 'hr',
  'scimTokens.revoke': 'hr',
  'push.config': 'signedIn',
  'push.subscribe': 'signedIn',
  'push.unsubscribe': 'signedIn',
};

/** `_def.procedures` is typed as the router's tree, but at run time it is a flat map from dotted path to procedure. */
function accessOf(proc: unknown): Meta['access'] | undefined {
  const def = (typeof proc === 'function' || typeof proc === 'object') && proc !== null && '_def' in proc ? proc._def : undefined;
  const meta = def && typeof def === 'object' && 'meta' in def ? def.meta : undefined;
  return meta && typeof meta === 'object' && 'access' in meta ? (meta.access as Meta['access']) : undefined;
}
const procedures: [string, Access | undefined][] = Object.entries(appRouter._def.procedures).map(([name, proc]) => [name, accessOf(proc)]);

let db: Db;
let bus: ChangeBus;
let employee: TestPerson;
beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
  employee = await createPerson(db, { role: 'employee' });
});
afterAll(async () => {
  await bus.close();
  await db.close();
});

/** Calls a procedure by its dotted path with no input; a subscription's iterator is pulled once. */
async function call(caller: unknown, path: string): Promise<unknown> {
  let fn: unknown = caller;
  for (const part of path.split('.')) fn = (fn as Record<string, unknown>)[part];
  if (typeof fn !== 'function') throw new Error(`no procedure at ${path}`);
  const out: unknown = await fn(undefined);
  if (out && typeof out === 'object' && Symbol.asyncIterator in out) {
    const it = (out as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    await it.next();
    await it.return?.();
  }
  return out;
}

async function codeOf(caller: unknown, path: string): Promise<string> {
  try {
    await call(caller, path);
    return 'OK';
  } catch (e) {
    return e instanceof TRPCError ? e.code : 'NOT_A_TRPC_ERROR';
  }
}

describe('access matrix', () => {
  it('lists every procedure, and every procedure states its access in meta', () => {
    const names = procedures.map(([name]) => name).sort();
    expect(names).toEqual(Object.keys(MATRIX).sort());
    for (const [name, access] of procedures) expect({ name, access }).toEqual({ name, access: MATRIX[name] });
  });

  it.each(procedures.filter(([name]) => MATRIX[name] !== 'public').map(([name]) => [name]))(
    '%s refuses an anonymous caller',
    async (name) => {
      expect(await codeOf(callerFor(makeContext(db, bus, null)), name)).toBe('UNAUTHORIZED');
    },
  );

  it.each(procedures.filter(([name]) => MATRIX[name] === 'hr').map(([name]) => [name]))('%s refuses an employee', async (name) => {
    expect(await codeOf(callerAs(db, bus, employee), name)).toBe('FORBIDDEN');
  });

  it.each(procedures.filter(([name]) => MATRIX[name] === 'signedIn').map(([name]) => [name]))(
    '%s lets an employee past the door',
    async (name) => {
      const code = await codeOf(callerAs(db, bus, employee), name);
      expect(['UNAUTHORIZED', 'FORBIDDEN']).not.toContain(code);
    },
  );
});
