import type { Feedback } from '@merit/shared/domain/feedback';
import { uuidv7 } from '@merit/shared/ids';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { MeritDb } from '@/db/db';
import { DbProvider } from '@/db/hooks';
import { SyncEngine } from '@/sync/engine';
import { mutate } from '@/sync/mutate';
import { makeActor, makeDeviceDb } from '@/sync/testing/factories';
import { FakeServer } from '@/sync/testing/fake-server';
import { ToastProvider } from '@/ui/toast';
import FeedbackScreen from './feedback-screen';
import ManagerNotesScreen from './manager-notes-screen';
import NoteEditScreen from './note-edit-screen';
import NotesArea from './notes-area';

function setup() {
  const actor = makeActor();
  const db = makeDeviceDb(actor.personId);
  const engine = new SyncEngine({ db, actor, transport: new FakeServer(actor).transport() });
  const show = (ui: ReactNode) =>
    render(
      <DbProvider db={db} actor={actor} engine={engine}>
        <ToastProvider>{ui}</ToastProvider>
      </DbProvider>,
    );
  return { actor, db, show };
}

const outbox = async (db: MeritDb) => (await db.outbox.toArray()).map((e) => ({ name: e.name, args: e.args as Record<string, unknown> }));

const feedbackRow = (ownerId: string, o: Partial<Feedback> = {}): Feedback => ({
  id: uuidv7(),
  ownerId,
  fromId: null,
  fromName: 'Dana',
  date: '2026-11-19',
  body: 'Great demo',
  visibility: 'private',
  createdAt: 1,
  updatedAt: 1,
  version: 1,
  deleted: false,
  ...o,
});

