import type { SyncTables, TableName } from '@merit/shared/mutations';
import type { Queryable } from '../db/client';

type Row = Record<string, unknown>;

/** The row fields of a synced table, optional ones included: each must name its column. */
type Fields<T extends TableName> = keyof SyncTables[T] & string;

interface TableSpec<T extends TableName = TableName> {
  sql: string;
  /** camelCase field -> column; every synced row has id, ownerId (its space), version and deleted. */
  columns: { readonly [F in Fields<T>]-?: string };
  json?: readonly Fields<T>[];
}

/**
 * Each synced table's SQL shape, typed against its row type in `shared/` (`SyncTables`, from the zod schemas):
 * a field added to a schema and not mapped here fails to compile, and one mapped here that the schema lacks too,
 * so nothing is silently dropped between the wire and PostgreSQL (`tables.test.ts` checks the columns exist).
 */
const SPECS: { readonly [T in TableName]: TableSpec<T> } = {
  wins: {
    sql: 'win',
    columns: {
      id: 'id',
      ownerId: 'owner_id',
      title: 'title',
      description: 'description',
      date: 'date',
      tags: 'tags',
      visibility: 'visibility',
      goalId: 'goal_id',
      krId: 'kr_id',
      createdAt: 'created_at',
      updatedAt: 'updated_at',
      version: 'version',
      deleted: 'deleted',
    },
  },
  rejections: {
    sql: 'rejection',
    columns: {
      id: 'id',
      ownerId: 'owner_id',
      deviceId: 'device_id',
      mutationId: 'mutation_id',
      name: 'name',
      args: 'args',
      code: 'code',
      message: 'message',
      createdAt: 'created_at',
      dismissed: 'dismissed',
      version: 'version',
      deleted: 'deleted',
    },
    json: ['args'],
  },
  // --- notes ---
  notes: {
    sql: 'note',
    columns: {
      id: 'id',
      ownerId: 'owner_id',
      title: 'title',
      body: 'body',
      tags: 'tags',
      pinned: 'pinned',
      date: 'date',
      createdAt: 'created_at',
      updatedAt: 'updated_at',
      version: 'version',
      deleted: 'deleted',
    },
  },
  feedback: {
    sql: 'feedback',
    columns: {
      id: 'id',
      ownerId: 'owner_id',
      fromId: 'from_id',
      fromName: 'from_name',
      date: 'date',
      body: 'body',
      visibility: 'visibility',
      createdAt: 'created_at',
      updatedAt: 'updated_at',
      version: 'version',
      deleted: 'deleted',
    },
  },
  managerNotes: {
    sql: 'manager_note',
    columns: {
      id: 'id',
      ownerId: 'owner_id',
      subjectId: 'subject_id',
      body: 'body',
      date: 'date',
      createdAt: 'created_at',
      updatedAt: 'updated_at',
      version: 'version',
      deleted: 'deleted',
    },
  },
  // --- end notes ---
  // goals and check-ins (issue 5)
  goals: {
    sql: 'goal',
    columns: {
      id: 'id',
      ownerId: 'owner_id',
      title: 'title',
      description: 'description',
      periodStart: 'period_start',
      dueDate: 'due_date',
      visibility: 'visibility',
      status: 'status',
      parentId: 'parent_id',
      proposedBy: 'proposed_by',
      keyResults: 'key_results',
      createdAt: 'created_at',
      updatedAt: 'updated_at',
      version: 'version',
      deleted: 'deleted',
    },
    json: ['keyResults'],
  },
  checkins: {
    sql: 'checkin',
    columns: {
      id: 'id',
      ownerId: 'owner_id',
      goalId: 'goal_id',
      krId: 'kr_id',
      value: 'value',
      confidence: 'confidence',
      note: 'note',
      date: 'date',
      goalVisibility: 'goal_visibility',
      createdAt: 'created_at',
      updatedAt: 'updated_at',
      version: 'version',
      deleted: 'deleted',
    },
  },
  // notifications
  notifications: {
    sql: 'notification',
    columns: {
      id: 'id',
      ownerId: 'owner_id',
      kind: 'kind',
      title: 'title',
      body: 'body',
      link: 'link',
      createdAt: 'created_at',
      read: 'read',
      version: 'version',
      deleted: 'deleted',
    },
  },
  // --- reviews ---
  reviews: {
    sql: 'review',
    columns: {
      id: 'id',
      ownerId: 'owner_id',
      cycleId: 'cycle_id',
      managerId: 'manager_id',
      cycleName: 'cycle_name',
      periodStart: 'period_start',
      periodEnd: 'period_end',
      template: 'template',
      state: 'state',
      selfDeadline: 'self_deadline',
      managerDeadline: 'manager_deadline',
      selfSubmittedAt: 'self_submitted_at',
      managerSubmittedAt: 'manager_submitted_at',
      signedOffAt: 'signed_off_at',
      acknowledgedAt: 'acknowledged_at',
      ackComment: 'ack_comment',
      selfAnswers: 'self_answers',
      managerAnswers: 'manager_answers',
      reopenCount: 'reopen_count',
      createdAt: 'created_at',
      updatedAt: 'updated_at',
      version: 'version',
      deleted: 'deleted',
    },
    json: ['template', 'selfAnswers', 'managerAnswers'],
  },
  // --- end reviews ---
};

