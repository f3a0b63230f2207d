import { describe, expect, it } from 'vitest';
import { parse } from '../errors';
import { uuidv7 } from '../ids';
import { MUTATIONS, mutationDef } from '../mutations';
import { createWin, deleteWin, matchesWinQuery, restoreWin, updateWin, type Win, WinCreateArgs, WinRestoreArgs, winVisibleTo } from './win';

const me = { personId: uuidv7(), role: 'employee' as const };
const ctx = { actor: me, now: 1_000 };
const made = (overrides: Partial<Win> = {}): Win => {
  const r = createWin(undefined, { id: uuidv7(), title: 'Shipped search', date: '2026-11-20', visibility: 'private' }, ctx);
  if (!r.ok) throw new Error('factory');
  return { ...r.value, ...overrides };
};

describe('win rules', () => {
  it('create fills defaults, de-duplicates tags, stamps server time and owner', () => {
    const r = createWin(undefined, { id: uuidv7(), title: 'A', date: '2026-01-02', visibility: 'manager', tags: ['x', 'x', 'y'] }, ctx);
    expect(r).toMatchObject({
      ok: true,
      value: { ownerId: me.personId, description: '', tags: ['x', 'y'], createdAt: 1_000, deleted: false },
    });
  });

  it.each([
    [
      'create over an existing id',
      () => createWin(made(), { id: uuidv7(), title: 'A', date: '2026-01-02', visibility: 'private' }, ctx),
      'CONFLICT',
    ],
    ['update of a missing win', () => updateWin(undefined, { id: uuidv7(), patch: { title: 'x' } }, ctx), 'NOT_FOUND'],
    [
      "update of another person's win",
      () => updateWin(made({ ownerId: uuidv7() }), { id: uuidv7(), patch: { title: 'x' } }, ctx),
      'FORBIDDEN',
    ],
    ['update of a deleted win', () => updateWin(made({ deleted: true }), { id: uuidv7(), patch: { title: 'x' } }, ctx), 'DELETED'],
    ["delete of another person's win", () => deleteWin(made({ ownerId: uuidv7() }), { id: uuidv7() }, ctx), 'FORBIDDEN'],
    ['delete twice', () => deleteWin(made({ deleted: true }), { id: uuidv7() }, ctx), 'DELETED'],
  ])('%s is refused', (_, run, code) => {
    expect(run()).toMatchObject({ ok: false, error: { code } });
  });

  it('update patches only the fields sent', () => {
    const w = made({ description: 'kept', tags: ['a'] });
    const r = updateWin(w, { id: w.id, patch: { title: 'New' } }, { ...ctx, now: 2_000 });
    expect(r).toMatchObject({ ok: true, value: { title: 'New', description: 'kept', tags: ['a'], updatedAt: 2_000 } });
  });

  it('S16: a description edit from a stale base merges, or keeps the stored text and returns a conflict copy', () => {
    const w = made({ description: 'alpha beta gamma delta' });
    const merged = MUTATIONS['win.update@1'].apply(
      w,
      { id: w.id, patch: { description: 'alpha beta gamma DELTA' }, base: { description: 'ALPHA beta gamma delta' } },
      ctx,
    );
    expect(merged).toMatchObject({ ok: true, value: { description: 'alpha beta gamma DELTA' } });
    const clash = MUTATIONS['win.update@1'].apply(
      w,
      { id: w.id, patch: { description: 'totally new' }, base: { description: 'something older' } },
      ctx,
    );
    expect(clash).toMatchObject({
      ok: true,
      value: { description: 'alpha beta gamma delta' },
      conflict: { field: 'description', text: 'totally new' },
    });
  });

  it('validation names the field', () => {
    const r = parse(WinCreateArgs, { id: uuidv7(), title: '   ', date: '2026-02-30', visibility: 'public' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'title' } });
    if (!r.ok)
      expect(r.error.message).toMatch(/^title is required; date must be a valid date; visibility must be one of: private, manager$/);
  });

  it('unknown fields are rejected', () => {
    const r = parse(WinCreateArgs, { id: uuidv7(), title: 'x', date: '2026-02-03', visibility: 'private', ownerId: uuidv7() });
    expect(r).toMatchObject({ ok: false, error: { message: 'Input has unknown field(s): ownerId' } });
  });

  it.each([
    [true, false, 'private', true],
    [false, true, 'manager', true],
    [false, true, 'private', false],
    [false, false, 'manager', false],
  ] as const)('visibility: owner=%s manager=%s %s -> %s', (isOwner, isManager, visibility, expected) => {
    const w = made({ visibility });
    expect(winVisibleTo(w, isOwner ? w.ownerId : uuidv7(), isManager)).toBe(expected);
  });

  it.each([
    ['search', true],
    ['SEARCH shipped', true],
    ['#launch', true],
    ['#laun', false],
    ['missing', false],
  ])('query %s -> %s', (q, expected) => {
    expect(matchesWinQuery({ title: 'Shipped search', description: 'to all teams', tags: ['launch'] }, q)).toBe(expected);
  });
});

describe('win.restore (S18: undo of a delete)', () => {
  const copyOf = (w: Win) => ({
    title: w.title,
    date: w.date,
    description: w.description,
    tags: w.tags,
    visibility: w.visibility,
    goalId: w.goalId,
    krId: w.krId,
  });

  it('brings a deleted win back as it was, stamping server time', () => {
    const w = made({ deleted: true, description: 'kept' });
    const r = restoreWin(w, { id: w.id }, { ...ctx, now: 5_000 });
    expect(r).toEqual({ ok: true, value: { ...w, deleted: false, updatedAt: 5_000 } });
  });

  it('keeps the stored fields over the copy when the row is there (the server copy wins)', () => {
    const w = made({ deleted: true, title: 'Stored' });
    const r = restoreWin(w, { id: w.id, copy: { ...copyOf(w), title: 'From the device' } }, ctx);
    expect(r).toMatchObject({ ok: true, value: { title: 'Stored', deleted: false } });
  });

  it('rebuilds the row from the copy on a device that already dropped the tombstoned row', () => {
    const w = made({ tags: ['a'], visibility: 'manager' });
    const r = restoreWin(undefined, { id: w.id, copy: copyOf(w) }, { ...ctx, now: 7_000 });
    expect(r).toMatchObject({
      ok: true,
      value: { id: w.id, ownerId: me.personId, title: w.title, tags: ['a'], visibility: 'manager', deleted: false, version: 0 },
    });
  });

  it('restoring a live win changes nothing (a repeated undo is harmless)', () => {
    const w = made();
    expect(restoreWin(w, { id: w.id }, { ...ctx, now: 9_000 })).toEqual({ ok: true, value: w });
  });

  it.each([
    ['a missing win without a copy', () => restoreWin(undefined, { id: uuidv7() }, ctx), 'NOT_FOUND'],
    ["another person's win", () => restoreWin(made({ ownerId: uuidv7(), deleted: true }), { id: uuidv7() }, ctx), 'FORBIDDEN'],
  ])('%s is refused', (_, run, code) => {
    expect(run()).toMatchObject({ ok: false, error: { code } });
  });

  it('is registered, and its args are checked field by field like an edit', () => {
    expect(mutationDef('win.restore@1')?.table).toBe('wins');
    const r = parse(WinRestoreArgs, { id: uuidv7(), copy: { ...copyOf(made()), title: ' ' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'copy.title' } });
  });
});
