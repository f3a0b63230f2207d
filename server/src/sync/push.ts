import { conflictCopyMessage } from '@merit/shared/domain/long-text';
import type { Actor } from '@merit/shared/domain/person';
import type { DomainError } from '@merit/shared/errors';
import { parse } from '@merit/shared/errors';
import { type AnyMutationDef, mutationDef, type TableName } from '@merit/shared/mutations';
import { type Mutation, PROTOCOL_VERSION, type PushInput, type PushOutput, type PushResult } from '@merit/shared/sync/protocol';
import type { Db, Queryable } from '../db/client';
import { DomainTRPCError, domainError } from '../errors';
import { auditAppliedMutation } from '../reviews/audit';
import { announceHandoff } from '../reviews/handoff';
import type { BatchView, Effect } from './effects';
import { linkGoalRows } from './goal-links';
import { FAILED, isTransient, YIELD_MS } from './poison';
import { duplicate, lockDevice, Plan, type Recorded, type Row } from './push-plan';
import { bumpSpaces } from './space-version';
import { loadManyForUpdate, upsertMany } from './tables';

/** Server-side steps after a rule accepts a mutation, in this order (see effects.ts). */
const EFFECTS: readonly Effect[] = [
  linkGoalRows,
  announceHandoff,
  // Last: an audit row is written only for a mutation that nothing refused (submits, sign-off, answers after a reopen).
  async (view, name, _table, prev, row) => {
    await auditAppliedMutation(view.q, name, prev, row, view.actor);
    return null;
  },
];

interface Parsed {
  m: Mutation;
  def: AnyMutationDef | undefined;
  args: ReturnType<typeof parse<unknown>>;
}

/**
 * One push batch (or a slice of it) in ONE transaction (S4): lock the device, answer duplicates from their
 * recorded results, stop at a gap (S3), load every target row at once, run the rules in order on the
 * in-memory copies (a domain refusal is recorded and the batch goes on, S5), bump each touched space once
 * by the number of rows written to it and hand out its versions in write order (S7), write rows and
 * results with multi-row statements, and advance the device.
 */
