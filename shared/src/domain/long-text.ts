import { ok, type RuleResult } from '../errors';
import { merge3 } from '../sync/merge';

/**
 * The long text a mutation edits (S16, S50), declared ONCE on its registry entry (`longText` in mutations.ts).
 * The registry runs the three-way merge from this declaration around the rule, on the device and on the server
 * alike; the server names the text in a conflict copy's message from `label`; the inbox shows only `mine` of a
 * conflict copy and builds "Use my version" from `only`; the tests walk every declaration. A rule itself just
 * sets the person's text, as for any other field.
 */
export interface LongText<A, R> {
  /** The text in words, for the conflict message and the inbox: "description", "note", "answer". */
  label: string;
  /** The field a conflict copy names (`ConflictCopy.field`), as a path in the arguments. */
  field: string;
  /** The person's text in these arguments, or undefined when this edit does not touch it. */
  mine(args: A): string | undefined;
  /** The text the device edited from, or undefined when the edit carries none (then it simply replaces). */
  base(args: A): string | undefined;
  /** The text stored on the row this edit is about. */
  stored(row: R, args: A): string;
  /** The row with the text set to `text`. */
  put(row: R, args: A, text: string): R;
  /** The same arguments, edited from `base` instead: the inbox's "Apply again" of a refused edit puts the text back. */
  withBase(args: A, base: string): A;
  /**
   * Arguments that send only this text, edited from `base` (the text kept now): the inbox's "Use my version".
   * Unknown, because the caller parses them with the mutation's own schema before sending.
   */
  only(args: A, base: string): unknown;
}

/**
 * The message a conflict copy is filed with (S16, S50), `label` from the declaration. The inbox tells a conflict
 * copy from a refusal that happens to carry `CONFLICT` (a review already submitted, say) by this message.
 */
export const conflictCopyMessage = (label: string) =>
  `Your ${label} edit clashed with one made on another device. That version was kept; yours is saved here.`;

/**
 * Settles one long text the way S16 says, given the rule's result: when the stored text is still the device's
 * `base` (or no base was sent) the person's text stands as the rule set it; when it changed since, the two edits
 * merge word by word, and when they touch the same words (or the merge gives up, past its budget) the stored text
 * stays and the person's text becomes a conflict copy for their inbox. The rule's other fields apply either way.
 */
export function settleLongText<A, R>(lt: LongText<A, R>, prev: R | undefined, args: A, result: RuleResult<R>): RuleResult<R> {
  if (!result.ok || result.conflict || prev === undefined) return result;
  const mine = lt.mine(args);
  const base = lt.base(args);
  if (mine === undefined || base === undefined) return result;
  const stored = lt.stored(prev, args);
  if (stored === base || stored === mine) return result;
  const merged = merge3(base, mine, stored);
  if (merged !== null) return ok(lt.put(result.value, args, merged));
  return { ok: true, value: lt.put(result.value, args, stored), conflict: { field: lt.field, text: mine } };
}

/** An update shaped `{ id, patch: { [field]?: text }, base?: { [field]: text } }`, the text stored as `row[field]`. */
export function patchText<
  F extends string,
  A extends { id: string; patch: Partial<Record<F, string>>; base?: Partial<Record<F, string>> },
  R extends Record<F, string>,
>(field: F, label: string): LongText<A, R> {
  return {
    label,
    field,
    mine: (a) => a.patch[field],
    base: (a) => a.base?.[field],
    stored: (row) => row[field],
    put: (row, _a, text) => ({ ...row, [field]: text }),
    withBase: (a, base) => ({ ...a, base: { ...a.base, [field]: base } }),
    only: (a, base) => ({ id: a.id, patch: { [field]: a.patch[field] }, base: { [field]: base } }),
  };
}
