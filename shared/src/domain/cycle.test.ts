import { describe, expect, it } from 'vitest';
import { addToCounts, CycleCreateInput, emptyCounts, overduePhase, parseParticipantCsv, pendingPhase, REVIEW_STATES } from './cycle';

describe('pendingPhase and overduePhase', () => {
  it.each([
    ['not_started', 'self', 'self'],
    ['self_in_progress', 'self', 'self'],
    ['self_submitted', 'manager', 'manager'],
    ['manager_in_progress', 'manager', 'manager'],
    ['manager_submitted', 'manager', 'manager'],
    ['signed_off', null, null],
    ['acknowledged', null, null],
  ] as const)('%s waits in %s and, with both deadlines passed, is overdue in %s', (state, phase, overdue) => {
    expect(pendingPhase(state)).toBe(phase);
    expect(overduePhase(state, '2026-01-01', '2026-01-10', '2026-02-01')).toBe(overdue);
  });

  it('is not overdue on the deadline day itself', () => {
    expect(overduePhase('not_started', '2026-01-01', '2026-01-10', '2026-01-01')).toBeNull();
    expect(overduePhase('self_submitted', '2026-01-01', '2026-01-10', '2026-01-10')).toBeNull();
    expect(overduePhase('self_submitted', '2026-01-01', '2026-01-10', '2026-01-11')).toBe('manager');
  });
});

describe('addToCounts', () => {
  it('counts self done from submission and manager done from sign-off', () => {
    const c = emptyCounts();
    for (const s of REVIEW_STATES) addToCounts(c, s, 2);
    expect(c).toEqual({ total: 14, selfDone: 10, managerDone: 4, signedOff: 4, acknowledged: 2 });
  });
});

describe('parseParticipantCsv', () => {
  const known = new Map([
    ['a@x.test', 'id-a'],
    ['b@x.test', 'id-b'],
  ]);
  it('reads an email column and reports each bad line', () => {
    const out = parseParticipantCsv('name,email\nA,A@x.test\nB,b@x.test\nC,nope\nD,ghost@x.test\nA2,a@x.test\n', known);
    expect(out.ids).toEqual(['id-a', 'id-b']);
    expect(out.errors).toEqual([
      { line: 4, message: '"nope" is not a valid email' },
      { line: 5, message: 'ghost@x.test is not an active person in Merit' },
      { line: 6, message: 'a@x.test already appears on line 2' },
    ]);
  });
  it('reads a bare list of e-mails, and refuses an empty file', () => {
    expect(parseParticipantCsv('a@x.test\nb@x.test', known)).toEqual({ ids: ['id-a', 'id-b'], errors: [] });
    expect(parseParticipantCsv('email\n', known).errors).toHaveLength(1);
  });
});

describe('CycleCreateInput', () => {
  const base = {
    name: 'H1',
    templateId: '01900000-0000-7000-8000-000000000000',
    periodStart: '2026-01-01',
    periodEnd: '2026-06-30',
    selfDeadline: '2026-07-10',
    managerDeadline: '2026-07-20',
    selection: { kind: 'org' },
  };
  it('accepts dates in order and refuses them out of order, naming a field', () => {
    expect(CycleCreateInput.safeParse(base).success).toBe(true);
    const r = CycleCreateInput.safeParse({ ...base, managerDeadline: '2026-07-01' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['managerDeadline']);
    expect(CycleCreateInput.safeParse({ ...base, periodEnd: '2025-01-01' }).success).toBe(false);
    expect(CycleCreateInput.safeParse({ ...base, selection: { kind: 'department', department: ' ' } }).success).toBe(false);
  });
});
