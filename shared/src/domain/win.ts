import * as z from 'zod/mini';
import { fail, ok, type RuleResult } from '../errors';
import { LIMITS } from '../limits';
import { baseText, Day, Id, requiredText, text } from './common';
import { created, ownedEditable, type RuleContext, softDelete, uniq } from './record';

export const WinVisibility = z.enum(['private', 'manager']);
export type WinVisibility = z.infer<typeof WinVisibility>;

const Tag = z.string().check(z.trim(), z.toLowerCase(), z.minLength(1), z.maxLength(LIMITS.tagMax));
const Tags = z.array(Tag).check(z.maxLength(LIMITS.tagsMax));

export const WinSchema = z.object({
  id: Id,
  ownerId: Id,
  title: z.string(),
  description: z.string(),
  date: Day,
  tags: z.array(z.string()),
  visibility: WinVisibility,
  /** The goal (and key result) this win is evidence for, if any. */
  goalId: z.nullable(Id),
  krId: z.nullable(z.string()),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** The server's version of the row; 0 until the server has it. */
  version: z.number(),
  deleted: z.boolean(),
});
export type Win = z.infer<typeof WinSchema>;

export const WinFields = {
  title: requiredText(LIMITS.titleMax),
  description: text(LIMITS.descriptionMax),
  date: Day,
  tags: Tags,
  visibility: WinVisibility,
  krId: z.string().check(z.maxLength(LIMITS.krIdMax)),
};

export const WinCreateArgs = z.strictObject({
  id: Id,
  title: WinFields.title,
  date: WinFields.date,
  description: z.optional(WinFields.description),
  tags: z.optional(WinFields.tags),
  visibility: WinFields.visibility,
  goalId: z.optional(z.nullable(Id)),
  krId: z.optional(z.nullable(WinFields.krId)),
});
export type WinCreateArgs = z.infer<typeof WinCreateArgs>;

export const WinPatch = z.strictObject({
  title: z.optional(WinFields.title),
  date: z.optional(WinFields.date),
  description: z.optional(WinFields.description),
  tags: z.optional(WinFields.tags),
  visibility: z.optional(WinFields.visibility),
  goalId: z.optional(z.nullable(Id)),
  krId: z.optional(z.nullable(WinFields.krId)),
});
/**
 * `base` is the description as the device last had it when the person started typing: with it the server
 * can tell a concurrent edit from an overwrite and merge the two (S16).
 */
export const WinUpdateArgs = z.strictObject({
  id: Id,
  patch: WinPatch,
  base: z.optional(z.strictObject({ description: baseText(LIMITS.descriptionMax) })),
});
export type WinUpdateArgs = z.infer<typeof WinUpdateArgs>;
export const WinDeleteArgs = z.strictObject({ id: Id });
export type WinDeleteArgs = z.infer<typeof WinDeleteArgs>;
/**
 * Undo of a delete. `copy` is the win as the device showed it before the delete: a device that already
 * pulled the tombstone no longer holds the row, and rebuilds its optimistic view from the copy (S18).
 */
export const WinRestoreArgs = z.strictObject({
  id: Id,
  copy: z.optional(
    z.strictObject({
      title: WinFields.title,
      date: WinFields.date,
      description: WinFields.description,
      tags: WinFields.tags,
      visibility: WinFields.visibility,
      goalId: z.nullable(Id),
      krId: z.nullable(WinFields.krId),
    }),
  ),
});
export type WinRestoreArgs = z.infer<typeof WinRestoreArgs>;

export type { RuleContext } from './record';

export function createWin(prev: Win | undefined, args: WinCreateArgs, ctx: RuleContext): RuleResult<Win> {
  const base = created(prev, args.id, ctx.actor.personId, ctx);
  if (!base.ok) return base;
  return ok({
    ...base.value,
    title: args.title,
    description: args.description ?? '',
    date: args.date,
    tags: uniq(args.tags ?? []),
    visibility: args.visibility,
    goalId: args.goalId ?? null,
    krId: args.krId ?? null,
  });
}

export function updateWin(prev: Win | undefined, args: WinUpdateArgs, ctx: RuleContext): RuleResult<Win> {
  const base = ownedEditable(prev, ctx, 'win');
  if (!base.ok) return base;
  const p = args.patch;
  const next: Win = { ...base.value, updatedAt: ctx.now };
  if (p.title !== undefined) next.title = p.title;
  if (p.date !== undefined) next.date = p.date;
  if (p.tags !== undefined) next.tags = uniq(p.tags);
  if (p.visibility !== undefined) next.visibility = p.visibility;
  if (p.goalId !== undefined) next.goalId = p.goalId;
  if (p.krId !== undefined) next.krId = p.krId;
  // The description is long text: the registry merges it with `args.base` (S16, `longText` in mutations.ts).
  if (p.description !== undefined) next.description = p.description;
  return ok(next);
}

export function deleteWin(prev: Win | undefined, _args: WinDeleteArgs, ctx: RuleContext): RuleResult<Win> {
  return softDelete(prev, ctx, 'win');
}

/**
 * Brings a deleted win back, as it was when deleted (S18): only its author, and only through this rule (an
 * edit never resurrects, S17). Restoring a live win changes nothing, so a repeated undo is harmless.
 */
export function restoreWin(prev: Win | undefined, args: WinRestoreArgs, ctx: RuleContext): RuleResult<Win> {
  if (!prev) {
    // Deletes are soft on the server, so only a device that dropped the row after the tombstone gets here.
    if (!args.copy) return fail('NOT_FOUND', 'This win does not exist');
    return ok({
      ...args.copy,
      id: args.id,
      ownerId: ctx.actor.personId,
      tags: uniq(args.copy.tags),
      createdAt: ctx.now,
      updatedAt: ctx.now,
      version: 0,
      deleted: false,
    });
  }
  if (prev.ownerId !== ctx.actor.personId) return fail('FORBIDDEN', 'Only its author can restore this win');
  if (!prev.deleted) return ok(prev);
  return ok({ ...prev, deleted: false, updatedAt: ctx.now });
}

/** Who may see a win: its author always; the author's manager only when it is shared. */
export function winVisibleTo(win: Pick<Win, 'ownerId' | 'visibility'>, viewerId: string, viewerManagesOwner: boolean): boolean {
  return win.ownerId === viewerId || (viewerManagesOwner && win.visibility === 'manager');
}

/** Case-insensitive text search over title, description and tags; `#tag` terms match tags exactly. */
export function matchesWinQuery(win: Pick<Win, 'title' | 'description' | 'tags'>, query: string): boolean {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hay = `${win.title}\n${win.description}\n${win.tags.join(' ')}`.toLowerCase();
  return terms.every((t) => (t.startsWith('#') && t.length > 1 ? win.tags.includes(t.slice(1)) : hay.includes(t)));
}
