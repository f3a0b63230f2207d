import type { Rejection } from '@merit/shared/domain/rejection';
import { uuidv7 } from '@merit/shared/ids';
import { describe, expect, it } from 'vitest';
import { makeActor, makeWin } from '@/sync/testing/factories';
import { reapplyPlan, reapplyTarget } from './reapply';

const actor = makeActor();
const mine = (o = {}) => makeWin({ ownerId: actor.personId, description: 'Kept text from the laptop', ...o });
const rejection = (o: Partial<Rejection>): Rejection => ({
  id: uuidv7(),
  ownerId: actor.personId,
  deviceId: uuidv7(),
  mutationId: 3,
  name: 'win.update@1',
  args: {},
  code: 'DELETED',
  message: 'This win was deleted on another device',
  createdAt: 1,
  dismissed: false,
  version: 1,
  deleted: false,
  ...o,
});
const newId = uuidv7();

describe('inbox reapply', () => {
  it('S16: a conflict copy offers "Use my version": only the text, based on the text kept now, so it overwrites', () => {
    const win = mine();
    const r = rejection({
      code: 'CONFLICT',
      args: { id: win.id, patch: { title: 'Also changed', description: 'My phone text' }, base: { description: 'Old' } },
    });
    expect(reapplyTarget(r)).toEqual({ table: 'wins', id: win.id });
    expect(reapplyPlan(r, win, actor, 10, newId)).toEqual({
      name: 'win.update@1',
      args: { id: win.id, patch: { description: 'My phone text' }, base: { description: 'Kept text from the laptop' } },
      label: 'Use my version',
    });
  });

  it('S17: an edit refused because the win was deleted cannot be reapplied while it stays deleted', () => {
    const win = mine();
    const r = rejection({ args: { id: win.id, patch: { title: 'Careful rewrite' } } });
    expect(reapplyPlan(r, null, actor, 10, newId)).toBeNull();
  });

  it('S18: once the win is back (undo on another device), the same edit can be applied again', () => {
    const win = mine();
    const r = rejection({
      args: { id: win.id, patch: { title: 'Careful rewrite', description: 'New words' }, base: { description: 'x' } },
    });
    expect(reapplyPlan(r, win, actor, 10, newId)).toEqual({
      name: 'win.update@1',
      args: { id: win.id, patch: { title: 'Careful rewrite', description: 'New words' }, base: { description: win.description } },
      label: 'Apply again',
    });
  });

  it("is not offered for someone else's record (the rule refuses it)", () => {
    const theirs = makeWin();
    const r = rejection({ code: 'FORBIDDEN', args: { id: theirs.id, patch: { title: 'x' } } });
    expect(reapplyPlan(r, theirs, actor, 10, newId)).toBeNull();
  });

  it('a refused new win is logged again under a fresh id', () => {
    const r = rejection({
      name: 'win.create@1',
      code: 'CONFLICT',
      args: { id: uuidv7(), title: 'Ran the offsite', date: '2026-11-02', visibility: 'private' },
    });
    expect(reapplyTarget(r)).toBeNull();
    expect(reapplyPlan(r, null, actor, 10, newId)).toEqual({
      name: 'win.create@1',
      args: { id: newId, title: 'Ran the offsite', date: '2026-11-02', visibility: 'private' },
      label: 'Log it again',
    });
  });

  it.each([
    ['arguments that no longer validate', rejection({ name: 'win.create@1', code: 'VALIDATION', args: { id: uuidv7(), title: ' ' } })],
    ['a change this version does not know', rejection({ name: 'goal.frobnicate@9', args: { id: uuidv7() } })],
    ['a dismissal', rejection({ name: 'inbox.dismiss@1', code: 'NOT_FOUND', args: { id: uuidv7() } })],
    ['arguments that are not an object', rejection({ args: 'text' })],
  ])('is not offered for %s', (_, r) => {
    expect(reapplyPlan(r, null, actor, 10, newId)).toBeNull();
  });
});
