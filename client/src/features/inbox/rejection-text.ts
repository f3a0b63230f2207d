import { conflictCopyMessage } from '@merit/shared/domain/long-text';
import type { Rejection } from '@merit/shared/domain/rejection';
import type { Review } from '@merit/shared/domain/review';
import { questionsOf } from '@merit/shared/domain/review';
import { type MutationName, mutationDef } from '@merit/shared/mutations';
import { describeError } from '@/lib/errors';

/** "win.create@1" -> "win.create": a mutation's kind, whatever its version. */
type KindOf<N> = N extends `${infer K}@${string}` ? K : never;
export type MutationKind = KindOf<MutationName>;

/**
 * The kind of change in words, for EVERY mutation of the registry: typed from `MutationName`, so a mutation added
 * without words here fails to compile (a refusal of it would otherwise say only "A change you made").
 */
export const WHAT: { readonly [K in MutationKind]: string } = {
  'win.create': 'A win you logged',
  'win.update': 'A change to a win',
  'win.delete': 'Deleting a win',
  'win.restore': 'Bringing back a deleted win',
  'inbox.dismiss': 'Dismissing an item',
  'inbox.setAside': 'A change that could not be sent',
  'goal.create': 'A goal you set',
  'goal.update': 'A change to a goal',
  'goal.delete': 'Deleting a goal',
  'goal.accept': 'Accepting a proposed goal',
  'goal.propose': 'A goal you proposed',
  'checkin.create': 'A check-in',
  'checkin.delete': 'Deleting a check-in',
  'notification.read': 'Marking a notification as read',
  'note.create': 'A note you wrote',
  'note.update': 'A change to a note',
  'note.delete': 'Deleting a note',
  'feedback.create': 'Feedback you saved',
  'feedback.update': 'A change to feedback',
  'feedback.delete': 'Deleting feedback',
  'managerNote.create': 'A note about a report',
  'managerNote.update': 'A change to a note about a report',
  'managerNote.delete': 'Deleting a note about a report',
  'review.answer': 'An answer in a review',
  'review.submitSelf': 'Submitting your self-review',
  'review.submitManager': 'Submitting a review',
  'review.signOff': 'Signing off a review',
  'review.acknowledge': 'Acknowledging a review',
};

const isKind = (k: string): k is MutationKind => Object.hasOwn(WHAT, k);

/** "win.create@1" -> "A win you logged": the kind of change, in words, whatever its version. */
export function whatItWas(name: string): string {
  const k = name.split('@')[0] ?? '';
  return isKind(k) ? WHAT[k] : 'A change you made';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The words the person typed, from the mutation's arguments (and a patch inside them): titles, text, tags.
 * Ids and flags are left out: they mean nothing to a person.
 */
export function typedText(args: unknown): { label: string; text: string }[] {
  if (!isRecord(args)) return [];
  // A review answer keeps its words inside `answer` (review.answer@1).
  const source = { ...args, ...(isRecord(args.patch) ? args.patch : {}), ...(isRecord(args.answer) ? args.answer : {}) };
  const out: { label: string; text: string }[] = [];
  for (const [key, value] of Object.entries(source)) {
    if (key === 'id' || key === 'patch' || key === 'visibility' || key === 'date') continue;
    if (key === 'answer' || key === 'side' || key === 'questionId') continue;
    if (key === 'rating' && typeof value === 'number') out.push({ label: 'Rating', text: String(value) });
    if (typeof value === 'string' && value.trim()) out.push({ label: key[0]?.toUpperCase() + key.slice(1), text: value });
    else if (Array.isArray(value) && value.length > 0 && value.every((x) => typeof x === 'string'))
      out.push({ label: key[0]?.toUpperCase() + key.slice(1), text: value.join(', ') });
  }
  return out;
}

type Filed = Pick<Rejection, 'code' | 'args' | 'message'> & Partial<Pick<Rejection, 'name'>>;

/**
 * A conflict copy (S16, S50): the long text its mutation declares (`longText` in the registry) and the person's
 * version of it; null for anything else.
 */
export function conflictCopy(r: Filed): { label: string; text: string } | null {
  if (r.code !== 'CONFLICT') return null;
  const def = mutationDef(r.name ?? '');
  const lt = def?.longText;
  // A refusal may carry CONFLICT too (a review already submitted): only the server's conflict-copy message is one.
  if (!def || !lt || r.message !== conflictCopyMessage(lt.label)) return null;
  const parsed = def.args.safeParse(r.args);
  const text = parsed.success ? lt.mine(parsed.data) : undefined;
  return text === undefined ? null : { label: lt.label, text };
}

/**
 * What the card shows: for a conflict copy only the clashing text, since the rest of that edit was saved; for a
 * refusal everything the person typed.
 */
export function shownText(r: Filed): { label: string; text: string }[] {
  const copy = conflictCopy(r);
  return copy ? [{ label: `Your ${copy.label}`, text: copy.text }] : typedText(r.args);
}

/** What happened, in plain words. */
export function whyText(r: Filed): string {
  const copy = conflictCopy(r);
  if (copy)
    return `You and another device changed the ${copy.label} at the same time. The other version was kept; yours is below. “Use my version” puts yours in its place.`;
  return reviewWords(r) ?? describeError({ code: r.code, message: r.message });
}

export const copyableText = (r: Filed): string =>
  shownText(r)
    .map((f) => f.text)
    .join('\n\n');

// --- reviews ---
/**
 * A review's refusals are written for people ("This review was signed off on 2026-11-20; your text is kept in
 * your inbox", "The manager-review deadline (...) has passed; ask HR to extend it"): shown as they are, not as the generic words.
 */
export const reviewWords = (r: Pick<Rejection, 'code' | 'message'> & Partial<Pick<Rejection, 'name'>>): string | null =>
  (r.name ?? '').startsWith('review.') && r.code !== 'UNKNOWN_MUTATION' && r.message ? r.message : null;

const isReview = (row: unknown): row is Review => isRecord(row) && typeof row.cycleName === 'string' && Array.isArray(row.template);

/**
 * Which review and which question a refused review change was about ("H2 2026 review · Your self-review",
 * "Overall performance"), from the review row on the device; null for anything else. Without it a card would
 * only say "Rating 3", and the person could not tell where to put it back.
 */
export function reviewAbout(r: Pick<Rejection, 'name' | 'args'>, row: unknown): { about: string; question: string | null } | null {
  if (!(r.name ?? '').startsWith('review.') || !isReview(row)) return null;
  const args = isRecord(r.args) ? r.args : {};
  const side = args.side === 'manager' ? 'manager' : args.side === 'self' ? 'self' : null;
  const whose = side === 'manager' ? 'Your review as their manager' : side === 'self' ? 'Your self-review' : null;
  const question =
    typeof args.questionId === 'string' ? (questionsOf(row.template).find((q) => q.id === args.questionId)?.prompt ?? null) : null;
  return { about: whose ? `${row.cycleName} · ${whose}` : row.cycleName, question };
}

/** The typed fields, a review answer's named after its question: "Overall performance (rating)". */
export function labelledText(r: Pick<Rejection, 'name' | 'code' | 'args' | 'message'>, row: unknown): { label: string; text: string }[] {
  const q = reviewAbout(r, row)?.question;
  return shownText(r).map((f) =>
    q && (f.label === 'Rating' || f.label === 'Text')
      ? { ...f, label: `${q} (${f.label.toLowerCase()})` }
      : q && f.label === 'Your answer'
        ? { ...f, label: `${q} (your version)` }
        : f,
  );
}
// --- end reviews ---
