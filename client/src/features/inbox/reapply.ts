import type { Actor } from '@merit/shared/domain/person';
import type { Rejection } from '@merit/shared/domain/rejection';
import { type MutationArgs, type MutationName, mutationDef, type SyncTables, type TableName } from '@merit/shared/mutations';

type AnyRow = SyncTables[TableName];

export interface ReapplyPlan {
  name: MutationName;
  args: MutationArgs<MutationName>;
  /** The button's words: what reapplying will do. */
  label: string;
}

const kind = (name: string) => name.split('@')[0] ?? '';

/** The record a refused mutation was about, so the inbox can read its current state; null if it names none. */
export function reapplyTarget(r: Pick<Rejection, 'name' | 'args'>): { table: TableName; id: string } | null {
  const def = mutationDef(r.name);
  if (!def || kind(r.name) === 'win.create') return null;
  const parsed = def.args.safeParse(r.args);
  return parsed.success ? { table: def.table, id: def.target(parsed.data) } : null;
}

/**
 * How to send a refused change again, as a NEW mutation against the record as it is now, or null when that
 * is no longer allowed. Allowed means the shared rule accepts it on the current local row: a deleted win
 * takes no edit (S17), someone else's record takes none at all. The server still decides.
 * - a conflict copy (S16, S50), of whichever long text the mutation declares (`longText` in the registry):
 *   "Use my version" sends only the person's text, with `base` = the text kept now, so it replaces it;
 * - a refused new win: "Log it again" with a fresh id;
 * - anything else: "Apply again", the same arguments (a long text edited from the text kept now).
 */
export function reapplyPlan(r: Rejection, current: AnyRow | null, actor: Actor, now: number, newId: string): ReapplyPlan | null {
  const def = mutationDef(r.name);
  if (!def || kind(r.name).startsWith('inbox.')) return null;
  const sent = def.args.safeParse(r.args);
  if (!sent.success) return null;
  let args: unknown = sent.data;
  let label = 'Apply again';
  let prev: AnyRow | undefined = current ?? undefined;
  const lt = def.longText;
  if (kind(r.name) === 'win.create' && typeof r.args === 'object' && r.args !== null) {
    args = { ...r.args, id: newId };
    label = 'Log it again';
    prev = undefined;
  } else if (lt && current && lt.mine(sent.data) !== undefined) {
    const kept = lt.stored(current, sent.data);
    if (r.code === 'CONFLICT') {
      // The other fields of that edit were applied; only the clashing text is left to settle.
      args = lt.only(sent.data, kept);
      label = 'Use my version';
    } else args = lt.withBase(sent.data, kept);
  }
  const parsed = def.args.safeParse(args);
  if (!parsed.success) return null;
  // On the device's clock: a deadline is the server's to decide (S1, S51), so it never hides the button.
  const dry = def.apply(prev, parsed.data, { actor, now, clock: 'device' });
  if (!dry.ok || dry.conflict) return null;
  return { name: r.name as MutationName, args: parsed.data as MutationArgs<MutationName>, label };
}
