import { describe, expect, it } from 'vitest';
import { parse } from '../errors';
import { uuidv7 } from '../ids';
import { MUTATIONS } from '../mutations';
import { createFeedback, type Feedback, FeedbackCreateArgs, feedbackVisibleTo, updateFeedback } from './feedback';
import { createManagerNote, deleteManagerNote, type ManagerNote, updateManagerNote } from './manager-note';
import { createNote, deleteNote, matchesNoteQuery, type Note, NoteCreateArgs, noteOrder, updateNote } from './note';

const me = { personId: uuidv7(), role: 'employee' as const };
const ctx = { actor: me, now: 1_000 };
const note = (overrides: Partial<Note> = {}): Note => {
  const r = createNote(undefined, { id: uuidv7(), body: 'alpha beta gamma delta', date: '2026-11-20' }, ctx);
  if (!r.ok) throw new Error('factory');
  return { ...r.value, ...overrides };
};

describe('private notes', () => {
  it('create fills defaults (no title, unpinned), de-duplicates tags and stamps owner and server time', () => {
    const r = createNote(undefined, { id: uuidv7(), body: 'b', date: '2026-01-02', tags: ['x', 'x'] }, ctx);
    expect(r).toMatchObject({ ok: true, value: { ownerId: me.personId, title: '', pinned: false, tags: ['x'], createdAt: 1_000 } });
  });

  it.each([
    ['an empty body', { body: '   ' }, 'body'],
    ['a body over the limit', { body: 'x'.repeat(5001) }, 'body'],
    ['a bad date', { date: '2026-13-01' }, 'date'],
    ['an unknown field', { colour: 'red' }, ''],
  ])('refuses %s, naming the field', (_, bad, field) => {
    const r = parse(NoteCreateArgs, { id: uuidv7(), body: 'ok', date: '2026-01-02', ...bad });
    expect(r.ok).toBe(false);
    if (!r.ok && field) expect(r.error.field).toBe(field);
  });

  it.each([
    ['update of a missing note', () => updateNote(undefined, { id: uuidv7(), patch: { pinned: true } }, ctx), 'NOT_FOUND'],
    ["update of another person's note", () => updateNote(note({ ownerId: uuidv7() }), { id: uuidv7(), patch: {} }, ctx), 'FORBIDDEN'],
    ['update of a deleted note (S17)', () => updateNote(note({ deleted: true }), { id: uuidv7(), patch: {} }, ctx), 'DELETED'],
    ["delete of another person's note", () => deleteNote(note({ ownerId: uuidv7() }), { id: uuidv7() }, ctx), 'FORBIDDEN'],
  ])('%s is refused', (_, run, code) => {
    expect(run()).toMatchObject({ ok: false, error: { code } });
  });

  it('S16: a body edit from a stale base merges, or keeps the stored body and returns a conflict copy', () => {
    const n = note({ body: 'alpha beta gamma delta' });
    const merged = MUTATIONS['note.update@1'].apply(
      { ...n, body: 'alpha beta gamma DELTA' },
      { id: n.id, patch: { body: 'ALPHA beta gamma delta' }, base: { body: 'alpha beta gamma delta' } },
      ctx,
    );
    expect(merged).toMatchObject({ ok: true, value: { body: 'ALPHA beta gamma DELTA' } });
    expect(merged.ok && merged.conflict).toBeFalsy();
    const clash = MUTATIONS['note.update@1'].apply(
      { ...n, body: 'alpha BETA gamma delta' },
      { id: n.id, patch: { body: 'alpha beta2 gamma delta', pinned: true }, base: { body: 'alpha beta gamma delta' } },
      ctx,
    );
    expect(clash).toMatchObject({
      ok: true,
      value: { body: 'alpha BETA gamma delta', pinned: true },
      conflict: { field: 'body', text: 'alpha beta2 gamma delta' },
    });
  });

  it('search matches words in title, body and #tags; order puts pinned first, then the newest day', () => {
    const a = note({ title: 'One-on-one', body: 'Ask about the promotion', tags: ['career'] });
    expect(matchesNoteQuery(a, 'promotion one-on-one')).toBe(true);
    expect(matchesNoteQuery(a, '#career')).toBe(true);
    expect(matchesNoteQuery(a, '#care')).toBe(false);
    const old = note({ date: '2026-01-01', pinned: true });
    const recent = note({ date: '2026-06-01' });
    const older = note({ date: '2025-06-01' });
    expect([older, recent, old].sort(noteOrder)).toEqual([old, recent, older]);
  });
});

