import { today as localToday } from '@merit/shared/domain/common';
import type { Notification } from '@merit/shared/domain/notification';
import type { Actor } from '@merit/shared/domain/person';
import type { Rejection } from '@merit/shared/domain/rejection';
import type { Review } from '@merit/shared/domain/review';
import type { Win } from '@merit/shared/domain/win';
import { matchesWinFilter, type WinFilter } from '@merit/shared/domain/win-filter';
import type { SyncTables, TableName } from '@merit/shared/mutations';
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, createElement, type ReactNode, useContext, useMemo } from 'react';
import type { SyncEngine } from '@/sync/engine';
import type { MeritDb } from './db';

/** The signed-in person's database, who they are, and their sync engine. The only read path for synced tables. */
export interface DbContextValue {
  db: MeritDb;
  actor: Actor;
  engine: SyncEngine;
}

const DbContext = createContext<DbContextValue | null>(null);

export function DbProvider({ db, actor, engine, children }: DbContextValue & { children?: ReactNode }) {
  const value = useMemo(() => ({ db, actor, engine }), [db, actor, engine]);
  return createElement(DbContext.Provider, { value }, children);
}

export function useDb(): DbContextValue {
  const v = useContext(DbContext);
  if (!v) throw new Error('useDb() needs a <DbProvider> above it (the signed-in part of the app).');
  return v;
}

/** Newest first: by day, then by when it was logged. */
const byDateDesc = (a: Win, b: Win) => b.date.localeCompare(a.date) || b.createdAt - a.createdAt;

/**
 * The person's wins, not deleted, newest first; `undefined` while loading. The filter (text, tags, period,
 * goal) narrows the list; `today` (YYYY-MM-DD, local) anchors "this month" and the other periods.
 */
export function useWins(filter: WinFilter = {}, today: string = localToday()): Win[] | undefined {
  const { db } = useDb();
  // The filter's contents, not its identity, decide when to query again (a new object each render is fine).
  const key = JSON.stringify(filter);
  return useLiveQuery(async () => {
    const f = JSON.parse(key) as WinFilter;
    const first = f.tags?.[0];
    const rows = first ? await db.wins.where('tags').equals(first).toArray() : await db.wins.toArray();
    // A manager's device also holds the wins reports shared: those show on the report's page, not in mine.
    return rows.filter((w) => w.ownerId === db.personId && matchesWinFilter(w, f, today)).sort(byDateDesc);
  }, [db, key, today]);
}

/** One win by id: `undefined` while loading, `null` when this device does not have it (or it was deleted). */
export function useWin(id: string): Win | null | undefined {
  return useSyncRow('wins', id);
}

/**
 * One row of any synced table by id, live: `undefined` while loading, `null` when this device does not
 * hold it or it was deleted (the inbox reads what a refused change was about).
 */
export function useSyncRow<T extends TableName>(table: T | null, id: string | null): SyncTables[T] | null | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => {
    if (!table || !id) return null;
    // The table named `table` holds rows of that table's type (SyncTables).
    const row = (await db.syncTable(table).get(id)) as SyncTables[T] | undefined;
    return row && !row.deleted ? row : null;
  }, [db, table, id]);
}

/** Every tag on a live win, most used first (ties alphabetical). */
export function useWinTags(): string[] {
  const { db } = useDb();
  return (
    useLiveQuery(async () => {
      const counts = new Map<string, number>();
      await db.wins.each((w) => {
        if (!w.deleted) for (const t of w.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
      });
      return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
    }, [db]) ?? []
  );
}

/** Rejected edits still waiting for the person, newest first; `undefined` while loading. */
export function useInbox(): Rejection[] | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => {
    const rows = await db.rejections.orderBy('createdAt').reverse().toArray();
    return rows.filter((r) => !r.dismissed && !r.deleted);
  }, [db]);
}

/** How many changes this device has not yet had confirmed by the server (the "unsynced" badge). */
export function usePendingCount(): number {
  const { db } = useDb();
  return useLiveQuery(() => db.outbox.count(), [db], 0);
}

// notifications
/** The person's notifications, newest first; `undefined` while loading. */
export function useNotifications(): Notification[] | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => {
    const rows = await db.notifications.orderBy('createdAt').reverse().toArray();
    return rows.filter((n) => !n.deleted);
  }, [db]);
}
// --- reviews ---

/** Reviews this device holds (mine, and those I review as a manager), not withdrawn; `undefined` while loading. */
export function useReviews(): Review[] | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => (await db.reviews.toArray()).filter((r) => !r.deleted), [db]);
}

/** One review; `null` when this device does not have it. */
export function useReview(id: string): Review | null | undefined {
  return useSyncRow('reviews', id);
}

/** One thing a review can cite: a win, a goal, a check-in or feedback. */
export interface EvidenceItem {
  table: string;
  id: string;
  title: string;
  detail: string;
  date: string;
  tags: string[];
}

/** Tables besides wins read generically as evidence. */
const EVIDENCE_TABLES = ['goals', 'checkins', 'feedback'] as const;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const dayOf = (row: Record<string, unknown>): string => {
  const d = str(row.date) || str(row.day) || str(row.dueDate);
  if (d) return d.slice(0, 10);
  return typeof row.createdAt === 'number' ? new Date(row.createdAt).toISOString().slice(0, 10) : '';
};

/**
 * What a person did in a period, newest first: their wins (for a manager's device, the report's shared wins,
 * the only ones it holds), plus their goals, check-ins and feedback.
 */
export function useEvidence(ownerId: string, from: string, to: string): EvidenceItem[] | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => {
    // The [ownerId+date] index reads only this person's wins of the period, not every win on the device.
    const wins = await db.wins.where('[ownerId+date]').between([ownerId, from], [ownerId, to], true, true).toArray();
    const items: EvidenceItem[] = wins
      .filter((w) => !w.deleted)
      .map((w) => ({ table: 'wins', id: w.id, title: w.title, detail: w.description, date: w.date, tags: w.tags }));
    for (const name of EVIDENCE_TABLES) {
      const rows = (await db.table<Record<string, unknown>, string>(name).toArray()).filter(
        (r) => r.deleted !== true && (r.ownerId === ownerId || r.subjectId === ownerId || r.aboutId === ownerId),
      );
      for (const r of rows) {
        const date = dayOf(r);
        const title = str(r.title) || str(r.summary) || str(r.text) || str(r.body) || str(r.note);
        if (!title || !date || date < from || date > to) continue;
        items.push({ table: name, id: str(r.id), title: title.split('\n')[0] ?? title, detail: '', date, tags: [] });
      }
    }
    return items.sort((a, b) => b.date.localeCompare(a.date));
  }, [db, ownerId, from, to]);
}

// --- end reviews ---
