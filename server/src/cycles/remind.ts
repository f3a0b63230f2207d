import { MANAGER_PENDING, type Phase, type RemindInput, SELF_PENDING } from '@merit/shared/domain/cycle';
import { audit } from '../audit/audit';
import type { Queryable } from '../db/client';
import { domainError } from '../errors';
import type { Mail } from '../notifications/mailer';
import { type NewNotification, notify } from '../notifications/notify';
import { longDay, plural } from '../notifications/words';
import { lockCycle } from './cycles-repo';

interface Row {
  id: string;
  email: string;
  name: string;
  /** Reviews this person can still act on in the phase, and the soonest of their deadlines. */
  count: number;
  deadline: string | null;
  /** The latest deadline among all their pending reviews (for those who can no longer act). */
  last: string;
}

/** The review states still waiting in a phase. */
export const pending = (phase: Phase) => (phase === 'self' ? SELF_PENDING : MANAGER_PENDING);

/** The review columns of a phase (on alias `r`): who is reminded, and by which deadline. */
export const phaseColumns = (phase: Phase) =>
  phase === 'self' ? { who: 'r.owner_id', deadline: 'r.self_deadline' } : { who: 'r.manager_id', deadline: 'r.manager_deadline' };

/**
 * SQL (on alias `r`, with the day as parameter `$n`) for "the person can still submit": the phase's deadline
 * is today or later (it passes at the end of its day, review.ts deadlinePassed), or, for the manager, HR
 * reopened the review (managerPhaseOpen). Nobody is reminded of work the server would refuse.
 */
export const stillOpen = (phase: Phase, today: string) =>
  phase === 'self' ? `r.self_deadline >= ${today}::date` : `(r.manager_deadline >= ${today}::date or r.reopen_count > 0)`;

/** The words of a reminder; `day` spells the deadline (ISO in the app, which localizes it; long form by e-mail). */
function reminderText(cycleName: string, phase: Phase, day: string, count: number) {
  const title =
    phase === 'self'
      ? `Your self-review in ${cycleName} is due`
      : `${plural(count, 'review')} in ${cycleName} ${count === 1 ? 'waits' : 'wait'} for you`;
  const body =
    phase === 'self'
      ? `Please submit it by the end of ${day}.`
      : `Please complete and sign ${count === 1 ? 'it' : 'them'} off by the end of ${day}.`;
  return { title, body };
}

/** One reminder to one person: the in-app notification and the e-mail, with `message` added to the body if given. */
export function reminderFor(
  r: { id: string; email: string; name: string; deadline: string; count: number },
  cycleName: string,
  phase: Phase,
  message?: string,
): { note: NewNotification; mail: Mail } {
  const withMessage = (b: string) => (message ? `${b} ${message}` : b);
  const inApp = reminderText(cycleName, phase, r.deadline, r.count);
  const byMail = reminderText(cycleName, phase, longDay(r.deadline), r.count);
  return {
    note: { to: r.id, kind: 'reminder', title: inApp.title, body: withMessage(inApp.body), link: '/reviews' },
    mail: { to: r.email, subject: byMail.title, text: `Hello ${r.name},\n\n${withMessage(byMail.body)}\n` },
  };
}

/**
 * Reminds one person, the selected people, or everyone still pending in a phase: the reviewees for `self`,
 * their managers for `manager`. Only work that can still be submitted is reminded; people whose deadline has
 * passed come back in `skipped` (HR moves their deadline first). In-app notifications are written in the
 * caller's transaction; the e-mails are returned, to send after commit.
 */
export async function remind(q: Queryable, actorId: string, input: RemindInput, today: string, now = Date.now()) {
  const cycle = await lockCycle(q, input.cycleId, 'cycleId');
  if (cycle.status !== 'launched') throw domainError('CONFLICT', 'Only a launched cycle has people to remind', 'cycleId');
  const { who, deadline } = phaseColumns(input.phase);
  const targets = input.personIds ?? (input.personId ? [input.personId] : null);
  const open = stillOpen(input.phase, '$4');
  const rows = await q.query<Row>(
    `select p.id, p.email, p.name, (count(*) filter (where ${open}))::int as count,
            (min(${deadline}) filter (where ${open}))::text as deadline, max(${deadline})::text as last
       from review r join person p on p.id = ${who}
      where r.cycle_id = $1 and not r.deleted and not p.disabled and r.state = any($2::text[])
        and ($3::uuid[] is null or ${who} = any($3::uuid[]))
      group by p.id, p.email, p.name order by p.name`,
    [cycle.id, pending(input.phase), targets, today],
  );
  const phaseWords = input.phase === 'self' ? 'self-review' : 'manager review';
  if (targets && rows.length === 0)
    throw domainError('NOT_FOUND', `Nobody chosen has a ${phaseWords} waiting in this cycle`, input.personId ? 'personId' : 'personIds');
  const actionable = rows.flatMap((r) => (r.count > 0 && r.deadline ? [{ ...r, deadline: r.deadline }] : []));
  const skipped = rows.filter((r) => r.count === 0).map((r) => ({ id: r.id, name: r.name, deadline: r.last }));
  if (targets && actionable.length === 0)
    throw domainError(
      'CONFLICT',
      `The ${phaseWords} deadline has passed for ${targets.length === 1 ? 'this person' : 'everyone chosen'}: move the deadline first, then remind`,
      input.personId ? 'personId' : 'personIds',
    );
  const out = actionable.map((r) => reminderFor(r, cycle.name, input.phase, input.message));
  const touched = await notify(
    q,
    out.map((o) => o.note),
    now,
  );
  await audit(q, {
    actorId,
    action: 'cycle.remind',
    subjectId: input.personId ?? null,
    details: { cycleId: cycle.id, phase: input.phase, recipients: actionable.length, skipped: skipped.length },
  });
  return { touched, mails: out.map((o) => o.mail), reminded: actionable.map(({ id, name }) => ({ id, name })), skipped };
}
