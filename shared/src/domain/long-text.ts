import { ok, type RuleResult } from '../errors';
import { merge3 } from '../sync/merge';

/**
 * Sets a long text field the way S16 says: when the stored text is still the device's `base` (or no base was
 * sent) the person's text replaces it; when it changed since, the two edits merge word by word, and when they
 * touch the same words the stored text stays and the person's text becomes a conflict copy for their inbox.
 */
export function setLongText<T extends Record<F, string>, F extends string>(
  next: T,
  field: F,
  mine: string | undefined,
  base: string | undefined,
): RuleResult<T> {
  if (mine === undefined) return ok(next);
  const stored = next[field];
  if (base === undefined || base === stored) return ok({ ...next, [field]: mine });
  const merged = merge3(base, mine, stored);
  if (merged !== null) return ok({ ...next, [field]: merged });
  return { ok: true, value: next, conflict: { field, text: mine } };
}
