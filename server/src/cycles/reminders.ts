import type { Phase } from '@merit/shared/domain/cycle';
import type { Db } from '../db/client';
import { type Mail, type Mailer, sendAll } from '../notifications/mailer';
import { notify } from '../notifications/notify';
import type { ChangeBus } from '../sync/bus';
import { todayUtc } from './completion';
import { pending, phaseColumns, reminderFor, stillOpen } from './remind';

export const DEFAULT_REMINDER_DAYS = [3, 1] as const;

/** The organisation's reminder days (org.settings.reminderDays), largest first; default 3 and 1. */
export async function reminderDays(db: Db): Promise<number[]> {
  const rows = await db.query<{ days: unknown }>(`select settings -> 'reminderDays' as days from org where id = 1`);
  const raw = rows[0]?.days;
  const days = Array.isArray(raw) ? raw.filter((d): d is number => Number.isInteger(d) && d >= 0 && d <= 60) : [...DEFAULT_REMINDER_DAYS];
  return [...new Set(days)].sort((a, b) => b - a);
}

/**
 * One pass of the automatic reminders at `now`. For each configured N (say 3 and 1), a review still waiting
 * in a phase whose deadline is N days away or less (but more than the next smaller N) reminds its reviewee
 * (self) or manager (manager), once: the `reminder_sent` primary key is claimed with ON CONFLICT DO NOTHING,
 * so two server processes ticking at once, or a tick run twice, send each reminder exactly once. The date
 * stated is the soonest deadline the person can still meet, and counts only reviews still open (S-none: HR).
 */
export async function reminderTick(db: Db, bus: ChangeBus, mailer: Mailer | null, now = Date.now()): Promise<number> {
  const today = todayUtc(now);
  const days = await reminderDays(db);
  const mails: Mail[] = [];
  const touched = new Set<string>();
  for (const phase of ['self', 'manager'] as const satisfies readonly Phase[]) {
    for (const [i, n] of days.entries()) {
      const floor = days[i + 1] ?? -1;
      const sent = await db.tx(async (q) => {
        const { who, deadline } = phaseColumns(phase);
        const claimed = await q.query<{ cycle_id: string; person_id: string }>(
          `insert into reminder_sent (cycle_id, person_id, phase, days_before)
           select distinct r.cycle_id, ${who}, $1, $2::int from review r join review_cycle c on c.id = r.cycle_id
            where c.status = 'launched' and not r.deleted and ${who} is not null and r.state = any($3::text[])
              and ${deadline} - $4::date <= $2::int and ${deadline} - $4::date > $5::int
           on conflict do nothing returning cycle_id, person_id`,
          [phase, n, pending(phase), today, floor],
        );
        if (claimed.length === 0) return [];
        const info = await q.query<{
          cycle_id: string;
          person_id: string;
          cycle_name: string;
          email: string;
          name: string;
          deadline: string;
          count: number;
        }>(
          `select r.cycle_id, ${who} as person_id, c.name as cycle_name, p.email, p.name, min(${deadline})::text as deadline, count(*)::int as count
             from review r join review_cycle c on c.id = r.cycle_id join person p on p.id = ${who}
            where (r.cycle_id, ${who}) in (select * from unnest($1::uuid[], $2::uuid[])) and not r.deleted and not p.disabled
              and r.state = any($3::text[]) and ${stillOpen(phase, '$4')}
            group by r.cycle_id, ${who}, c.name, p.email, p.name`,
          [claimed.map((c) => c.cycle_id), claimed.map((c) => c.person_id), pending(phase), today],
        );
        const notes = info.map((r) => {
          const { note, mail } = reminderFor({ ...r, id: r.person_id }, r.cycle_name, phase);
          mails.push(mail);
          return note;
        });
        return notify(q, notes, now);
      });
      for (const s of sent) touched.add(s);
    }
  }
  if (touched.size > 0) await bus.publish([...touched]).catch(() => undefined);
  await sendAll(mailer, mails);
  return mails.length;
}

/** Runs the tick every `everyMs` (default hourly) in this process; the returned function stops it. */
export function startReminders(db: Db, bus: ChangeBus, mailer: Mailer | null, log: (m: string) => void, everyMs = 3_600_000): () => void {
  const run = () =>
    void reminderTick(db, bus, mailer).catch((e: unknown) => log(`reminder tick failed: ${e instanceof Error ? e.message : String(e)}`));
  const first = setTimeout(run, 5_000);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
