import type { MyRecord } from '@merit/shared/domain/my-record';
import { TABLES } from '@merit/shared/mutations';
import { useLiveQuery } from 'dexie-react-hooks';
import type { MeritDb } from './db';
import { useDb } from './hooks';

/**
 * The person's own record from this device: every live row of THEIR OWN space in every synced table
 * (generic over TABLES, so tables added later come along). A manager's device also holds rows of reports'
 * spaces (shared wins, shared feedback); those are someone else's record and are left out.
 */
export async function readOwnRecord(db: MeritDb, person: { name: string; email: string }, now = Date.now()): Promise<MyRecord> {
  const tables: MyRecord['tables'] = {};
  for (const t of TABLES) {
    const rows = await db.syncTable(t).toArray();
    tables[t] = rows
      .filter((r) => r.ownerId === db.personId && !r.deleted)
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((r) => ({ ...r }) as Record<string, unknown>);
  }
  return { source: 'device', generatedAt: now, person: { id: db.personId, ...person }, tables };
}

/** The record, live, for the printable page; `undefined` while loading. */
export function useOwnRecord(person: { name: string; email: string }): MyRecord | undefined {
  const { db } = useDb();
  return useLiveQuery(() => readOwnRecord(db, person), [db, person.name, person.email]);
}
