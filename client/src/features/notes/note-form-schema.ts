import { type Note, NoteFields } from '@merit/shared/domain/note';
import { LIMITS } from '@merit/shared/limits';
import * as z from 'zod/mini';
import { labelledResolver } from '@/ui/form-resolver';
import { splitTags } from './tags';

export interface NoteFormValues {
  title: string;
  body: string;
  tags: string;
  date: string;
  pinned: boolean;
}

const TAG_WORDS = `Tags: at most ${LIMITS.tagsMax}, each up to ${LIMITS.tagMax} characters`;

/** Built from the shared fields, so the form refuses exactly what the server would. */
const NoteFormSchema = z.strictObject({
  title: NoteFields.title,
  body: NoteFields.body,
  tags: z.pipe(
    z.string().check(z.refine((s) => NoteFields.tags.safeParse(splitTags(s)).success, TAG_WORDS)),
    z.transform((s: string) => splitTags(s)),
  ),
  date: NoteFields.date,
  pinned: NoteFields.pinned,
});
export type NoteFormOutput = z.infer<typeof NoteFormSchema>;

export const noteFormResolver = labelledResolver<NoteFormValues, NoteFormOutput>(NoteFormSchema, {
  title: 'Title',
  body: 'Note',
  tags: 'Tags',
  date: 'Date',
});

export const noteFormValues = (n: Note): NoteFormValues => ({
  title: n.title,
  body: n.body,
  tags: n.tags.join(', '),
  date: n.date,
  pinned: n.pinned,
});

/** Only the fields that changed; the body's base goes along so a concurrent edit merges (S16). */
export function notePatch(before: Note, after: NoteFormOutput) {
  const patch: { title?: string; body?: string; tags?: string[]; date?: string; pinned?: boolean } = {};
  if (after.title !== before.title) patch.title = after.title;
  if (after.body !== before.body) patch.body = after.body;
  if (after.tags.join('\n') !== before.tags.join('\n')) patch.tags = after.tags;
  if (after.date !== before.date) patch.date = after.date;
  if (after.pinned !== before.pinned) patch.pinned = after.pinned;
  return { id: before.id, patch, ...(patch.body !== undefined ? { base: { body: before.body } } : {}) };
}
