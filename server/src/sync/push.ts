import type { Actor } from '@merit/shared/domain/person';
import type { DomainError } from '@merit/shared/errors';
import { parse } from '@merit/shared/errors';
import { uuidv7 } from '@merit/shared/ids';
import { mutationDef, type TableName } from '@merit/shared/mutations';
import { type Mutation, PROTOCOL_VERSION, type PushInput, type PushOutput, type PushResult } from '@merit/shared/sync/protocol';
import type { Db, Queryable } from '../db/client';
import { domainError } from '../errors';
import { auditAppliedMutation } from '../reviews/audit';
import { bumpSpace, loadForUpdate, upsert } from './tables';

interface Applied {
  result: PushResult;
  spaces: string[];
}

/** Binds a device to the person who first used it; another person's session may not push for it (S2). */
async function lockDevice(q: Queryable, deviceId: string, actor: Actor): Promise<number> {
  await q.query('insert into device (id, person_id) values ($1, $2) on conflict (id) do nothing', [deviceId, actor.personId]);
  const rows = await q.query<{ person_id: string; last_mutation_id: number }>(
    'select person_id, last_mutation_id from device where id = $1 for update',
    [deviceId],
  );
  const row = rows[0];
  if (!row || row.person_id !== actor.personId) throw domainError('FORBIDDEN', 'This device belongs to another person', 'deviceId');
  return row.last_mutation_id;
}

/** An inbox row in the person's own space, holding what they sent: a refusal (S5) or a conflict copy (S16). */
async function fileInbox(q: Queryable, deviceId: string, m: Mutation, actor: Actor, error: DomainError, now: number): Promise<void> {
  const version = await bumpSpace(q, actor.personId);
  await upsert(q, 'rejections', {
    id: uuidv7(now),
    ownerId: actor.personId,
    deviceId,
    mutationId: m.id,
    name: m.name,
    args: m.args ?? null,
    code: error.code,
    message: error.message,
    createdAt: now,
    dismissed: false,
    version,
    deleted: false,
  });
}

async function reject(q: Queryable, deviceId: string, m: Mutation, actor: Actor, error: DomainError, now: number): Promise<Applied> {
  await fileInbox(q, deviceId, m, actor, error, now);
  await q.query('insert into mutation_result (device_id, mutation_id, status, code, message) values ($1, $2, $3, $4, $5)', [
    deviceId,
    m.id,
    'rejected',
    error.code,
    error.message,
  ]);
  return { result: { id: m.id, status: 'rejected', code: error.code, message: error.message }, spaces: [actor.personId] };
}

const CONFLICT_MESSAGE = (field: string) =>
  `Your ${field} edit clashed with one made on another device. That version was kept; yours is saved here.`;

/** Runs the shared rule on the server's copy; a domain refusal is recorded, never thrown (S4, S5). */
async function applyOne(q: Queryable, deviceId: string, m: Mutation, actor: Actor, reports: readonly string[]): Promise<Applied> {
  const now = Date.now();
  const def = mutationDef(m.name);
  if (!def) return reject(q, deviceId, m, actor, { code: 'UNKNOWN_MUTATION', message: `Unknown change "${m.name}"` }, now);
  const args = parse(def.args, m.args);
  if (!args.ok) return reject(q, deviceId, m, actor, args.error, now);
  const table: TableName = def.table;
  const prev = await loadForUpdate(q, table, def.target(args.value));
  const next = def.apply(prev as never, args.value, { actor, now, reports });
  if (!next.ok) return reject(q, deviceId, m, actor, next.error, now);
  const row = next.value as unknown as Record<string, unknown>;
  const space = String(row.ownerId);
  row.version = await bumpSpace(q, space);
  await upsert(q, table, row);
  // --- reviews (reviews-A): submits, sign-off, acknowledgement and answers after a reopen are audited ---
  await auditAppliedMutation(q, m.name, prev, row, actor);
  // --- end reviews ---
  await q.query('insert into mutation_result (device_id, mutation_id, status) values ($1, $2, $3)', [deviceId, m.id, 'applied']);
  if (!next.conflict) return { result: { id: m.id, status: 'applied' }, spaces: [space] };
  const conflict: DomainError = { code: 'CONFLICT', message: CONFLICT_MESSAGE(next.conflict.field), field: next.conflict.field };
  await fileInbox(q, deviceId, m, actor, conflict, now);
  return { result: { id: m.id, status: 'applied', code: 'CONFLICT', message: conflict.message }, spaces: [space, actor.personId] };
}

async function recorded(q: Queryable, deviceId: string, id: number): Promise<PushResult> {
  const rows = await q.query<{ status: string; code: string | null; message: string | null }>(
    'select status, code, message from mutation_result where device_id = $1 and mutation_id = $2',
    [deviceId, id],
  );
  const r = rows[0];
  return r?.status === 'rejected'
    ? { id, status: 'duplicate', code: (r.code ?? 'VALIDATION') as PushResult['code'], message: r.message ?? '' }
    : { id, status: 'duplicate' };
}

/**
 * One transaction per mutation, in the order sent: a duplicate answers its recorded result, a gap stops
 * the batch, an infrastructure error stops it too (thrown, so the client backs off and resends).
 */
export async function push(db: Db, actor: Actor, input: PushInput, onChanged: (spaces: string[]) => void): Promise<PushOutput> {
  if (input.protocol !== PROTOCOL_VERSION) throw domainError('UPDATE_REQUIRED', 'Merit was updated: reload the app to keep syncing');
  const results: PushResult[] = [];
  const changed = new Set<string>();
  let lastMutationId = 0;
  // Rules that let a manager act on a report's records read the reports from here, never from the client.
  const reports = (await db.query<{ id: string }>('select id from person where manager_id = $1 and not disabled', [actor.personId])).map(
    (r) => r.id,
  );
  try {
    for (const m of input.mutations) {
      const step = await db.tx(async (q) => {
        const last = await lockDevice(q, input.deviceId, actor);
        if (m.id <= last) return { last, applied: { result: await recorded(q, input.deviceId, m.id), spaces: [] } };
        if (m.id > last + 1) return { last, applied: null };
        const applied = await applyOne(q, input.deviceId, m, actor, reports);
        await q.query('update device set last_mutation_id = $2, last_seen_at = now() where id = $1', [input.deviceId, m.id]);
        return { last: m.id, applied };
      });
      lastMutationId = Math.max(lastMutationId, step.last);
      if (!step.applied) break;
      results.push(step.applied.result);
      for (const s of step.applied.spaces) changed.add(s);
    }
    if (input.mutations.length === 0) {
      lastMutationId = await db.tx((q) => lockDevice(q, input.deviceId, actor));
    }
  } finally {
    if (changed.size > 0) onChanged([...changed]);
  }
  return { lastMutationId, results };
}
