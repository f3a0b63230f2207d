import { MANAGER_PENDING, type Phase, type RemindInput, SELF_PENDING } from '@merit/shared/domain/cycle';
import { audit } from '../audit/audit';
import type { Queryable } from '../db/client';
import { domainError } from '../errors';
import type { Mail } from '../notifications/mailer';
import { notify } from '../notifications/notify';
import { lockCycle } from './cycles-repo';

interface Recipient {
  id: string;
  email: string;
  name: string;
  count: number;
}

const pending = (phase: Phase) => (phase === 'self' ? SELF_PENDING : MANAGER_PENDING);

/** The text of a reminder, in the app and by e-mail. */
export function reminderText(cycleName: string, phase: Phase, deadline: string, count: number) {
  const title = phase === 'self' ? `Your self-review in ${cycleName} is due` : `${count} review(s) in ${cycleName} wait for you`;
  const body = phase === 'self' ? `Please submit it by ${deadline}.` : `Please complete and sign them off by ${deadline}.`;
  return { title, body };
}

/**
 * Reminds one person, or everyone overdue in a phase: the reviewees for `self`, their managers for `manager`.
 * In-app notifications are written in the caller's transaction; the e-mails are returned, to send after commit.
 */
export async function remind(q: Queryable, actorId: string, input: RemindInput, today: string, now = Date.now()) {
  const cycle = await lockCycle(q, input.cycleId, 'cycleId');
  if (cycle.status !== 'launched') throw domainError('CONFLICT', 'Only a launched cycle has people to remind', 'cycleId');
  const who = input.phase === 'self' ? 'r.owner_id' : 'r.manager_id';
  const deadline = input.phase === 'self' ? 'r.self_deadline' : 'r.manager_deadline';
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
  const mails: Mail[] = [];
  const notes = recipients.map((r) => {
    const t = reminderText(cycle.name, input.phase, r.deadline, r.count);
    const body = input.message ? `${t.body} ${input.message}` : t.body;
    mails.push({ to: r.email, subject: t.title, text: `Hello ${r.name},\n\n${body}\n` });
    return { to: r.id, kind: 'reminder' as const, title: t.title, body, link: '/reviews' };
  });
  const touched = await notify(q, notes, now);
  await audit(q, {
    actorId,
    action: 'cycle.remind',
    subjectId: input.personId ?? null,
    details: { cycleId: cycle.id, phase: input.phase, recipients: recipients.length },
  });
  return { touched, mails, reminded: recipients.map(({ id, name }) => ({ id, name })) };
}
