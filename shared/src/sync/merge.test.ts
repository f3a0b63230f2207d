import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { merge3 } from './merge';

const word = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'shipped', 'the', 'search', 'fix', 'team', 'Q3');
const words = fc.array(word, { minLength: 0, maxLength: 12 });
const text = words.map((w) => w.join(' '));

describe('merge3 (S16)', () => {
  it.each([
    [
      'non-overlapping edits both survive',
      'we shipped search today',
      'we shipped fast search today',
      'we shipped search yesterday',
      'we shipped fast search yesterday',
    ],
    ['identical edits merge to themselves', 'a b c', 'a X c', 'a X c', 'a X c'],
    ['one side unchanged takes the other', 'a b c', 'a b c', 'a b d', 'a b d'],
    ['edits of the same word conflict', 'a b c', 'a X c', 'a Y c', null],
    ['insertions at one spot conflict', 'a c', 'a b c', 'a d c', null],
    ['empty base, two different texts conflict', '', 'mine', 'theirs', null],
    ['whitespace is kept as typed', 'one two\nthree', 'one 2\nthree', 'one two\n3', 'one 2\n3'],
  ])('%s', (_, base, mine, theirs, expected) => {
    expect(merge3(base, mine, theirs)).toBe(expected);
  });

  it('property: an unchanged side yields the other side', () => {
    fc.assert(
      fc.property(text, text, (base, x) => {
        expect(merge3(base, base, x)).toBe(x);
        expect(merge3(base, x, base)).toBe(x);
        expect(merge3(base, x, x)).toBe(x);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('property: edits on either side of an untouched word both survive, in either order', () => {
    fc.assert(
      fc.property(words, words, words, words, (left, right, newLeft, newRight) => {
        const base = [...left, 'PIVOT', ...right].join(' ');
        const mine = [...newLeft, 'PIVOT', ...right].join(' ');
        const theirs = [...left, 'PIVOT', ...newRight].join(' ');
        const expected = [...newLeft, 'PIVOT', ...newRight].join(' ');
        const a = merge3(base, mine, theirs);
        const b = merge3(base, theirs, mine);
        if (a !== null) expect(a).toBe(expected);
        expect(a).toBe(b);
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('property: merging is symmetric, and a clean merge drops no word both sides kept', () => {
    fc.assert(
      fc.property(text, text, text, (base, mine, theirs) => {
        const m = merge3(base, mine, theirs);
        expect(merge3(base, theirs, mine)).toBe(m);
        // Words neither side touched are still there, in order.
        if (m !== null) {
          const kept = base
            .split(' ')
            .filter((w) => mine.split(' ').includes(w) && theirs.split(' ').includes(w) && !m.split(' ').includes(w));
          expect(kept).toEqual([]);
        }
      }),
      { seed: 3, numRuns: 1000 },
    );
  });
});
