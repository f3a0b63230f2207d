import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits';
import { MERGE_STEP_BUDGET, merge3 } from './merge';

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

  /** A text of `n` words from a tiny vocabulary, so every word matches many others: the diff's worst case. */
  const noise = (n: number, seed: number) => {
    let x = seed;
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      out.push('abcdefgh'[x % 8] ?? 'a');
    }
    return out.join(' ');
  };

  it.each([
    ['S42: three unrelated texts of the largest allowed size', noise(2500, 1), noise(2500, 2), noise(2500, 3)],
    ['S42: a wholesale rewrite of every word against a one-word edit', 'x '.repeat(2500), 'y '.repeat(2500), `${'x '.repeat(2499)}z `],
  ])('%s: past the step budget both texts are kept (null: conflict copy)', (_, base, mine, theirs) => {
    expect(base.length).toBeLessThanOrEqual(LIMITS.descriptionMax);
    expect(merge3(base, mine, theirs)).toBeNull();
    expect(merge3(base, theirs, mine)).toBeNull();
  });

  it('S42: two local edits far apart in a text of the largest allowed size still merge within the budget', () => {
    const words = noise(800, 9)
      .split(' ')
      .map((w, i) => `${w}${i}`);
    const base = words.join(' ');
    const mine = [...words.slice(0, 100), 'NEW', 'WORDS', ...words.slice(103, 400), 'AGAIN', ...words.slice(400)].join(' ');
    const theirs = [...words.slice(0, 600), 'OTHER', ...words.slice(601)].join(' ');
    const expected = [
      ...words.slice(0, 100),
      'NEW',
      'WORDS',
      ...words.slice(103, 400),
      'AGAIN',
      ...words.slice(400, 600),
      'OTHER',
      ...words.slice(601),
    ].join(' ');
    expect(merge3(base, mine, theirs)).toBe(expected);
  });

  it('S42: the budget is what decides: the same clean merge refused with a tiny budget', () => {
    const base = 'a b c d e f g h i j';
    const mine = 'a X c d e Y g h i j';
    const theirs = 'a b c d e f g h i Z';
    expect(merge3(base, mine, theirs)).toBe('a X c d e Y g h i Z');
    expect(merge3(base, mine, theirs, 3)).toBeNull();
    expect(MERGE_STEP_BUDGET).toBeGreaterThan(10_000);
  });

  it('property: a diff reproduces its side exactly (an edit merged with an append at the end keeps both)', () => {
    const t = fc.array(fc.constantFrom('a', 'b', 'c', ' ', '  ', '\n'), { maxLength: 60 }).map((w) => w.join(''));
    fc.assert(
      fc.property(t, t, (base, mine) => {
        const theirs = `${base} END`;
        const m = merge3(base, mine, theirs);
        // Only a change touching the end clashes with the append; otherwise mine comes through word for word.
        if (m !== null) expect(m.endsWith(' END') || m === mine).toBe(true);
        if (m?.endsWith(' END')) expect(m.slice(0, -4).replace(/\s+$/, '')).toBe(mine.replace(/\s+$/, ''));
      }),
      { seed: 5, numRuns: 1000 },
    );
  });
});
