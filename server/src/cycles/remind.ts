import { MANAGER_PENDING, type Phase, type RemindInput, SELF_PENDING } from '@merit/shared/domain/cycle';
import { audit } from '../audit/audit';
import type { Queryable } from '../db/client';
import { domainError } from '../errors';
import type { Mail } from '../notifications/mailer';
import { type NewNotification, notify } from '../notifications/notify';
import { lockCycle } from './cycles-repo';

interface Recipient {
  id: string;
  email: string;
  name: string;
  count: number;
}

/** The review states still waiting in a phase. */
export const pending = (phase: Phase) => (phase === 'self' ? SELF_PENDING : MANAGER_PENDING);

/** The review columns of a phase (on alias `r`): who is reminded, and by which deadline. */
export const phaseColumns = (phase: Phase) =>
  phase === 'self' ? { who: 'r.owner_id', deadline: 'r.self_deadline' } : { who: 'r.manager_id', deadline: 'r.manager_deadline' };

/** The text of a reminder, in the app and by e-mail. */
function reminderText(cycleName: string, phase: Phase, deadline: string, count: number) {
  const title = phase === 'self' ? `Your self-review in ${cycleName} is due` : `${count} review(s) in ${cycleName} wait for you`;
  const body = phase === 'self' ? `Please submit it by ${deadline}.` : `Please complete and sign them off by ${deadline}.`;
  return { title, body };
}

/** One reminder to one person: the in-app notification and the e-mail, with `message` added to the body if given. */
export function reminderFor(
  r: { id: string; email: string; name: string; deadline: string; count: number },
  cycleName: string,
  phase: Phase,
  message?: string,
): { note: NewNotification; mail: Mail } {
  const t = reminderText(cycleName, phase, r.deadline, r.count);
  const body = message ? `${t.body} ${message}` : t.body;
  return {
    note: { to: r.id, kind: 'reminder', title: t.title, body, link: '/reviews' },
    mail: { to: r.email, subject: t.title, text: `Hello ${r.name},\n\n${body}\n` },
  };
}

/**
 * Reminds one person, or everyone overdue in a phase: the reviewees for `self`, their managers for `manager`.
 * In-app notifications are written in the caller's transaction; the e-mails are returned, to send after commit.
 */
export async function remind(q: Queryable, actorId: string, input: RemindInput, today: string, now = Date.now()) {
  const cycle = await lockCycle(q, input.cycleId, 'cycleId');
  if (cycle.status !== 'launched') throw domainError('CONFLICT', 'Only a launched cycle has people to remind', 'cycleId');
  const { who, deadline } = phaseColumns(input.phase);
  const recipients = await q.query<Recipient & { deadline: string }>(
    `select p.id, p.email, p.name, count(*)::int as count, min(${deadline})::text as deadline
       from review r join person p on p.id = ${who}
      where r.cycle_id = $1 and not r.deleted and not p.disabled and r.state = any($2::text[])
        and ${input.personId ? `${who} = $3` : `${deadline} < $3::date`}
      group by p.id, p.email, p.name order by p.name`,
    [cycle.id, pending(input.phase), input.personId ?? today],
  );
  if (input.personId && recipients.length === 0)
    throw domainError('NOT_FOUND', `This person has nothing waiting in the ${input.phase} phase of this cycle`, 'personId');
  const out = recipients.map((r) => reminderFor(r, cycle.name, input.phase, input.message));
  const mails = out.map((o) => o.mail);
  const touched = await notify(
    q,
    out.map((o) => o.note),
    now,
  );
  await audit(q, {
    actorId,
    action: 'cycle.remind',
    subjectId: input.personId ?? null,
    details: { cycleId: cycle.id, phase: input.phase, recipients: recipients.length },
  });
  return { touched, mails, reminded: recipients.map(({ id, name }) => ({ id, name })) };
}
