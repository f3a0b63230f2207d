import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Checkin } from './checkin';
import { checkin, goal, kr } from './dashboard.fixtures';
import { checkinOrder, finalsOf, foldCheckin, type GoalFinals } from './goal-finals';

const g = goal({ keyResults: [kr(), kr({ id: 'b' })] });
const empty: GoalFinals = { goalId: g.id, latest: {} };
const gone = (c: Checkin): Checkin => ({ ...c, deleted: true, updatedAt: c.updatedAt + 1 });

describe('goal finals', () => {
  it('the latest live check-in of each key result, by day, then by when it was typed, then by id', () => {
    const early = checkin(g, 'a', '2026-10-01', 10);
    const late = checkin(g, 'a', '2026-10-20', 30);
    const typedLater = checkin(g, 'a', '2026-10-01', 20);
    const b = checkin(g, 'b', '2026-10-05', 7, 9);
    const f = finalsOf(g.id, [late, early, gone(checkin(g, 'a', '2026-11-01', 99)), typedLater, b]);
    expect(f.latest.a?.value).toBe(30);
    expect(f.latest.b).toEqual({ id: b.id, value: 7, confidence: 9, date: '2026-10-05', createdAt: b.createdAt });
    expect(checkinOrder(early, typedLater)).toBeLessThan(0);
    expect(checkinOrder({ ...early, id: 'x' }, { ...early, id: 'y' })).toBeLessThan(0);
    expect(finalsOf(g.id, [])).toEqual(empty);
  });

  it.each([
    ['a first check-in', [], (c: Checkin) => c, 'set'],
    ['an earlier check-in than the latest', ['later'], (c: Checkin) => c, 'same'],
    ['a later check-in', ['earlier'], (c: Checkin) => c, 'set'],
    ['a deleted check-in that was not the latest', ['later'], gone, 'same'],
    ['the latest, deleted', ['self'], gone, 'rebuild'],
    ['the latest, dated back', ['self'], (c: Checkin) => ({ ...c, date: '2026-01-01' }), 'rebuild'],
    ['the latest, moved to another key result', ['self'], (c: Checkin) => ({ ...c, krId: 'b' }), 'rebuild'],
    ['the latest, written again by the server', ['self'], (c: Checkin) => ({ ...c, version: 9, value: 55 }), 'set'],
  ] as const)('folding %s', (_, held, change, expected) => {
    const c = checkin(g, 'a', '2026-10-10', 40);
    const rows = held.map((h) => (h === 'self' ? c : h === 'later' ? checkin(g, 'a', '2026-10-20', 1) : checkin(g, 'a', '2026-10-01', 1)));
    const before = finalsOf(g.id, rows);
    const written = change(c);
    const after = foldCheckin(before, written);
    if (expected === 'rebuild') expect(after).toBeNull();
    else if (expected === 'same') expect(after).toBe(before);
    else expect(after?.latest.a?.value).toBe(written.value);
  });

  it('property: folding every write in any order, rebuilding when asked, keeps what finalsOf gives for the rows', () => {
    const day = (n: number) => `2026-10-${String(n + 1).padStart(2, '0')}`;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ kr: fc.constantFrom('a', 'b'), day: fc.integer({ min: 0, max: 5 }), value: fc.integer(), del: fc.boolean() }),
          {
            maxLength: 25,
          },
        ),
        fc.infiniteStream(fc.nat()),
        (specs, picks) => {
          // Each check-in is created and, for some, deleted later; the writes of different check-ins interleave.
          const pending = specs.map((s) => {
            const c = checkin(g, s.kr, day(s.day), s.value);
            return s.del ? [c, gone(c)] : [c];
          });
          const rows = new Map<string, Checkin>();
          let finals = empty;
          const it = picks[Symbol.iterator]();
          while (pending.some((p) => p.length > 0)) {
            const open = pending.filter((p) => p.length > 0);
            const write = open[(it.next().value ?? 0) % open.length]?.shift();
            if (!write) break;
            rows.set(write.id, write);
            finals = foldCheckin(finals, write) ?? finalsOf(g.id, rows.values());
            expect(finals).toEqual(finalsOf(g.id, rows.values()));
          }
        },
      ),
      { seed: 41, numRuns: 300 },
    );
  });
});