async function applyBatch(
  q: Queryable,
  deviceId: string,
  actor: Actor,
  mutations: readonly Mutation[],
  reports: readonly string[],
  /** Set when an earlier attempt of this slice threw: every new mutation in it is filed as this failure (S40). */
  failed?: DomainError,
): Promise<{ last: number; results: PushResult[]; spaces: string[]; stopped: boolean }> {
  const start = await lockDevice(q, deviceId, actor);
  const plan = new Plan(deviceId, actor);

  // Which mutations are new is known up front: every new one advances the device, applied or refused.
  let cur = start;
  let stopped = false;
  const fresh: Mutation[] = [];
  for (const m of mutations) {
    if (m.id <= cur) continue;
    if (m.id > cur + 1) {
      stopped = true;
      break;
    }
    fresh.push(m);
    cur = m.id;
  }
  const dupIds = mutations.filter((m) => m.id <= start).map((m) => m.id);
  const recorded = new Map<number, Recorded>();
  if (dupIds.length > 0) {
    const rows = await q.query<{ mutation_id: number; status: 'applied' | 'rejected'; code: string | null; message: string | null }>(
      'select mutation_id, status, code, message from mutation_result where device_id = $1 and mutation_id = any($2)',
      [deviceId, dupIds],
    );
    for (const r of rows) recorded.set(Number(r.mutation_id), r);
  }

  const parsed: Parsed[] = fresh.map((m) => {
    const def = failed ? undefined : mutationDef(m.name);
    return { m, def, args: def ? parse(def.args, m.args) : { ok: false, error: { code: 'UNKNOWN_MUTATION', message: '' } } };
  });
  const targets = new Map<TableName, string[]>();
  for (const p of parsed) {
    if (!p.def || !p.args.ok) continue;
    const ids = targets.get(p.def.table) ?? [];
    ids.push(p.def.target(p.args.value));
    targets.set(p.def.table, ids);
  }
  // Tables in a fixed order, rows in id order: concurrent batches take their locks in the same order.
  const current = new Map<string, Row | undefined>();
  for (const table of [...targets.keys()].sort()) {
    const loaded = await loadManyForUpdate(q, table, targets.get(table) ?? []);
    for (const id of targets.get(table) ?? []) current.set(`${table}:${id}`, loaded.get(id));
  }

  let pos = 0;
  cur = start;
  let slice = performance.now();
  for (const m of mutations) {
    // Let other requests run between mutations: a batch of the largest allowed merges never holds the event loop (S42).
    if (performance.now() - slice > YIELD_MS) {
      await new Promise((r) => setImmediate(r));
      slice = performance.now();
    }
    if (m.id <= cur) {
      const done = plan.recorded.find((r) => r.mutationId === m.id);
      plan.results.push(duplicate(m.id, done ?? recorded.get(m.id)));
      continue;
    }
    const p = parsed[pos];
    if (!p || p.m !== m) break;
    pos++;
    cur = m.id;
    const now = Date.now();
    if (failed) {
      plan.reject(m, failed, now);
      continue;
    }
    if (!p.def) {
      plan.reject(m, { code: 'UNKNOWN_MUTATION', message: `Unknown change "${m.name}"` }, now);
      continue;
    }
    if (!p.args.ok) {
      plan.reject(m, p.args.error, now);
      continue;
    }
    const key = `${p.def.table}:${p.def.target(p.args.value)}`;
    const next = p.def.apply(current.get(key) as never, p.args.value, { actor, now, reports });
    if (!next.ok) {
      plan.reject(m, next.error, now);
      continue;
    }
    const row = { ...(next.value as unknown as Row) };
    const view: BatchView = {
      q,
      actor,
      now,
      seen: (t, id) => (current.has(`${t}:${id}`) ? { row: current.get(`${t}:${id}`) } : undefined),
      seenRows: (t) => [...current].filter(([k, r]) => k.startsWith(`${t}:`) && r !== undefined).map(([, r]) => r as Row),
      write: (t, r) => {
        current.set(`${t}:${String(r.id)}`, r);
        plan.write(t, r);
      },
    };
    let refused: DomainError | null = null;
    for (const effect of EFFECTS) {
      refused = await effect(view, m.name, p.def.table, current.get(key), row);
      if (refused) break;
    }
    if (refused) {
      plan.reject(m, refused, now);
      continue;
    }
    current.set(key, row);
    plan.write(p.def.table, row);
    plan.recorded.push({ mutationId: m.id, status: 'applied', code: null, message: null });
    if (!next.conflict) {
      plan.results.push({ id: m.id, status: 'applied' });
      continue;
    }
    const what = p.def.longText?.label ?? next.conflict.field;
    const conflict: DomainError = { code: 'CONFLICT', message: conflictCopyMessage(what), field: next.conflict.field };
    plan.fileInbox(m, conflict, now);
    plan.results.push({ id: m.id, status: 'applied', code: 'CONFLICT', message: conflict.message });
  }

  const spaces: string[] = [];
  if (plan.writes.size > 0) {
    const counts = new Map<string, number>();
    for (const { row } of plan.writes.values()) counts.set(String(row.ownerId), (counts.get(String(row.ownerId)) ?? 0) + 1);
    const ends = await bumpSpaces(q, counts);
    const nextVersion = new Map([...counts].map(([space, n]) => [space, (ends.get(space) ?? 0) - n + 1]));
    const byTable = new Map<TableName, Row[]>();
    for (const { table, row } of plan.writes.values()) {
      const space = String(row.ownerId);
      const v = nextVersion.get(space) ?? 0;
      nextVersion.set(space, v + 1);
      row.version = v;
      const rows = byTable.get(table) ?? [];
      rows.push(row);
      byTable.set(table, rows);
    }
    for (const table of [...byTable.keys()].sort()) await upsertMany(q, table, byTable.get(table) ?? []);
    spaces.push(...counts.keys());
  }
  if (plan.recorded.length > 0) {
    const params: unknown[] = [deviceId];
    const tuples = plan.recorded.map((r) => {
      params.push(r.mutationId, r.status, r.code, r.message);
      const n = params.length;
      return `($1, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
    });
    // One statement: `seq` still counts up in the order the server decided.
    await q.query(`insert into mutation_result (device_id, mutation_id, status, code, message) values ${tuples.join(', ')}`, params);
  }
  if (cur > start) await q.query('update device set last_mutation_id = $2, last_seen_at = now() where id = $1', [deviceId, cur]);
  return { last: cur, results: plan.results, spaces, stopped };
}

/**
 * The batch in one transaction, in the order sent: a duplicate answers its recorded result, a gap stops
 * the batch, a domain refusal is data (S5). An error rolls the transaction back; the batch is then retried
 * one mutation per transaction, so a mutation the database itself refuses (a poison pill) never holds back
 * the others: it is recorded as failed, with the person's text in their inbox, and the batch goes on (S40).
 * A transient error (connection, deadlock) stops the batch instead (thrown, so the client backs off and
 * resends; S3 makes the resend safe), and so does a failure to record the failure.
 */
export async function push(
  db: Db,
  actor: Actor,
  input: PushInput,
  onChanged: (spaces: string[]) => void,
  /** Told of each mutation filed as failed, with the error, for the server's log (the device never sees it). */
  onFailed?: (m: Mutation, error: unknown) => void,
): Promise<PushOutput> {
  if (input.protocol !== PROTOCOL_VERSION) throw domainError('UPDATE_REQUIRED', 'Merit was updated: reload the app to keep syncing');
  const changed = new Set<string>();
  // Rules that let a manager act on a report's records read the reports from here, never from the client.
  const reports = (await db.query<{ id: string }>('select id from person where manager_id = $1 and not disabled', [actor.personId])).map(
    (r) => r.id,
  );
  const run = (mutations: readonly Mutation[]) => db.tx((q) => applyBatch(q, input.deviceId, actor, mutations, reports));
  try {
    try {
      const out = await run(input.mutations);
      for (const s of out.spaces) changed.add(s);
      return { lastMutationId: out.last, results: out.results };
    } catch (e) {
      if (e instanceof DomainTRPCError || isTransient(e)) throw e;
    }
    const results: PushResult[] = [];
    let lastMutationId = 0;
    for (const m of input.mutations) {
      let out: Awaited<ReturnType<typeof run>>;
      try {
        out = await run([m]);
      } catch (e) {
        if (e instanceof DomainTRPCError || isTransient(e)) throw e;
        onFailed?.(m, e);
        out = await db.tx((q) => applyBatch(q, input.deviceId, actor, [m], reports, FAILED));
      }
      lastMutationId = Math.max(lastMutationId, out.last);
      for (const s of out.spaces) changed.add(s);
      if (out.stopped) break;
      results.push(...out.results);
    }
    return { lastMutationId, results };
  } finally {
    if (changed.size > 0) onChanged([...changed]);
  }
}
