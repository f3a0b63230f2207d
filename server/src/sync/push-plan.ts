// The device lock and the in-memory plan of one push batch (S2-S5); push.ts runs the batch.
import type { Actor } from '@merit/shared/domain/person';
import type { DomainError } from '@merit/shared/errors';
import { uuidv7 } from '@merit/shared/ids';
import type { TableName } from '@merit/shared/mutations';
import type { Mutation, PushResult } from '@merit/shared/sync/protocol';
import { storable, storableText } from '@merit/shared/text-rule';
import type { Queryable } from '../db/client';
import { domainError } from '../errors';

export type Row = Record<string, unknown>;

/** Binds a device to the person who first used it; another person's session may not push for it (S2). */
export async function lockDevice(q: Queryable, deviceId: string, actor: Actor): Promise<number> {
  await q.query('insert into device (id, person_id) values ($1, $2) on conflict (id) do nothing', [deviceId, actor.personId]);
  const rows = await q.query<{ person_id: string; last_mutation_id: number }>(
    'select person_id, last_mutation_id from device where id = $1 for update',
    [deviceId],
  );
  const row = rows[0];
  if (!row || row.person_id !== actor.personId) throw domainError('FORBIDDEN', 'This device belongs to another person', 'deviceId');
  return Number(row.last_mutation_id);
}

export interface Recorded {
  status: 'applied' | 'rejected';
  code: string | null;
  message: string | null;
}

export function duplicate(id: number, r: Recorded | undefined): PushResult {
  return r?.status === 'rejected'
    ? { id, status: 'duplicate', code: (r.code ?? 'VALIDATION') as PushResult['code'], message: r.message ?? '' }
    : { id, status: 'duplicate' };
}

/** What a batch does, planned in memory before anything is written. */
export class Plan {
  readonly results: PushResult[] = [];
  readonly recorded: { mutationId: number; status: 'applied' | 'rejected'; code: string | null; message: string | null }[] = [];
  /** The last write of each row, keyed `table:id`, in the order of that write: versions follow this order. */
  readonly writes = new Map<string, { table: TableName; row: Row }>();

  constructor(
    readonly deviceId: string,
    readonly actor: Actor,
  ) {}

  write(table: TableName, row: Row): void {
    const key = `${table}:${String(row.id)}`;
    // A row written twice in one batch is written once, with the version of its last write.
    this.writes.delete(key);
    this.writes.set(key, { table, row });
  }

  /** An inbox row in the person's own space, holding what they sent: a refusal (S5) or a conflict copy (S16). */
  fileInbox(m: Mutation, error: DomainError, now: number): void {
    this.write('rejections', {
      id: uuidv7(now),
      ownerId: this.actor.personId,
      deviceId: this.deviceId,
      mutationId: m.id,
      // Whatever the device sent is kept, made storable: jsonb refuses NUL and lone surrogates (S45).
      name: storableText(m.name),
      args: storable(m.args ?? null),
      code: error.code,
      message: storableText(error.message),
      createdAt: now,
      dismissed: false,
      version: 0,
      deleted: false,
    });
  }

  reject(m: Mutation, error: DomainError, now: number): void {
    this.fileInbox(m, error, now);
    this.recorded.push({ mutationId: m.id, status: 'rejected', code: error.code, message: storableText(error.message) });
    this.results.push({ id: m.id, status: 'rejected', code: error.code, message: error.message });
  }
}
