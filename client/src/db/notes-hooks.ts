import { type Feedback, matchesFeedbackQuery } from '@merit/shared/domain/feedback';
import type { ManagerNote } from '@merit/shared/domain/manager-note';
import { matchesNoteQuery, type Note, noteOrder } from '@merit/shared/domain/note';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb, useSyncRow } from './hooks';

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
  return useSyncRow('notes', id);
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
