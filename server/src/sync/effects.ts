import type { Actor } from '@merit/shared/domain/person';
import type { DomainError } from '@merit/shared/errors';
import type { TableName } from '@merit/shared/mutations';
import type { Queryable } from '../db/client';

export type Row = Record<string, unknown>;

/**
 * What a push batch knows while it runs its rules: rows it loaded or wrote (keyed `table:id`; `undefined`
 * means "looked for, does not exist"), and a way to write more rows with the batch, so they get versions in
 * write order like every other row (S7).
 */
export interface BatchView {
  q: Queryable;
  actor: Actor;
  now: number;
  /** The batch's copy of a row: `{ row }` when the batch has seen it (row undefined = absent), else undefined. */
  seen(table: TableName, id: string): { row: Row | undefined } | undefined;
  /** Rows of a table this batch has seen, for effects that look for siblings written earlier in the batch. */
  seenRows(table: TableName): Row[];
  write(table: TableName, row: Row): void;
}

/**
 * A server-side step after a rule accepted a mutation, inside the push transaction: what a rule cannot see
 * from one record (a check-in's goal, S20) or what must be recorded beside it (the review audit trail).
 * Returning an error refuses the mutation as if its rule had (S5): nothing of it is written.
 */
export type Effect = (view: BatchView, name: string, table: TableName, prev: Row | undefined, row: Row) => Promise<DomainError | null>;
