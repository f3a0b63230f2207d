import { type Feedback, matchesFeedbackQuery } from '@merit/shared/domain/feedback';
import type { ManagerNote } from '@merit/shared/domain/manager-note';
import { matchesNoteQuery, type Note, noteOrder } from '@merit/shared/domain/note';
import type { Actor } from '@merit/shared/domain/person';
import type { Rejection } from '@merit/shared/domain/rejection';
import { matchesWinQuery, type Win } from '@merit/shared/domain/win';
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

/** The person's wins, not deleted, newest first; `undefined` while loading. `tag` and `query` narrow the list. */
export function useWins(opts: { query?: string; tag?: string } = {}): Win[] | undefined {
  const { db } = useDb();
  const { query = '', tag } = opts;
  return useLiveQuery(async () => {
    const rows = tag ? await db.wins.where('tags').equals(tag).toArray() : await db.wins.toArray();
    return rows.filter((w) => !w.deleted && (!query.trim() || matchesWinQuery(w, query))).sort(byDateDesc);
  }, [db, query, tag]);
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

// --- notes, feedback, manager notes ---
/** The person's private notes, pinned first then newest; `query` searches text and `#tags`. */
export function useNotes(query = ''): Note[] | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => {
    const rows = await db.notes.toArray();
    return rows.filter((n) => !n.deleted && (!query.trim() || matchesNoteQuery(n, query))).sort(noteOrder);
  }, [db, query]);
}

/** One record by id from a notes table (`null` when missing or deleted, `undefined` while loading). */
export function useNote(id: string): Note | null | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => {
    const n = await db.notes.get(id);
    return n && !n.deleted ? n : null;
  }, [db, id]);
}

/** Feedback this person received (their own space only: a manager's device also holds reports' shared feedback). */
export function useFeedbackList(query = ''): Feedback[] | undefined {
  const { db, actor } = useDb();
  return useLiveQuery(async () => {
    const rows = await db.feedback.toArray();
    return rows
      .filter((f) => !f.deleted && f.ownerId === actor.personId && (!query.trim() || matchesFeedbackQuery(f, query)))
      .sort((a, b) => b.date.localeCompare(a.date) || b.createdAt - a.createdAt);
  }, [db, actor.personId, query]);
}

export function useFeedbackItem(id: string): Feedback | null | undefined {
  const { db, actor } = useDb();
  return useLiveQuery(async () => {
    const f = await db.feedback.get(id);
    return f && !f.deleted && f.ownerId === actor.personId ? f : null;
  }, [db, actor.personId, id]);
}

/** Feedback a report chose to share with this manager, newest first. */
export function useSharedFeedbackOf(personId: string): Feedback[] | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => {
    const rows = await db.feedback.toArray();
    return rows
      .filter((f) => !f.deleted && f.ownerId === personId && f.visibility === 'manager')
      .sort((a, b) => b.date.localeCompare(a.date));
  }, [db, personId]);
}

/**
 * People this device knows by name, for "who gave it": the organisation members named in earlier feedback,
 * most recent name per person, alphabetical.
 */
export function useKnownPeople(): { id: string; name: string }[] {
  const { db, actor } = useDb();
  return (
    useLiveQuery(async () => {
      const byId = new Map<string, { name: string; at: number }>();
      await db.feedback.each((f) => {
        if (f.deleted || f.ownerId !== actor.personId || !f.fromId) return;
        const seen = byId.get(f.fromId);
        if (!seen || seen.at < f.updatedAt) byId.set(f.fromId, { name: f.fromName, at: f.updatedAt });
      });
      return [...byId].map(([id, v]) => ({ id, name: v.name })).sort((a, b) => a.name.localeCompare(b.name));
    }, [db, actor.personId]) ?? []
  );
}

/** This manager's own notes about one report, newest first. */
export function useManagerNotes(subjectId: string): ManagerNote[] | undefined {
  const { db, actor } = useDb();
  return useLiveQuery(async () => {
    const rows = await db.managerNotes.where('subjectId').equals(subjectId).toArray();
    return rows
      .filter((n) => !n.deleted && n.ownerId === actor.personId)
      .sort((a, b) => b.date.localeCompare(a.date) || b.createdAt - a.createdAt);
  }, [db, actor.personId, subjectId]);
}
// --- end notes ---
