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

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
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
 * - a conflict copy (S16): "Use my version" puts the person's text over the kept one (`base` = the current text);
 * - a refused new win: "Log it again" with a fresh id;
 * - anything else: "Apply again", the same arguments.
 */
export function reapplyPlan(r: Rejection, current: AnyRow | null, actor: Actor, now: number, newId: string): ReapplyPlan | null {
  const def = mutationDef(r.name);
  if (!def || kind(r.name).startsWith('inbox.') || !isRecord(r.args)) return null;
  let args: Record<string, unknown> = r.args;
  let label = 'Apply again';
  let prev: AnyRow | undefined = current ?? undefined;
  if (kind(r.name) === 'win.create') {
    args = { ...args, id: newId };
    label = 'Log it again';
    prev = undefined;
  } else if (kind(r.name) === 'win.update' && isRecord(args.patch)) {
    const currentText = current && 'description' in current ? current.description : undefined;
    if (r.code === 'CONFLICT') {
      // The other fields of that edit were applied; only the clashing text is left to settle.
      args = { id: args.id, patch: { description: args.patch.description } };
      label = 'Use my version';
    }
    if (isRecord(args.patch) && args.patch.description !== undefined && currentText !== undefined)
      args = { ...args, base: { description: currentText } };
  }
  const parsed = def.args.safeParse(args);
  if (!parsed.success) return null;
  const dry = def.apply(prev, parsed.data, { actor, now });
  if (!dry.ok || dry.conflict) return null;
  return { name: r.name as MutationName, args: parsed.data as MutationArgs<MutationName>, label };
}
