import * as z from 'zod/mini';
import { ok, type RuleResult } from '../errors';
import { LIMITS } from '../limits';
import { baseText, Day, Id, text } from './common';
import { created, ownedEditable, type RuleContext, softDelete, uniq } from './record';

/**
 * A private note: the author's alone, ever. It syncs between the author's own devices, and no read path
 * but the author's own pull and the author's own export returns it (docs/SYNC.md S30).
 */
export const NoteSchema = z.object({
  id: Id,
  ownerId: Id,
  title: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  pinned: z.boolean(),
  date: Day,
  createdAt: z.number(),
  updatedAt: z.number(),
  version: z.number(),
  deleted: z.boolean(),
});
export type Note = z.infer<typeof NoteSchema>;

const Tag = z.string().check(z.trim(), z.toLowerCase(), z.minLength(1), z.maxLength(LIMITS.tagMax));

export const NoteFields = {
  title: text(LIMITS.titleMax),
  body: z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.descriptionMax)),
  tags: z.array(Tag).check(z.maxLength(LIMITS.tagsMax)),
  pinned: z.boolean(),
  date: Day,
};

export const NoteCreateArgs = z.strictObject({
  id: Id,
  title: z.optional(NoteFields.title),
  body: NoteFields.body,
  tags: z.optional(NoteFields.tags),
  pinned: z.optional(NoteFields.pinned),
  date: NoteFields.date,
});
export type NoteCreateArgs = z.infer<typeof NoteCreateArgs>;

export const NotePatch = z.strictObject({
  title: z.optional(NoteFields.title),
  body: z.optional(NoteFields.body),
  tags: z.optional(NoteFields.tags),
  pinned: z.optional(NoteFields.pinned),
  date: z.optional(NoteFields.date),
});
/** `base.body` is the body the device edited from, so a concurrent edit merges instead of overwriting (S16). */
export const NoteUpdateArgs = z.strictObject({
  id: Id,
  patch: NotePatch,
  base: z.optional(z.strictObject({ body: baseText(LIMITS.descriptionMax) })),
});
export type NoteUpdateArgs = z.infer<typeof NoteUpdateArgs>;
export const NoteDeleteArgs = z.strictObject({ id: Id });
export type NoteDeleteArgs = z.infer<typeof NoteDeleteArgs>;

export function createNote(prev: Note | undefined, args: NoteCreateArgs, ctx: RuleContext): RuleResult<Note> {
  const base = created(prev, args.id, ctx.actor.personId, ctx);
  if (!base.ok) return base;
  return ok({
    ...base.value,
    title: args.title ?? '',
    body: args.body,
    tags: uniq(args.tags ?? []),
    pinned: args.pinned ?? false,
    date: args.date,
  });
}

export function updateNote(prev: Note | undefined, args: NoteUpdateArgs, ctx: RuleContext): RuleResult<Note> {
  const base = ownedEditable(prev, ctx, 'note');
  if (!base.ok) return base;
  const p = args.patch;
  const next: Note = { ...base.value, updatedAt: ctx.now };
  if (p.title !== undefined) next.title = p.title;
  if (p.tags !== undefined) next.tags = uniq(p.tags);
  if (p.pinned !== undefined) next.pinned = p.pinned;
  if (p.date !== undefined) next.date = p.date;
  // The body is long text: the registry merges it with `args.base` (S16, `longText` in mutations.ts).
  if (p.body !== undefined) next.body = p.body;
  return ok(next);
}

export function deleteNote(prev: Note | undefined, _args: NoteDeleteArgs, ctx: RuleContext): RuleResult<Note> {
  return softDelete(prev, ctx, 'note');
}

/** Case-insensitive search over title, body and tags; `#tag` terms match a tag exactly. */
export function matchesNoteQuery(note: Pick<Note, 'title' | 'body' | 'tags'>, query: string): boolean {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hay = `${note.title}\n${note.body}\n${note.tags.join(' ')}`.toLowerCase();
  return terms.every((t) => (t.startsWith('#') && t.length > 1 ? note.tags.includes(t.slice(1)) : hay.includes(t)));
}

/** Pinned first, then newest day, then newest written. */
export const noteOrder = (a: Note, b: Note) =>
  Number(b.pinned) - Number(a.pinned) || b.date.localeCompare(a.date) || b.createdAt - a.createdAt;