describe('Notes: my notes', () => {
  it('quick capture saves a private note through mutate (outbox), #words become tags, and it shows at once', async () => {
    const { db, show } = setup();
    show(<NotesArea path="/notes" />);
    expect(await screen.findByText('No notes yet')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('New private note'), { target: { value: 'Raise the on-call load at the 1:1 #career #oncall' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    const list = await screen.findByRole('list', { name: 'My notes' });
    expect(within(list).getByText('Raise the on-call load at the 1:1 #career #oncall')).toBeTruthy();
    expect(within(list).getByText('Not synced yet')).toBeTruthy();
    const [entry] = await outbox(db);
    expect(entry).toMatchObject({ name: 'note.create@1', args: { tags: ['career', 'oncall'] } });
    expect(screen.getByLabelText('New private note')).toHaveProperty('value', '');
  });

  it('refuses an empty note with a message under the field, and writes nothing', async () => {
    const { db, show } = setup();
    show(<NotesArea path="/notes" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save note' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Write something first');
    expect(screen.getByLabelText('New private note').getAttribute('aria-invalid')).toBe('true');
    expect(await db.outbox.count()).toBe(0);
  });

  it('search narrows by words and #tag; pinned notes come first', async () => {
    const { db, actor, show } = setup();
    await mutate(db, actor, 'note.create@1', { id: uuidv7(), body: 'Budget thoughts', date: '2026-11-01', tags: ['money'] });
    await mutate(db, actor, 'note.create@1', { id: uuidv7(), title: 'Pinned', body: 'Always on top', date: '2026-01-01', pinned: true });
    await mutate(db, actor, 'note.create@1', { id: uuidv7(), body: 'Conference talk idea', date: '2026-11-10' });
    show(<NotesArea path="/notes" />);
    const list = await screen.findByRole('list', { name: 'My notes' });
    await waitFor(() => expect(within(list).getAllByRole('link')).toHaveLength(3));
    expect(within(list).getAllByRole('link')[0]?.textContent).toContain('Pinned');
    fireEvent.change(screen.getByLabelText('Search notes'), { target: { value: '#money' } });
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'My notes' })).getAllByRole('link')).toHaveLength(1));
    expect(screen.getByText('1 note found')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Search notes'), { target: { value: 'nothing like this' } });
    expect(await screen.findByText('No notes match')).toBeTruthy();
  });

  it('editing sends only the changed fields, with the body it started from (S16); delete asks first', async () => {
    const { db, actor, show } = setup();
    const id = uuidv7();
    await mutate(db, actor, 'note.create@1', { id, body: 'first draft', date: '2026-11-01' });
    show(<NoteEditScreen id={id} />);
    const body = await screen.findByLabelText('Note');
    fireEvent.change(body, { target: { value: 'second draft' } });
    fireEvent.click(screen.getByLabelText('Pin to the top'));
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(async () => expect(await db.outbox.count()).toBe(2));
    expect((await outbox(db))[1]).toEqual({
      name: 'note.update@1',
      args: { id, patch: { body: 'second draft', pinned: true }, base: { body: 'first draft' } },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Delete note' }));
    fireEvent.click(within(screen.getByRole('alertdialog', { name: 'Delete this note?' })).getByRole('button', { name: 'Delete' }));
    await waitFor(async () => expect((await db.notes.get(id))?.deleted).toBe(true));
  });
});

describe('Notes: feedback received', () => {
  it("lists only the person's own feedback, not a report's shared feedback held on a manager's device", async () => {
    const { db, actor, show } = setup();
    await db.feedback.bulkPut([
      feedbackRow(actor.personId, { body: 'Mine' }),
      feedbackRow(uuidv7(), { body: 'A report’s', visibility: 'manager' }),
    ]);
    show(<NotesArea path="/notes/feedback" />);
    const list = await screen.findByRole('list', { name: 'Feedback received' });
    expect(within(list).getByText('Mine')).toBeTruthy();
    expect(screen.queryByText('A report’s')).toBeNull();
    expect(screen.getByRole('link', { name: 'Feedback' }).getAttribute('aria-current')).toBe('page');
  });

  it('adding feedback names the missing field; saved shared, it goes out as feedback.create with visibility manager', async () => {
    const { db, show } = setup();
    show(<FeedbackScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save feedback' }));
    expect(await screen.findByText('From is required')).toBeTruthy();
    expect(await screen.findByText('What they said is required')).toBeTruthy();
    expect(screen.getByLabelText('Private')).toHaveProperty('checked', true);
    fireEvent.change(screen.getByLabelText('From'), { target: { value: 'Dana from Support' } });
    fireEvent.change(screen.getByLabelText('What they said'), { target: { value: 'You made the handover painless' } });
    fireEvent.click(screen.getByLabelText('Shared with my manager'));
    fireEvent.click(screen.getByRole('button', { name: 'Save feedback' }));
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    expect((await outbox(db))[0]).toMatchObject({
      name: 'feedback.create@1',
      args: { fromName: 'Dana from Support', fromId: null, body: 'You made the handover painless', visibility: 'manager' },
    });
  });

  it('a name the device knows from earlier feedback links to that person', async () => {
    const { db, actor, show } = setup();
    const sam = uuidv7();
    await db.feedback.put(feedbackRow(actor.personId, { fromId: sam, fromName: 'Sam Okafor' }));
    show(<FeedbackScreen />);
    await waitFor(() => expect(document.querySelector('#known-people option')?.getAttribute('value')).toBe('Sam Okafor'));
    fireEvent.change(screen.getByLabelText('From'), { target: { value: 'sam okafor' } });
    fireEvent.change(screen.getByLabelText('What they said'), { target: { value: 'Thanks for the review' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save feedback' }));
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    expect((await outbox(db))[0]?.args).toMatchObject({ fromId: sam });
  });
});

describe('Notes: editing feedback', () => {
  it('sharing is a field patch (no body base when the words did not change); delete asks first', async () => {
    const { db, actor, show } = setup();
    const id = uuidv7();
    await mutate(db, actor, 'feedback.create@1', { id, fromName: 'Dana', date: '2026-11-19', body: 'Great demo' });
    show(<FeedbackScreen id={id} />);
    fireEvent.click(await screen.findByLabelText('Shared with my manager'));
    fireEvent.click(screen.getByRole('button', { name: 'Save feedback' }));
    await waitFor(async () => expect(await db.outbox.count()).toBe(2));
    const update = (await outbox(db))[1];
    expect(update?.name).toBe('feedback.update@1');
    expect(update?.args).toEqual({ id, patch: { visibility: 'manager' } });
    expect((await db.feedback.get(id))?.visibility).toBe('manager');
    fireEvent.click(screen.getByRole('button', { name: 'Delete feedback' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete this feedback?' });
    expect(dialog.textContent).toContain('your manager’s view');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(async () => expect((await db.feedback.get(id))?.deleted).toBe(true));
  });
});

describe("a manager's notes about a report", () => {
  it('adds a note about that report and shows only the feedback the report shared', async () => {
    const { db, actor, show } = setup();
    const report = uuidv7();
    await db.feedback.bulkPut([
      feedbackRow(report, { body: 'Shared with the manager', visibility: 'manager' }),
      feedbackRow(report, { body: 'Kept private', visibility: 'private' }),
    ]);
    show(<ManagerNotesScreen personId={report} now={new Date(2026, 10, 23)} />);
    expect(await screen.findByText('Shared with the manager')).toBeTruthy();
    expect(screen.queryByText('Kept private')).toBeNull();
    fireEvent.change(screen.getByLabelText('New note'), { target: { value: 'Wants to lead the Q1 launch' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    const list = await screen.findByRole('list', { name: 'My notes about this report' });
    expect(within(list).getByText('Wants to lead the Q1 launch')).toBeTruthy();
    expect((await outbox(db))[0]).toMatchObject({
      name: 'managerNote.create@1',
      args: { subjectId: report, body: 'Wants to lead the Q1 launch', date: '2026-11-23' },
    });
    expect((await db.managerNotes.toArray())[0]?.ownerId).toBe(actor.personId);
  });
});
