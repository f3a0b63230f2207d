import { describe, expect, it } from 'vitest';
import { parse } from '../errors';
import { uuidv7 } from '../ids';
import { MUTATIONS } from '../mutations';
import { checkinFitsGoal, createCheckin, deleteCheckin } from './checkin';
import {
  acceptGoal,
  type GoalCreateArgs as CreateArgs,
  createGoal,
  deleteGoal,
  type Goal,
  GoalCreateArgs,
  GoalProposeArgs,
  goalVisibleTo,
  type KeyResult,
  proposeGoal,
  updateGoal,
} from './goal';

const me = { personId: uuidv7(), role: 'employee' as const };
const boss = { personId: uuidv7(), role: 'employee' as const };
const ctx = { actor: me, now: 1_000 };
const bossCtx = { actor: boss, now: 2_000, reports: [me.personId] };

const kr = (over: Partial<KeyResult> = {}): KeyResult => ({
  id: 'kr1',
  title: 'Signed customers',
  kind: 'number',
  start: 0,
  target: 10,
  unit: '',
  weight: 1,
  current: null,
  ...over,
});
const args = (over: Partial<CreateArgs> = {}): CreateArgs => ({
  id: uuidv7(),
  title: 'Grow the pilot',
  periodStart: '2026-10-01',
  dueDate: '2026-12-31',
  visibility: 'manager',
  keyResults: [kr()],
  ...over,
});
const made = (over: Partial<Goal> = {}): Goal => {
  const r = createGoal(undefined, args(), ctx);
  if (!r.ok) throw new Error('factory');
  return { ...r.value, ...over };
};

describe('goal rules', () => {
  it('create: owner, active, server time, done results normalised to 0 -> 1', () => {
    const r = createGoal(undefined, args({ keyResults: [kr(), kr({ id: 'kr2', kind: 'done', start: 5, target: 9, current: 3 })] }), ctx);
    expect(r).toMatchObject({
      ok: true,
      value: { ownerId: me.personId, status: 'active', parentId: null, proposedBy: null, createdAt: 1_000 },
    });
    if (r.ok) expect(r.value.keyResults[1]).toMatchObject({ start: 0, target: 1, current: 1 });
  });

  it.each([
    ['a due date before the start', { dueDate: '2026-09-01' }, 'dueDate'],
    ['no key results', { keyResults: [] }, 'keyResults'],
    ['two key results with one id', { keyResults: [kr(), kr()] }, 'keyResults'],
    ['an empty title', { title: '  ' }, 'title'],
    ['a weight over 100', { keyResults: [kr({ weight: 101 })] }, 'keyResults.0.weight'],
    ['an unknown visibility', { visibility: 'everyone' }, 'visibility'],
  ])('bad input names the field: %s', (_, over, field) => {
    const r = parse(GoalCreateArgs, { ...args(), ...over });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field } });
  });

  it.each([
    ['update of a missing goal', () => updateGoal(undefined, { id: uuidv7(), patch: { title: 'x' } }, ctx), 'NOT_FOUND'],
    ["a manager editing a report's own goal", () => updateGoal(made(), { id: uuidv7(), patch: { title: 'x' } }, bossCtx), 'FORBIDDEN'],
    ['update of a deleted goal (S17)', () => updateGoal(made({ deleted: true }), { id: uuidv7(), patch: { title: 'x' } }, ctx), 'DELETED'],
    [
      'a patch that makes the period end before it starts',
      () => updateGoal(made(), { id: uuidv7(), patch: { dueDate: '2026-01-01' } }, ctx),
      'VALIDATION',
    ],
    ["a manager deleting a report's own goal", () => deleteGoal(made(), { id: uuidv7() }, bossCtx), 'FORBIDDEN'],
    ['accepting a goal that is not a proposal', () => acceptGoal(made(), { id: uuidv7() }, ctx), 'CONFLICT'],
  ])('%s is refused', (_, run, code) => {
    expect(run()).toMatchObject({ ok: false, error: { code } });
  });

  it('update patches fields one by one; the description merges three-way (S16)', () => {
    const g = made({ description: 'alpha beta gamma' });
    const r = MUTATIONS['goal.update@1'].apply(g, { id: g.id, patch: { status: 'achieved' } }, ctx);
    expect(r).toMatchObject({ ok: true, value: { status: 'achieved', title: g.title } });
    const stored = { ...g, description: 'alpha beta gamma delta' };
    const merged = MUTATIONS['goal.update@1'].apply(
      stored,
      { id: g.id, patch: { description: 'ALPHA beta gamma' }, base: { description: 'alpha beta gamma' } },
      ctx,
    );
    expect(merged).toMatchObject({ ok: true, value: { description: 'ALPHA beta gamma delta' } });
    const clash = MUTATIONS['goal.update@1'].apply(
      { ...g, description: 'alpha BETA gamma' },
      { id: g.id, patch: { description: 'alpha beta2 gamma', title: 'New' }, base: { description: 'alpha beta gamma' } },
      ctx,
    );
    expect(clash).toMatchObject({ ok: true, value: { description: 'alpha BETA gamma', title: 'New' }, conflict: { field: 'description' } });
  });

  it('a goal cannot be its own parent', () => {
    const g = made();
    expect(updateGoal(g, { id: g.id, patch: { parentId: g.id } }, ctx)).toMatchObject({ ok: true, value: { parentId: null } });
  });
});