/** A table's spec as the row code reads it: rows come and go as plain records. */
const specOf = (t: TableName): { sql: string; columns: Readonly<Record<string, string>>; json?: readonly string[] } => SPECS[t];

/** The field -> column map of a synced table, for the tests that hold it to the schema and the database. */
export const tableColumns = (t: TableName): Readonly<Record<string, string>> => specOf(t).columns;

export const tableSql = (t: TableName) => specOf(t).sql;

export function fromDb(t: TableName, r: Row): Row {
  const out: Row = {};
  for (const [field, col] of Object.entries(specOf(t).columns)) out[field] = r[col];
  return out;
}

export async function loadForUpdate(q: Queryable, t: TableName, id: string): Promise<Row | undefined> {
  const rows = await q.query<Row>(`select * from ${specOf(t).sql} where id = $1 for update`, [id]);
  return rows[0] ? fromDb(t, rows[0]) : undefined;
}

export async function upsert(q: Queryable, t: TableName, row: Row): Promise<void> {
  await upsertMany(q, t, [row]);
}

/** Rows of one space changed after `from` and up to `to`, oldest first. */
export async function changedRows(q: Queryable, t: TableName, space: string, from: number, to: number, limit: number): Promise<Row[]> {
  const rows = await q.query<Row>(
    `select * from ${specOf(t).sql} where owner_id = $1 and version > $2 and version <= $3 order by version limit $4`,
    [space, from, to, limit],
  );
  return rows.map((r) => fromDb(t, r));
}

// --- notes: export of one's own record ---
/** Every live row of one table in one space, oldest first (the export of a person's own record). */
export async function ownRows(q: Queryable, t: TableName, space: string): Promise<Row[]> {
  const rows = await q.query<Row>(`select * from ${specOf(t).sql} where owner_id = $1 and not deleted order by version`, [space]);
  return rows.map((r) => fromDb(t, r));
}
// --- end notes ---
// ---- Batched helpers for push (one transaction per push batch) ----

/** The rows with these ids, locked for update in id order (a fixed lock order, so two batches never deadlock). */
export async function loadManyForUpdate(q: Queryable, t: TableName, ids: readonly string[]): Promise<Map<string, Row>> {
  const out = new Map<string, Row>();
  if (ids.length === 0) return out;
  const rows = await q.query<Row>(`select * from ${specOf(t).sql} where id = any($1) order by id for update`, [[...new Set(ids)]]);
  for (const r of rows) out.set(String(r.id), fromDb(t, r));
  return out;
}

/** Rows per statement: 500 rows of at most ~20 columns stay far below PostgreSQL's 65,535 parameters. */
const UPSERT_CHUNK = 500;

/** `upsert` for many rows of one table in few statements. Each id must appear once. */
export async function upsertMany(q: Queryable, t: TableName, rows: readonly Row[]): Promise<void> {
  const spec = specOf(t);
  const fields = Object.keys(spec.columns);
  const cols = fields.map((f) => spec.columns[f]);
  const updates = cols.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
  for (let start = 0; start < rows.length; start += UPSERT_CHUNK) {
    const chunk = rows.slice(start, start + UPSERT_CHUNK);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const values = fields.map((f) => {
        const json = spec.json?.includes(f);
        params.push(json ? JSON.stringify(row[f] ?? null) : row[f]);
        return json ? `$${params.length}::jsonb` : `$${params.length}`;
      });
      return `(${values.join(', ')})`;
    });
    await q.query(
      `insert into ${spec.sql} (${cols.join(', ')}) values ${tuples.join(', ')} on conflict (id) do update set ${updates.join(', ')}`,
      params,
    );
  }
}
