import type { Actor } from '@merit/shared/domain/person';
import type { Win } from '@merit/shared/domain/win';
import { uuidv7 } from '@merit/shared/ids';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { MeritDb } from '@/db/db';

export const makeActor = (overrides?: Partial<Actor>): Actor => ({ personId: uuidv7(), role: 'employee', ...overrides });

/** A device: its own in-memory IndexedDB, so two devices of one person do not share a database. */
export const makeDeviceDb = (personId: string): MeritDb => new MeritDb(personId, { indexedDB: new IDBFactory(), IDBKeyRange });

export const makeWin = (overrides?: Partial<Win>): Win => ({
  id: uuidv7(),
  ownerId: uuidv7(),
  title: 'Shipped the thing',
  description: '',
  date: '2025-03-01',
  tags: [],
  visibility: 'private',
  goalId: null,
  krId: null,
  createdAt: 1,
  updatedAt: 1,
  version: 1,
  deleted: false,
  ...overrides,
});