describe('proposals', () => {
  const proposal = (over: Partial<GoalProposeArgs> = {}): GoalProposeArgs => ({
    ...args(),
    ownerId: me.personId,
    visibility: 'manager',
    ...over,
  });

  it("a manager proposes into the report's space; the report accepts, editing on the way", () => {
    const p = proposeGoal(undefined, proposal(), bossCtx);
    expect(p).toMatchObject({ ok: true, value: { ownerId: me.personId, status: 'proposed', proposedBy: boss.personId } });
    if (!p.ok) return;
    const a = acceptGoal(p.value, { id: p.value.id, patch: { title: 'Grow the pilot to 12' } }, ctx);
    expect(a).toMatchObject({ ok: true, value: { status: 'active', title: 'Grow the pilot to 12', proposedBy: boss.personId } });
  });

  it('the device applies a proposal optimistically (no reports known); the server decides from its list', () => {
    expect(proposeGoal(undefined, proposal(), { actor: boss, now: 1 })).toMatchObject({ ok: true });
    const stranger = { actor: { personId: uuidv7(), role: 'employee' as const }, now: 1, reports: [] };
    expect(proposeGoal(undefined, proposal(), stranger)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'ownerId' } });
    expect(proposeGoal(undefined, proposal({ ownerId: boss.personId }), bossCtx)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('a proposal is never private; the proposer may withdraw it until it is accepted', () => {
    expect(parse(GoalProposeArgs, { ...proposal(), visibility: 'private' })).toMatchObject({ ok: false, error: { field: 'visibility' } });
    const p = proposeGoal(undefined, proposal(), bossCtx);
    if (!p.ok) throw new Error('proposal');
    expect(deleteGoal(p.value, { id: p.value.id }, bossCtx)).toMatchObject({ ok: true, value: { deleted: true } });
    const accepted = acceptGoal(p.value, { id: p.value.id }, ctx);
    if (!accepted.ok) throw new Error('accept');
    expect(deleteGoal(accepted.value, { id: p.value.id }, bossCtx)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(updateGoal(accepted.value, { id: p.value.id, patch: { title: 'x' } }, bossCtx)).toMatchObject({ ok: false });
  });

  it('visibility: owner always, the manager unless private (S20)', () => {
    expect(goalVisibleTo({ ownerId: me.personId, visibility: 'private' }, me.personId, false)).toBe(true);
    expect(goalVisibleTo({ ownerId: me.personId, visibility: 'private' }, boss.personId, true)).toBe(false);
    expect(goalVisibleTo({ ownerId: me.personId, visibility: 'manager' }, boss.personId, true)).toBe(true);
    expect(goalVisibleTo({ ownerId: me.personId, visibility: 'org' }, boss.personId, true)).toBe(true);
    expect(goalVisibleTo({ ownerId: me.personId, visibility: 'org' }, uuidv7(), false)).toBe(false);
  });
});

describe('check-in rules', () => {
  const goal = made({ keyResults: [kr()] });
  const checkin = () =>
    createCheckin(undefined, { id: uuidv7(), goalId: goal.id, krId: 'kr1', value: 4, confidence: 7, date: '2026-11-01' }, ctx);

  it('create is one record in the owner space, written private until the server copies the goal visibility', () => {
    expect(checkin()).toMatchObject({ ok: true, value: { ownerId: me.personId, note: '', goalVisibility: 'private' } });
  });

  it('confidence is a whole number 0-10; the value must be finite', () => {
    const base = { id: uuidv7(), goalId: goal.id, krId: 'kr1', value: 1, confidence: 5, date: '2026-11-01' };
    const def = MUTATIONS['checkin.create@1'];
    expect(parse(def.args, { ...base, confidence: 11 })).toMatchObject({ ok: false, error: { field: 'confidence' } });
    expect(parse(def.args, { ...base, confidence: 2.5 })).toMatchObject({ ok: false, error: { field: 'confidence' } });
    expect(parse(def.args, { ...base, value: Number.NaN })).toMatchObject({ ok: false, error: { field: 'value' } });
  });

  it('must belong to a live goal of the same person and one of its key results', () => {
    const c = checkin();
    if (!c.ok) throw new Error('checkin');
    expect(checkinFitsGoal(c.value, goal)).toMatchObject({ ok: true });
    expect(checkinFitsGoal(c.value, undefined)).toMatchObject({ ok: false, error: { field: 'goalId' } });
    expect(checkinFitsGoal(c.value, { ...goal, ownerId: boss.personId })).toMatchObject({ ok: false, error: { field: 'goalId' } });
    expect(checkinFitsGoal(c.value, { ...goal, deleted: true })).toMatchObject({ ok: false, error: { field: 'goalId' } });
    expect(checkinFitsGoal({ ...c.value, krId: 'nope' }, goal)).toMatchObject({ ok: false, error: { field: 'krId' } });
    expect(deleteCheckin(c.value, { id: c.value.id }, bossCtx)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
