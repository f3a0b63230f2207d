import type { Actor } from '@merit/shared/domain/person';
import { TABLES, type TableName } from '@merit/shared/mutations';
import type { Change, PullOutput } from '@merit/shared/sync/protocol';
import type { MeritDb, OutboxEntry, SyncRow } from '@/db/db';
import { getMeta, setMeta } from '@/db/meta';
import { recordKey, replay } from './rebase';
import type { SyncTransport } from './transport';

export interface PullContext {
  db: MeritDb;
  actor: Actor;
  transport: SyncTransport;
  deviceId: string;
  protocol: number;
  now: () => number;
  /** Called after each applied page with the number of changes in it, while a snapshot is loading. */
  onSnapshotProgress?: (changes: number) => void;
}

const known = (t: string): t is TableName => (TABLES as readonly string[]).includes(t);

/** Pulls pages until the server has no more, each applied in its own transaction (rules S6, S13). */
export async function pullAll(ctx: PullContext): Promise<void> {
  let cursor = (await getMeta(ctx.db, 'cursor')) ?? null;
  let snapshot = cursor === null;
  for (;;) {
    const page = await ctx.transport.pull({ protocol: ctx.protocol, deviceId: ctx.deviceId, cursor });
    snapshot ||= page.reset;
    const done = !page.hasMore;
    await applyPullPage(ctx.db, ctx.actor, page, done ? ctx.now() : null);
    if (snapshot) ctx.onSnapshotProgress?.(page.changes.length);
    if (done) return;
    if (page.cursor === cursor) throw new Error('The server sent more pages without moving the cursor.');
    cursor = page.cursor;
  }
}

/**
 * Applies one page in ONE transaction, so the UI never sees half of it: the rows, the cursor, the dropped
 * outbox entries and the rebased view of every record with pending mutations (rules S9, S13).
 * Acknowledged entries are dropped only on the last page: their effect may still be in a later page, and
 * until then the optimistic view stands. `syncedAt` is set on the last page.
 */
export async function applyPullPage(db: MeritDb, actor: Actor, page: PullOutput, syncedAt: number | null): Promise<void> {
  const last = !page.hasMore;
  const tables = TABLES.map((t) => db.syncTable(t));
  await db.transaction('rw', [...tables, db.outbox, db.meta, db.shadows], async () => {
    if (page.reset) {
      await Promise.all(tables.map((t) => t.clear()));
      // The snapshot is the whole truth: a record it does not (yet) hold has no server copy.
      await db.shadows.toCollection().modify({ row: null });
    }
    const pulled = new Map<string, Change & { table: TableName }>();
    for (const c of page.changes) if (known(c.table)) pulled.set(recordKey(c.table, c.id), c);

    const entries = await db.outbox.orderBy('mutationId').toArray();
    const byRecord = new Map<string, OutboxEntry[]>();
    for (const e of entries) {
      const k = recordKey(e.table, e.target);
      const list = byRecord.get(k) ?? [];
      list.push(e);
      byRecord.set(k, list);
    }

    await writeAll(
      db,
      [...pulled].filter(([k]) => !byRecord.has(k)).map(([, c]) => c),
    );

    for (const [k, pending] of byRecord) {
      const change = pulled.get(k);
      if (!change && !last && !page.reset) continue;
      const head = pending[0];
      if (!head) continue;
      const shadow = change ? undefined : await db.shadows.get([head.table, head.target]);
      const base = change ? (change.row as SyncRow | null) : (shadow?.row ?? null);
      const remaining = pending.filter((e) => e.mutationId > page.lastMutationId);
      await write(db, head.table, head.target, replay(base, remaining, actor));
      if (last && remaining.length === 0) await db.shadows.delete([head.table, head.target]);
      else await db.shadows.put({ table: head.table, id: head.target, row: base });
    }

    if (last) {
      const acked = entries.filter((e) => e.mutationId <= page.lastMutationId);
      await db.outbox.bulkDelete(acked.flatMap((e) => (e.seq === undefined ? [] : [e.seq])));
      if (syncedAt !== null) await setMeta(db, 'lastSyncedAt', syncedAt);
    }
    await setMeta(db, 'cursor', page.cursor);
  });
}

/** Plain rows (no pending mutations) go in with one bulk call per table: a snapshot page holds up to 1000. */
async function writeAll(db: MeritDb, changes: readonly (Change & { table: TableName })[]): Promise<void> {
  for (const t of TABLES) {
    const mine = changes.filter((c) => c.table === t);
    await db.syncTable(t).bulkPut(mine.flatMap((c) => (c.row ? [c.row as SyncRow] : [])));
    await db.syncTable(t).bulkDelete(mine.flatMap((c) => (c.row ? [] : [c.id])));
  }
}

async function write(db: MeritDb, table: TableName, id: string, row: SyncRow | null): Promise<void> {
  if (row) await db.syncTable(table).put(row);
  else await db.syncTable(table).delete(id);
}
