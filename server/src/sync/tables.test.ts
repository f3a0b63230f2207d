import { CheckinSchema } from '@merit/shared/domain/checkin';
import { FeedbackSchema } from '@merit/shared/domain/feedback';
import { GoalSchema } from '@merit/shared/domain/goal';
import { ManagerNoteSchema } from '@merit/shared/domain/manager-note';
import { NoteSchema } from '@merit/shared/domain/note';
import { NotificationSchema } from '@merit/shared/domain/notification';
import { RejectionSchema } from '@merit/shared/domain/rejection';
import { WinSchema } from '@merit/shared/domain/win';
import { TABLES, type TableName } from '@merit/shared/mutations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { openTestDb } from '../test/harness';
import { tableColumns, tableSql } from './tables';

/** The zod schema of each synced row; reviews are typed by an interface (tables.ts fails to compile on a gap). */
const SCHEMAS: Partial<Record<TableName, { shape: Record<string, unknown> }>> = {
  wins: WinSchema,
  rejections: RejectionSchema,
  goals: GoalSchema,
  checkins: CheckinSchema,
  notifications: NotificationSchema,
  notes: NoteSchema,
  feedback: FeedbackSchema,
  managerNotes: ManagerNoteSchema,
};

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db.close();
});

describe('each synced table described once (tables.ts against shared/ and the database)', () => {
  for (const t of TABLES) {
    it(`${t}: every schema field has a column, and every mapped column exists in PostgreSQL`, async () => {
      const mapped = tableColumns(t);
      const schema = SCHEMAS[t];
      if (schema)
        expect(Object.keys(mapped).sort(), `${t}: fields of the schema = fields mapped`).toEqual(Object.keys(schema.shape).sort());
      for (const f of ['id', 'ownerId', 'version', 'deleted']) expect(mapped[f], `${t}.${f}`).toBeDefined();
      const cols = await db.query<{ column_name: string }>(
        'select column_name from information_schema.columns where table_schema = current_schema() and table_name = $1',
        [tableSql(t)],
      );
      const inDb = new Set(cols.map((c) => c.column_name));
      expect(
        Object.values(mapped).filter((c) => !inDb.has(c)),
        `${t}: mapped columns missing from ${tableSql(t)}`,
      ).toEqual([]);
      expect(
        [...inDb].filter((c) => !Object.values(mapped).includes(c)),
        `${t}: columns of ${tableSql(t)} no field maps`,
      ).toEqual([]);
    });
  }
  it('every table of the registry is covered', () => {
    expect(TABLES.filter((t) => t !== 'reviews' && !SCHEMAS[t])).toEqual([]);
  });
});
