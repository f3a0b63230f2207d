import type { Rejection } from '@merit/shared/domain/rejection';

const WHAT: Record<string, string> = {
  'win.create': 'A win you logged',
  'win.update': 'A change to a win',
  'win.delete': 'Deleting a win',
  'inbox.dismiss': 'Dismissing an item',
  // --- notes ---
  'note.create': 'A note you wrote',
  'note.update': 'A change to a note',
  'note.delete': 'Deleting a note',
  'feedback.create': 'Feedback you saved',
  'feedback.update': 'A change to feedback',
  'feedback.delete': 'Deleting feedback',
  'managerNote.create': 'A note about a report',
  'managerNote.update': 'A change to a note about a report',
  'managerNote.delete': 'Deleting a note about a report',
  // --- end notes ---
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
  const source = isRecord(args.patch) ? { ...args, ...args.patch } : args;
  const out: { label: string; text: string }[] = [];
  for (const [key, value] of Object.entries(source)) {
    if (key === 'id' || key === 'patch' || key === 'visibility' || key === 'date') continue;
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
