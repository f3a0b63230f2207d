import type { Actor } from '@merit/shared/domain/person';
import type { TableName } from '@merit/shared/mutations';
import {
  type Change,
  decodeCursor,
  encodeCursor,
  PROTOCOL_VERSION,
  type PullInput,
  type PullOutput,
  type SpaceCursor,
} from '@merit/shared/sync/protocol';
import type { Db } from '../db/client';
import { domainError } from '../errors';
import { readableSpaces, tablesOf, visibleRow } from './spaces';
import { changedRows } from './tables';

const DEFAULT_PAGE = 500;

/**
 * Changes since the cursor that this person may see (S6-S9). A space's rows are read only up to the
 * space version read first: every row at or below it has committed, because its writer bumped the
 * version under the space's row lock in the same transaction.
 */
export async function pull(db: Db, actor: Actor, input: PullInput): Promise<PullOutput> {
  if (input.protocol !== PROTOCOL_VERSION) throw domainError('UPDATE_REQUIRED', 'Merit was updated: reload the app to keep syncing');
  const limit = input.limit ?? DEFAULT_PAGE;
  const device = await db.query<{ person_id: string; last_mutation_id: number }>(
    'select person_id, last_mutation_id from device where id = $1',
    [input.deviceId],
  );
  if (device[0] && device[0].person_id !== actor.personId)
    throw domainError('FORBIDDEN', 'This device belongs to another person', 'deviceId');
  const lastMutationId = device[0]?.last_mutation_id ?? 0;

  const spaces = await readableSpaces(db, actor.personId);
  const prev = decodeCursor(input.cursor);
  // A space dropped from view (a report moved to another manager) cannot be cleaned up by tombstones the
  // device never got, so the device starts over from a fresh snapshot (S9).
  const reset = prev === null || Object.keys(prev).some((s) => !spaces.includes(s));
  const from: SpaceCursor = reset ? {} : prev;

  const versions = new Map(
    (await db.query<{ id: string; version: number }>('select id, version from space where id = any($1)', [spaces])).map((r) => [
      r.id,
      r.version,
    ]),
  );
  const next: SpaceCursor = {};
  const changes: Change[] = [];
  let hasMore = false;
  for (const space of spaces) {
    const start = from[space] ?? 0;
    const end = versions.get(space) ?? 0;
    next[space] = start;
    if (start >= end) {
      next[space] = end;
      continue;
    }
    const budget = limit - changes.length;
    if (budget <= 0) {
      hasMore = true;
      continue;
    }
    const rows: { table: TableName; row: Record<string, unknown> }[] = [];
    for (const table of tablesOf(space, actor.personId)) {
      for (const row of await changedRows(db, table, space, start, end, budget + 1)) rows.push({ table, row });
    }
    rows.sort((a, b) => Number(a.row.version) - Number(b.row.version));
    // Each row write bumps its space once, so versions are unique within a space and any cut is clean.
    const page = rows.slice(0, budget);
    const last = page[page.length - 1];
    if (rows.length > budget && last) {
      hasMore = true;
      next[space] = Number(last.row.version);
    } else next[space] = end;
    for (const { table, row } of page) {
      const visible = visibleRow(table, row, actor.personId, spaces);
      // A first snapshot of a space needs no tombstones: the device has none of its rows yet.
      if (visible || start > 0) changes.push({ table, id: String(row.id), row: visible });
    }
  }
  return { cursor: encodeCursor(next), lastMutationId, reset, hasMore, changes };
}
