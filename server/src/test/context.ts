import type { Role } from '@merit/shared/domain/person';
import { uuidv7 } from '@merit/shared/ids';
import type { Context } from '../context';
import type { Db } from '../db/client';
import { type Env, readEnv } from '../env';
import { appRouter } from '../router';
import type { ChangeBus } from '../sync/bus';
import { createCallerFactory } from '../trpc';

export const testEnv: Env = { ...readEnv({ NODE_ENV: 'test' }, []), sessionIdleDays: 30, sessionMaxDays: 90 };

/** Records the cookies a procedure set, so tests can follow a sign-in like a browser would. */
export interface CookieJar {
  token: string | null;
}

export function makeContext(db: Db, bus: ChangeBus, session: Context['session'], jar: CookieJar = { token: null }): Context {
  return {
    db,
    env: testEnv,
    bus,
    session,
    ip: '127.0.0.1',
    userAgent: 'vitest',
    origin: 'http://localhost:8080',
    setSessionCookie: (token) => {
      jar.token = token;
    },
    clearSessionCookie: () => {
      jar.token = null;
    },
  };
}

const createCaller = createCallerFactory(appRouter);
export const callerFor = (ctx: Context) => createCaller(ctx);

export interface TestPerson {
  id: string;
  email: string;
  name: string;
  role: Role;
  managerId: string | null;
}

/** Inserts a person directly (a factory, not a procedure under test); missing fields get defaults. */
export async function createPerson(db: Db, overrides: Partial<TestPerson> & { department?: string; passwordHash?: string } = {}) {
  const id = overrides.id ?? uuidv7();
  const p: TestPerson = {
    id,
    email: overrides.email ?? `p-${id.slice(-12)}@example.test`,
    name: overrides.name ?? `Person ${id.slice(-4)}`,
    role: overrides.role ?? 'employee',
    managerId: overrides.managerId ?? null,
  };
  await db.query('insert into person (id, email, name, department, manager_id, role, password_hash) values ($1, $2, $3, $4, $5, $6, $7)', [
    p.id,
    p.email,
    p.name,
    overrides.department ?? 'Engineering',
    p.managerId,
    p.role,
    overrides.passwordHash ?? null,
  ]);
  return p;
}

/** A caller signed in as `p`, the way the HTTP layer would build it after reading the cookie. */
export function callerAs(db: Db, bus: ChangeBus, p: Pick<TestPerson, 'id' | 'role'>) {
  return callerFor(makeContext(db, bus, { personId: p.id, role: p.role, tokenHash: `test-${p.id}` }));
}
