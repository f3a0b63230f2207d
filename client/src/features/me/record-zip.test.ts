import type { Feedback } from '@merit/shared/domain/feedback';
import type { ManagerNote } from '@merit/shared/domain/manager-note';
import type { Note } from '@merit/shared/domain/note';
import { uuidv7 } from '@merit/shared/ids';
import { TABLES } from '@merit/shared/mutations';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readOwnRecord } from '@/db/record';
import { mutate } from '@/sync/mutate';
import { makeActor, makeDeviceDb, makeWin } from '@/sync/testing/factories';
import { recordName, zipRecord } from './record-zip';

const base = { createdAt: 1, updatedAt: 1, version: 3, deleted: false };
const note = (ownerId: string, o: Partial<Note> = {}): Note => ({
  id: uuidv7(),
  ownerId,
  title: '',
  body: 'Ask about the promotion, "soon"',
  tags: ['career'],
  pinned: false,
  date: '2026-11-20',
  ...base,
  ...o,
});
const feedback = (ownerId: string, o: Partial<Feedback> = {}): Feedback => ({
  id: uuidv7(),
  ownerId,
  fromId: null,
  fromName: 'Dana',
  date: '2026-11-19',
  body: 'Great demo',
  visibility: 'private',
  ...base,
  ...o,
});

/** A manager's device: their own rows, plus rows of a report's space that the pull brought (shared win and feedback). */
async function managerDevice() {
  const actor = makeActor();
  const report = uuidv7();
  const db = makeDeviceDb(actor.personId);
  await db.wins.bulkPut([
    makeWin({ ownerId: actor.personId, title: 'My own win' }),
    makeWin({ ownerId: report, title: 'Report win', visibility: 'manager' }),
  ]);
  await db.notes.bulkPut([note(actor.personId), note(actor.personId, { body: 'deleted note', deleted: true })]);
  await db.feedback.bulkPut([feedback(actor.personId), feedback(report, { body: 'Report shared feedback', visibility: 'manager' })]);
  const mn: ManagerNote = { id: uuidv7(), ownerId: actor.personId, subjectId: report, body: 'Ready to lead', date: '2026-11-18', ...base };
  await db.managerNotes.put(mn);
  // An unsynced note made offline is part of the record too.
  await mutate(db, actor, 'note.create@1', { id: uuidv7(), body: 'written offline', date: '2026-11-21' });
  return { db, actor };
}

describe('the export of my record (device copy)', () => {
  it("holds only rows of the person's own space, live ones, unsynced ones included", async () => {
    const { db } = await managerDevice();
    const record = await readOwnRecord(db, { name: 'Maya Lind', email: 'maya@acme.test' }, Date.UTC(2026, 10, 23));
    expect(record.source).toBe('device');
    expect(record.tables.wins?.map((w) => w.title)).toEqual(['My own win']);
    expect(record.tables.notes?.map((n) => n.body).sort()).toEqual(['Ask about the promotion, "soon"', 'written offline']);
    expect(record.tables.feedback?.map((f) => f.body)).toEqual(['Great demo']);
    expect(record.tables.managerNotes?.map((n) => n.body)).toEqual(['Ready to lead']);
    expect(JSON.stringify(record)).not.toMatch(/Report win|Report shared feedback|deleted note/);
  });

  it('zips person.json plus a JSON and a CSV per synced table, inside one dated folder', async () => {
    const { db } = await managerDevice();
    const record = await readOwnRecord(db, { name: 'Maya Lind', email: 'maya@acme.test' }, Date.UTC(2026, 10, 23, 9));
    expect(recordName(record)).toBe('merit-record-2026-11-23');
    const entries = unzipSync(await zipRecord(record));
    const names = Object.keys(entries).sort();
    const expected = ['person.json', ...TABLES.flatMap((t) => [`${t}.json`, `${t}.csv`])].map((n) => `merit-record-2026-11-23/${n}`).sort();
    expect(names).toEqual(expected);
    const read = (n: string) => strFromU8(entries[`merit-record-2026-11-23/${n}`] ?? new Uint8Array());
    expect(JSON.parse(read('person.json'))).toMatchObject({ name: 'Maya Lind', source: 'device' });
    expect(JSON.parse(read('notes.json'))).toHaveLength(2);
    const csv = read('notes.csv').split('\r\n');
    expect(csv[0]).toBe('id,ownerId,title,body,tags,pinned,date,createdAt,updatedAt,version,deleted');
    expect(read('notes.csv')).toContain('"Ask about the promotion, ""soon"""');
    expect(read('feedback.csv')).not.toContain('Report shared feedback');
  });
});
