import type { Queryable } from '../db/client';
import { domainError } from '../errors';

/**
 * Failed sign-ins are counted in the database (table login_attempt), so every server process sees the
 * same numbers. Two counters per attempt: the account (e-mail) and the client address. A counter that
 * reaches its limit inside the window locks that key for LOCK_SECONDS; a success clears the account's.
 */
export const LOGIN_LIMITS = {
  accountFailures: 5,
  ipFailures: 50,
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
} as const;

const accountKey = (email: string) => `email:${email}`;
const ipKey = (ip: string) => `ip:${ip}`;

/** Throws RATE_LIMITED, naming when to try again, when either the account or the address is locked. */
export async function assertLoginAllowed(q: Queryable, email: string, ip: string): Promise<void> {
  const rows = await q.query<{ wait: number }>(
    `select ceil(extract(epoch from max(locked_until) - now()))::int as wait
     from login_attempt where key = any($1::text[]) and locked_until > now()`,
    [[accountKey(email), ipKey(ip)]],
  );
  const wait = rows[0]?.wait;
  if (wait === null || wait === undefined || wait <= 0) return;
  const minutes = Math.max(1, Math.ceil(wait / 60));
  const at = new Date(Date.now() + wait * 1000).toISOString().slice(11, 16);
  throw domainError(
    'RATE_LIMITED',
    `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'} (after ${at} UTC).`,
  );
}

/** Counts one failure against a key, atomically: concurrent failures cannot slip under the limit. */
async function countFailure(q: Queryable, key: string, limit: number): Promise<void> {
  await q.query(
    `insert into login_attempt as a (key, failures, window_start, locked_until)
       values ($1, 1, now(), case when $2::int <= 1 then now() + make_interval(secs => $4) end)
     on conflict (key) do update set
       failures = case when a.window_start < now() - make_interval(secs => $3) then 1 else a.failures + 1 end,
       window_start = case when a.window_start < now() - make_interval(secs => $3) then now() else a.window_start end,
       locked_until = case
         when a.window_start >= now() - make_interval(secs => $3) and a.failures + 1 >= $2::int then now() + make_interval(secs => $4)
         else a.locked_until end`,
    [key, limit, LOGIN_LIMITS.windowSeconds, LOGIN_LIMITS.lockSeconds],
  );
}

export async function recordLoginFailure(q: Queryable, email: string, ip: string): Promise<void> {
  await countFailure(q, accountKey(email), LOGIN_LIMITS.accountFailures);
  await countFailure(q, ipKey(ip), LOGIN_LIMITS.ipFailures);
}

/** A correct password ends the account's streak; the address's count stays, so one valid account cannot launder a flood. */
export async function clearAccountFailures(q: Queryable, email: string): Promise<void> {
  await q.query('delete from login_attempt where key = $1', [accountKey(email)]);
}