describe('feedback received', () => {
  const fb = (overrides: Partial<Feedback> = {}): Feedback => {
    const r = createFeedback(undefined, { id: uuidv7(), fromName: 'Dana', date: '2026-11-20', body: 'Great demo' }, ctx);
    if (!r.ok) throw new Error('factory');
    return { ...r.value, ...overrides };
  };

  it('is private by default, and may name someone outside the organisation', () => {
    expect(fb()).toMatchObject({ visibility: 'private', fromId: null, fromName: 'Dana' });
  });

  it('refuses feedback from oneself and a missing "from" name, naming the field', () => {
    expect(
      createFeedback(undefined, { id: uuidv7(), fromId: me.personId, fromName: 'Me', date: '2026-11-20', body: 'x' }, ctx),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'fromId' } });
    const r = parse(FeedbackCreateArgs, { id: uuidv7(), fromName: ' ', date: '2026-11-20', body: 'x' });
    expect(r).toMatchObject({ ok: false, error: { field: 'fromName' } });
  });

  it('sharing with the manager is a field patch; only the recipient may change it', () => {
    const f = fb();
    expect(updateFeedback(f, { id: f.id, patch: { visibility: 'manager' } }, ctx)).toMatchObject({
      ok: true,
      value: { visibility: 'manager' },
    });
    expect(
      updateFeedback(f, { id: f.id, patch: { visibility: 'manager' } }, { ...ctx, actor: { personId: uuidv7(), role: 'hr' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it.each([
    ['the recipient, private', 'private', true, true],
    ['the manager, private', 'private', false, false],
    ['the manager, shared', 'manager', false, true],
    ['a stranger, shared', 'manager', false, false],
  ] as const)('S8: visible to %s', (who, visibility, isOwner, expected) => {
    const owner = uuidv7();
    const viewer = isOwner ? owner : uuidv7();
    expect(feedbackVisibleTo({ ownerId: owner, visibility }, viewer, !who.startsWith('a stranger'))).toBe(expected);
  });
});

describe("a manager's notes about a report", () => {
  const report = uuidv7();
  const mctx = { ...ctx, reports: [report] };
  const mnote = (overrides: Partial<ManagerNote> = {}): ManagerNote => {
    const r = createManagerNote(
      undefined,
      { id: uuidv7(), subjectId: report, body: 'Wants to lead the Q1 launch', date: '2026-11-20' },
      mctx,
    );
    if (!r.ok) throw new Error('factory');
    return { ...r.value, ...overrides };
  };

  it("lives in the manager's space and names the report", () => {
    expect(mnote()).toMatchObject({ ownerId: me.personId, subjectId: report });
  });

  it('the server refuses a note about someone who does not report to the actor (ctx.reports from the database)', () => {
    const r = createManagerNote(undefined, { id: uuidv7(), subjectId: uuidv7(), body: 'x', date: '2026-11-20' }, mctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'subjectId' } });
    const n = mnote();
    expect(updateManagerNote(n, { id: n.id, patch: { body: 'y' } }, { ...ctx, reports: [] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('the device (no reports known) allows optimistically; deleting stays possible after the report moved on', () => {
    expect(createManagerNote(undefined, { id: uuidv7(), subjectId: uuidv7(), body: 'x', date: '2026-11-20' }, ctx).ok).toBe(true);
    const n = mnote();
    expect(deleteManagerNote(n, { id: n.id }, { ...ctx, reports: [] })).toMatchObject({ ok: true, value: { deleted: true } });
    expect(deleteManagerNote(n, { id: n.id }, { ...ctx, actor: { personId: report, role: 'employee' } })).toMatchObject({ ok: false });
  });
});
