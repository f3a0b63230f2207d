import type { Actor } from '@merit/shared/domain/person';
import type { RuleResult } from '@merit/shared/errors';
import { mutationDef } from '@merit/shared/mutations';
import type { OutboxEntry, SyncRow } from '@/db/db';

/**
 * Runs one queued mutation's shared rule on a local row. The server owns `version`: an optimistic result
 * keeps the version of the row it was built on, so the device never claims a version the server did not give.
 */
export function applyEntry(
  prev: SyncRow | undefined,
  entry: Pick<OutboxEntry, 'name' | 'args' | 'createdAt'>,
  actor: Actor,
): RuleResult<SyncRow> {
  const def = mutationDef(entry.name);
  if (!def) return { ok: false, error: { code: 'UNKNOWN_MUTATION', message: `Unknown mutation ${entry.name}` } };
  // The device's clock may be wrong: a rule never refuses on time here, the server decides (S1, S51).
  const r = def.apply(prev, entry.args, { actor, now: entry.createdAt, clock: 'device' });
  return r.ok ? { ok: true, value: { ...r.value, version: prev?.version ?? 0 } } : r;
}

/**
 * The local view of one record: the server's copy plus the pending mutations re-applied in order. A pending
 * mutation that now fails leaves the row as it was; the server will reject it too and say so in the inbox.
 */
export function replay(base: SyncRow | null, pending: readonly OutboxEntry[], actor: Actor): SyncRow | null {
  let view = base ?? undefined;
  for (const entry of pending) {
    const r = applyEntry(view, entry, actor);
    if (r.ok) view = r.value;
  }
  return view ?? null;
}

export const recordKey = (table: string, id: string) => `${table}\u0000${id}`;
