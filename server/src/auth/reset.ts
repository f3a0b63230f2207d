import type { Queryable } from '../db/client';
import { domainError } from '../errors';
import type { Mail } from '../notifications/mailer';
import { issuePasswordToken, PASSWORD_TOKEN_DAYS, setPasswordUrl } from './password-token';

/**
 * "Forgot password?": at most RESET_LIMITS.perEmail requests per address and perIp per client address in a
 * window, counted in login_attempt (shared by every process) under their own keys. Both limits apply whether
 * or not the address belongs to anyone, so neither the answer nor the limit tells who has an account.
 */
export const RESET_LIMITS = { perEmail: 3, perIp: 20, windowSeconds: 15 * 60 } as const;

async function count(q: Queryable, key: string): Promise<number> {
  const rows = await q.query<{ failures: number }>(
    `insert into login_attempt as a (key, failures, window_start) values ($1, 1, now())
     on conflict (key) do update set
       failures = case when a.window_start < now() - make_interval(secs => $2) then 1 else a.failures + 1 end,
       window_start = case when a.window_start < now() - make_interval(secs => $2) then now() else a.window_start end
     returning failures`,
    [key, RESET_LIMITS.windowSeconds],
  );
  return rows[0]?.failures ?? 0;
}

export async function assertResetAllowed(q: Queryable, email: string, ip: string): Promise<void> {
  const [byEmail, byIp] = [await count(q, `reset:${email}`), await count(q, `reset-ip:${ip}`)];
  if (byEmail > RESET_LIMITS.perEmail || byIp > RESET_LIMITS.perIp)
    throw domainError('RATE_LIMITED', 'Too many reset requests. Check your e-mail for the link already sent, or try again in 15 minutes.');
}

/** The e-mail carrying a set-password link: an invitation from HR, or a reset someone asked for. */
export function linkMail(kind: 'invite' | 'reset', to: { email: string; name: string }, url: string, orgName: string): Mail {
  const intro =
    kind === 'invite'
      ? `You have been invited to ${orgName} on Merit. Choose your password here:`
      : `Someone (we hope you) asked to reset your password for ${orgName} on Merit. Choose a new one here:`;
  const outro =
    kind === 'invite'
      ? `The link works once, for ${PASSWORD_TOKEN_DAYS} days.`
      : `The link works once, for ${PASSWORD_TOKEN_DAYS} days. If you did not ask for it, ignore this e-mail: your password stays as it is.`;
  return {
    to: to.email,
    subject: kind === 'invite' ? `Your invitation to ${orgName} on Merit` : `Reset your Merit password`,
    text: `Hello ${to.name},\n\n${intro}\n\n${url}\n\n${outro}\n`,
  };
}

/** Issues a fresh link for an active person with this e-mail, or returns null (nobody, or disabled). */
export async function resetFor(q: Queryable, email: string, origin: string): Promise<Mail | null> {
  const rows = await q.query<{ id: string; name: string; email: string; org: string | null }>(
    `select p.id, p.name, p.email, (select name from org where id = 1) as org from person p where p.email = $1 and not p.disabled`,
    [email],
  );
  const p = rows[0];
  if (!p) return null;
  const token = await issuePasswordToken(q, p.id);
  return linkMail('reset', p, setPasswordUrl(origin, token), p.org ?? 'your organisation');
}
