import { formatDay } from '@/ui/format';
import { STATE_WORDS } from './labels';

/** Every audit action in words; an action not listed here reads "Other change", never its key. */
export const ACTION_WORDS: Record<string, string> = {
  'setup.create': 'Set up the organisation',
  'person.add': 'Added a person',
  'person.update': 'Edited a person',
  'person.role': 'Changed a role',
  'person.manager': 'Changed a manager',
  'person.disable': 'Disabled a person',
  'person.enable': 'Enabled a person',
  'people.import': 'Imported people',
  'password.link': 'Made a set-password link',
  'password.invite': 'Sent an invitation by e-mail',
  'password.reset': 'Asked for a password reset',
  'password.set': 'Set a password',
  'org.achievementThreshold': 'Changed the achievement threshold',
  'cycle.create': 'Created the cycle',
  'cycle.launch': 'Launched the cycle',
  'cycle.participant.add': 'Added to the cycle',
  'cycle.participant.remove': 'Removed from the cycle',
  'cycle.deadline': 'Moved deadlines',
  'cycle.remind': 'Sent reminders',
  'cycle.export': 'Exported the cycle',
  'review.reopen': 'Reopened a review',
  'review.submit_self': 'Submitted a self-review',
  'review.submit_manager': 'Submitted a manager review',
  'review.sign_off': 'Signed off a review',
  'review.acknowledge': 'Acknowledged a review',
  'review.answer_after_reopen': 'Changed an answer after a reopen',
  'record.export': 'Exported their own record',
};

export const actionWords = (action: string) => ACTION_WORDS[action] ?? 'Other change';

const FIELD_WORDS: Record<string, string> = { name: 'Name', email: 'E-mail', department: 'Department' };
const ROLE_WORDS: Record<string, string> = { employee: 'Employee', hr: 'HR admin' };

/** An answer ({ rating, text }) as words, e.g. `rating 4, "Great"`. */
function valueText(v: unknown): string {
  if (v === null || v === undefined || v === '') return 'none';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (typeof v === 'object' && !Array.isArray(v)) {
    const a = v as { rating?: unknown; text?: unknown };
    const parts: string[] = [];
    if (typeof a.rating === 'number') parts.push(`rating ${a.rating}`);
    if (typeof a.text === 'string' && a.text.trim()) parts.push(`"${a.text}"`);
    if (parts.length > 0) return parts.join(', ');
  }
  return 'a change';
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/**
 * Readable lines for an entry's details: reasons, before/after, moved deadlines from and to, changed fields.
 * `nameOf` turns a person's id into their name (managers are stored by id).
 */
export function detailText(action: string, details: Record<string, unknown>, nameOf: (id: string) => string | undefined): string[] {
  const out: string[] = [];
  const person = (v: unknown) => (str(v) ? (nameOf(String(v)) ?? 'someone no longer listed') : 'nobody');
  if (typeof details.reason === 'string') out.push(`Reason: ${details.reason}`);
  if ('before' in details || 'after' in details) {
    const side = details.side === 'manager' ? 'Manager answer ' : details.side === 'self' ? 'Self answer ' : '';
    out.push(`${side}${side ? 'before' : 'Before'}: ${valueText(details.before)} → after: ${valueText(details.after)}`);
  }
  if (action === 'cycle.deadline') {
    const from = (details.from ?? {}) as Record<string, unknown>;
    for (const [k, words] of [
      ['selfDeadline', 'Self-review deadline'],
      ['managerDeadline', 'Manager review deadline'],
    ] as const) {
      const to = str(details[k]);
      if (to) out.push(`${words}: ${str(from[k]) ? formatDay(String(from[k])) : 'unknown'} → ${formatDay(to)}`);
    }
  } else if (action === 'person.manager') out.push(`Manager: ${person(details.from)} → ${person(details.to)}`);
  else if (action === 'person.role')
    out.push(`Role: ${ROLE_WORDS[String(details.from)] ?? 'unknown'} → ${ROLE_WORDS[String(details.to)] ?? 'unknown'}`);
  else if (action === 'review.reopen' && str(details.from)) {
    const from = STATE_WORDS[details.from as keyof typeof STATE_WORDS];
    if (from) out.push(`Was: ${from}`);
  }
  if (details.changes && typeof details.changes === 'object') {
    for (const [k, v] of Object.entries(details.changes as Record<string, { from?: unknown; to?: unknown }>))
      out.push(`${FIELD_WORDS[k] ?? 'A field'}: ${valueText(v.from)} → ${valueText(v.to)}`);
  }
  if (typeof details.participants === 'number') out.push(`${details.participants} participants`);
  if (action === 'people.import' && typeof details.count === 'number') out.push(`${details.count} people`);
  if (typeof details.recipients === 'number')
    out.push(
      `${details.recipients} reminded about ${details.phase === 'manager' ? 'manager reviews' : 'self-reviews'}${
        typeof details.skipped === 'number' && details.skipped > 0 ? `, ${details.skipped} past the deadline not reminded` : ''
      }`,
    );
  return out;
}
