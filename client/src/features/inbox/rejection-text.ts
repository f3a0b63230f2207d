import type { Rejection } from '@merit/shared/domain/rejection';

const WHAT: Record<string, string> = {
  'win.create': 'A win you logged',
  'win.update': 'A change to a win',
  'win.delete': 'Deleting a win',
  'inbox.dismiss': 'Dismissing an item',
  // --- reviews (reviews-A) ---
  'review.answer': 'An answer in a review',
  'review.submitSelf': 'Submitting your self-review',
  'review.submitManager': 'Submitting a review',
  'review.signOff': 'Signing off a review',
  'review.acknowledge': 'Acknowledging a review',
  // --- end reviews ---
};

/** "win.create@1" -> "A win you logged": the kind of change, in words, whatever its version. */
export const whatItWas = (name: string): string => WHAT[name.split('@')[0] ?? ''] ?? 'A change you made';

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

export const copyableText = (r: Pick<Rejection, 'args'>): string =>
  typedText(r.args)
    .map((f) => f.text)
    .join('\n\n');

// --- reviews (reviews-A) ---
/**
 * A review's refusals are written for people ("This review was signed off on 2026-11-20; your text is kept in
 * your inbox", "The self-review deadline (...) has passed"): shown as they are, not as the generic words.
 */
export const reviewWords = (r: Pick<Rejection, 'name' | 'code' | 'message'>): string | null =>
  r.name.startsWith('review.') && r.code !== 'UNKNOWN_MUTATION' && r.message ? r.message : null;
// --- end reviews ---
