import type { Win, WinRestoreArgs, WinUpdateArgs } from '@merit/shared/domain/win';
import type { WinFormOutput, WinFormValues } from './win-form-schema';

/** A win as the edit form shows it: tags as the text a person would type. */
export const formValuesOf = (w: Win): WinFormValues => ({
  title: w.title,
  date: w.date,
  description: w.description,
  tags: w.tags.join(', '),
  visibility: w.visibility,
});

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The edit as a patch of only the fields the person changed, measured against the win as it was when the
 * form opened: a field they did not touch is not sent, so a change made meanwhile on another device stands
 * (per-field last writer wins, S16). A changed description carries the text it was edited from as `base`,
 * so the server can merge or hand back a conflict copy. `null` when nothing changed.
 */
export function winEdit(opened: Win, values: WinFormOutput): WinUpdateArgs | null {
  const patch: WinUpdateArgs['patch'] = {};
  if (values.title !== opened.title) patch.title = values.title;
  if (values.date !== opened.date) patch.date = values.date;
  if (!sameList(values.tags, opened.tags)) patch.tags = values.tags;
  if (values.visibility !== opened.visibility) patch.visibility = values.visibility;
  if (values.description !== opened.description) patch.description = values.description;
  if (Object.keys(patch).length === 0) return null;
  return patch.description === undefined ? { id: opened.id, patch } : { id: opened.id, patch, base: { description: opened.description } };
}

/** What "Undo" sends after a delete: the id, and the win as shown, for a device that drops the row first (S18). */
export const restoreArgs = (w: Win): WinRestoreArgs => ({
  id: w.id,
  copy: {
    title: w.title,
    date: w.date,
    description: w.description,
    tags: w.tags,
    visibility: w.visibility,
    goalId: w.goalId,
    krId: w.krId,
  },
});
