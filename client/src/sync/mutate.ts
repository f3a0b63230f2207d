import type { Actor } from '@merit/shared/domain/person';
import { parse, type RuleResult } from '@merit/shared/errors';
import { type MUTATIONS, type MutationArgs, type MutationName, mutationDef, type SyncTables } from '@merit/shared/mutations';
import { useCallback } from 'react';
import type { MeritDb, SyncRow } from '@/db/db';
import { useDb } from '@/db/hooks';
import { getMeta, setMeta } from '@/db/meta';
import { applyEntry } from './rebase';

/** The row type a mutation produces: `win.update@1` gives a `Win`. */
export type MutationRow<N extends MutationName> = SyncTables[(typeof MUTATIONS)[N]['table']];

/**
 * The one write path for synced data (rule S12 in docs/SYNC.md). In ONE strict-durability transaction: run
 * the shared rule on the local row, write the result, keep the server copy as a shadow for rebase, and
 * append the mutation to the outbox with the next per-device id. A rule failure writes nothing.
 * `afterCommit` runs only after a successful commit (the engine's debounced `requestSync`).
 */
export async function mutate<N extends MutationName>(
  db: MeritDb,
  actor: Actor,
  name: N,
  args: MutationArgs<N>,
  now: number = Date.now(),
  afterCommit?: () => void,
): Promise<RuleResult<MutationRow<N>>> {
  const def = mutationDef(name);
  if (!def) return { ok: false, error: { code: 'UNKNOWN_MUTATION', message: `Unknown mutation ${name}` } };
  const parsed = parse(def.args, args);
  if (!parsed.ok) return parsed;
  const d = db.durable;
  const table = d.syncTable(def.table);
  const id = def.target(parsed.value);
  const result = await d.transaction('rw', [table, d.outbox, d.meta, d.shadows], async (): Promise<RuleResult<SyncRow>> => {
    // The three reads are sent together and the writes too: one round trip each instead of one per request,
    // which is most of the cost on a slow phone. Same transaction, same reads, same writes (S12).
    const [prev, shadow, next] = await Promise.all([table.get(id), d.shadows.get([def.table, id]), getMeta(d, 'nextMutationId')]);
    const entry = { name, args: parsed.value, createdAt: now };
    const r = applyEntry(prev, entry, actor);
    if (!r.ok) return r;
    const mutationId = next ?? 1;
    // Awaited before the transaction ends, never cut short with an early idbtrans.commit(): that would save
    // a trip through a busy main thread, but a write failing after it (the outbox's unique mutationId) could
    // no longer abort the others, and the row would be saved without its outbox entry (mutate.test.ts).
    await Promise.all([
      table.put(r.value),
      // No shadow means no pending entry: the stored row is still the server's copy, so it becomes the shadow.
      shadow ? undefined : d.shadows.put({ table: def.table, id, row: prev ?? null }),
      setMeta(d, 'nextMutationId', mutationId + 1),
      d.outbox.add({ ...entry, mutationId, table: def.table, target: id }),
    ]);
    return r;
  });
  if (result.ok) afterCommit?.();
  return result as RuleResult<MutationRow<N>>;
}

/** `mutate` bound to the signed-in person's database, asking the engine to sync after each commit. */
export function useMutate(): <N extends MutationName>(name: N, args: MutationArgs<N>) => Promise<RuleResult<MutationRow<N>>> {
  const { db, actor, engine } = useDb();
  return useCallback((name, args) => mutate(db, actor, name, args, Date.now(), () => engine.requestSync()), [db, actor, engine]);
}
