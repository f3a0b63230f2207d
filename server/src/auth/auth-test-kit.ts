import { TRPCError } from '@trpc/server';
import type { Db } from '../db/client';
import { DomainTRPCError } from '../errors';
import type { ChangeBus } from '../sync/bus';
import { type CookieJar, callerFor, createPerson, makeContext, testEnv } from '../test/context';
import { hashPassword } from './password';
import { lookupSession } from './sessions';

export const PASSWORD = 'correct horse battery';

/** The organisation row most procedures expect (setup would have made it). */
export async function ensureOrg(db: Db, name = 'Acme'): Promise<void> {
  await db.query('insert into org (id, name) values (1, $1) on conflict (id) do nothing', [name]);
}

/** A person who has set a password. */
export async function personWithPassword(db: Db, overrides: Parameters<typeof createPerson>[1] = {}, password = PASSWORD) {
  return createPerson(db, { ...overrides, passwordHash: await hashPassword(password) });
}

/**
 * A browser: keeps the session cookie the server sets and presents it on the next call, the way the
 * HTTP layer does (cookie -> lookupSession -> context). `ip` stands for the client's address.
 */
export function browser(db: Db, bus: ChangeBus, ip = '127.0.0.1') {
  const jar: CookieJar = { token: null };
  return {
    jar,
    async caller() {
      const session = jar.token ? await lookupSession(db, jar.token, testEnv) : null;
      return callerFor({ ...makeContext(db, bus, session, jar), ip });
    },
  };
}

export interface Failure {
  code: string;
  message: string;
  field?: string;
}

/** Runs `fn` and returns the tRPC code and the message it failed with; fails the test if it resolved. */
export async function failure(fn: () => Promise<unknown>): Promise<Failure> {
  try {
    await fn();
  } catch (e) {
    // tRPC wraps an input parser's error in a BAD_REQUEST whose cause is our DomainTRPCError.
    const domain = e instanceof DomainTRPCError ? e : e instanceof TRPCError && e.cause instanceof DomainTRPCError ? e.cause : null;
    if (domain && e instanceof TRPCError) {
      const f: Failure = { code: e.code, message: domain.domain.message };
      if (domain.domain.field !== undefined) f.field = domain.domain.field;
      return f;
    }
    if (e instanceof TRPCError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
