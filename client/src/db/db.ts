import type { Checkin } from '@merit/shared/domain/checkin';
import type { Feedback } from '@merit/shared/domain/feedback';
import type { Goal } from '@merit/shared/domain/goal';
import type { GoalFinals } from '@merit/shared/domain/goal-finals';
import type { ManagerNote } from '@merit/shared/domain/manager-note';
import type { Note } from '@merit/shared/domain/note';
import type { Notification } from '@merit/shared/domain/notification';
import type { Rejection } from '@merit/shared/domain/rejection';
import type { Review } from '@merit/shared/domain/review';
import type { Win } from '@merit/shared/domain/win';
import type { SyncTables, TableName } from '@merit/shared/mutations';
import { Dexie, type Table } from 'dexie';
import { FINALS_TABLE, goalFinalsMiddleware, loadFinalsWriter } from './goal-finals';

/** A row of any synced table. */
export type SyncRow = SyncTables[TableName];

/** One queued mutation. `table` and `target` are kept so the pull can rebase per record without re-parsing args. */
export interface OutboxEntry {
  seq?: number;
  mutationId: number;
  name: string;
  args: unknown;
  createdAt: number;
  table: TableName;
  target: string;
}

export interface MetaValues {
  deviceId: string;
  nextMutationId: number;
  cursor: string | null;
  lastSyncedAt: number | null;
  /** Set by the upgrade to version 6: build `goalFinals` from the check-ins on the next open. */
  rebuildFinals: boolean;
}
export type MetaKey = keyof MetaValues;
export interface MetaRow {
  key: MetaKey;
  value: MetaValues[MetaKey];
}

/**
 * The last server-confirmed copy of a record (`null`: the server has none) while the record has pending
 * outbox entries. The pull rebases pending mutations on it, which is how a rejected optimistic edit is
 * rolled back even when the server's row did not change (rule S13 in docs/SYNC.md).
 */
export interface Shadow {
  table: TableName;
  id: string;
  row: SyncRow | null;
}

/** The last answer of an online-only list (goal directory, team), so its screen works offline. Not synced. */
export interface CacheRow {
  key: string;
  value: unknown;
  at: number;
}

export const dbName = (personId: string) => `merit-${personId}`;

export interface MeritDbOptions {
  durability?: 'default' | 'strict' | 'relaxed';
  /** Another IndexedDB implementation: tests give each simulated device its own fake-indexeddb factory. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export class MeritDb extends Dexie {
  declare wins: Table<Win, string>;
  declare rejections: Table<Rejection, string>;
  // --- reviews ---
  declare reviews: Table<Review, string>;
  // --- end reviews ---
  declare outbox: Table<OutboxEntry, number>;
  // notifications
  declare notifications: Table<Notification, string>;
  declare meta: Table<MetaRow, MetaKey>;
  declare shadows: Table<Shadow, [TableName, string]>;
  // goals and check-ins (issue 5)
  declare goals: Table<Goal, string>;
  declare checkins: Table<Checkin, string>;
  declare cache: Table<CacheRow, string>;
  // --- notes ---
  declare notes: Table<Note, string>;
  declare feedback: Table<Feedback, string>;
  declare managerNotes: Table<ManagerNote, string>;
  // --- end notes ---
  // home dashboard: derived, kept by goal-finals.ts, never synced
  declare goalFinals: Table<GoalFinals, string>;
  readonly personId: string;
  readonly #options: MeritDbOptions;
  #durable: MeritDb | undefined;

  constructor(personId: string, options: MeritDbOptions = {}) {
    const { durability = 'default', ...deps } = options;
    super(dbName(personId), { chromeTransactionDurability: durability, ...deps });
    this.personId = personId;
    this.#options = options;
    this.version(1).stores({
      wins: 'id, date, updatedAt, *tags',
      rejections: 'id, createdAt',
      outbox: '++seq, &mutationId',
      meta: 'key',
      shadows: '[table+id]',
    });
    // goals and check-ins (issue 5)
    this.version(2).stores({
      goals: 'id, ownerId, dueDate',
      checkins: 'id, goalId, ownerId, date',
      cache: 'key',
    });
    // notifications (in-app reminders and reopen notices)
    this.version(5).stores({ notifications: 'id, createdAt' });
    // --- notes: private notes, feedback received, a manager's notes about reports ---
    this.version(3).stores({ notes: 'id, date, *tags', feedback: 'id, date', managerNotes: 'id, subjectId, date' });
    // --- end notes ---
    // --- reviews ---
    this.version(4).stores({ reviews: 'id, ownerId, managerId, state' });
    // --- end reviews ---
    // --- home dashboard: indexed reads (goals open or due lately, this quarter's wins) and ended goals' finals ---
    this.version(6)
      .stores({
        goals: 'id, ownerId, dueDate, [ownerId+status], [ownerId+dueDate]',
        wins: 'id, date, updatedAt, *tags, [ownerId+date]',
        [FINALS_TABLE]: 'goalId',
      })
      .upgrade((tx) => tx.table<MetaRow, MetaKey>('meta').put({ key: 'rebuildFinals', value: true }));
    this.use(goalFinalsMiddleware);
    // Loaded while IndexedDB opens; every open (a reopen too) waits for it before any query runs.
    loadFinalsWriter().catch(() => undefined);
    this.on('ready', (vip) => loadFinalsWriter().then((w) => w.rebuildIfAsked(vip as MeritDb)), true);
    // --- end home dashboard ---
    if (durability === 'strict') this.#durable = this;
  }

  /**
   * The same database opened with strict durability, for outbox commits: once `mutate` resolves, the
   * entry is on disk even if the phone dies. Durability is per Dexie instance, and strict on pulls would
   * flush every page for nothing (a lost page is pulled again), so it is a second connection. Dexie's
   * change events are global per database name, so live queries on either instance see both.
   */
  get durable(): MeritDb {
    this.#durable ??= new MeritDb(this.personId, { ...this.#options, durability: 'strict' });
    return this.#durable;
  }

  /** Closes both connections (before deleting the database). */
  closeAll(): void {
    if (this.#durable && this.#durable !== this) this.#durable.close();
    this.close();
  }

  /** A synced table by name, for code that is generic over tables (mutate, pull, rebase). */
  syncTable(name: TableName): Table<SyncRow, string> {
    return this.table<SyncRow, string>(name);
  }
}

export function openPersonDb(personId: string): MeritDb {
  return new MeritDb(personId);
}

/** Deletes a person's local data. Other open tabs get `versionchange`; Dexie closes them so the delete proceeds. */
export async function deletePersonDb(personId: string): Promise<void> {
  await Dexie.delete(dbName(personId));
}
