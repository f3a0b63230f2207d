import { describe, expect, it } from 'vitest';
import { makeWin } from '@/sync/testing/factories';
import { formValuesOf, restoreArgs, winEdit } from './win-edit';

const win = makeWin({ title: 'Ran the retro', description: 'Kept it short', tags: ['team', 'ops'], visibility: 'private' });
const values = { title: win.title, date: win.date, description: win.description, tags: win.tags, visibility: win.visibility };

describe('winEdit', () => {
  it('sends nothing when nothing changed', () => {
    expect(winEdit(win, values)).toBeNull();
    expect(formValuesOf(win)).toMatchObject({ tags: 'team, ops' });
  });

  it('S16: sends only the changed short fields, so another device’s edit of the others stands', () => {
    expect(winEdit(win, { ...values, title: 'Ran the big retro', tags: ['ops', 'team'] })).toEqual({
      id: win.id,
      patch: { title: 'Ran the big retro', tags: ['ops', 'team'] },
    });
    expect(winEdit(win, { ...values, visibility: 'manager', date: '2025-01-02' })).toEqual({
      id: win.id,
      patch: { visibility: 'manager', date: '2025-01-02' },
    });
  });

  it('S16: a changed description carries the text it was edited from as its base', () => {
    expect(winEdit(win, { ...values, description: 'Kept it short and kind' })).toEqual({
      id: win.id,
      patch: { description: 'Kept it short and kind' },
      base: { description: 'Kept it short' },
    });
  });

  it('S18: undo carries the win as shown', () => {
    expect(restoreArgs(win)).toEqual({ id: win.id, copy: { ...values, goalId: null, krId: null } });
  });
});
