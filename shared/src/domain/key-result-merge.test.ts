import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../ids';
import { createGoal, type Goal, type KeyResult, updateGoal } from './goal';
import { mergeKeyResults } from './key-result-merge';

const me = { personId: uuidv7(), role: 'employee' as const };
const ctx = { actor: me, now: 5_000 };

const kr = (id: string, over: Partial<KeyResult> = {}): KeyResult => ({
  id,
  title: `Result ${id}`,
  kind: 'number',
  start: 0,
  target: 10,
  unit: '',
  weight: 1,
  current: null,
  ...over,
});

function goalWith(keyResults: KeyResult[]): Goal {
  const r = createGoal(
    undefined,
    { id: uuidv7(), title: 'Grow the pilot', periodStart: '2026-10-01', dueDate: '2026-12-31', visibility: 'manager', keyResults },
    { actor: me, now: 1_000 },
  );
  if (!r.ok) throw new Error('factory');
  return r.value;
}

describe('S21: key results merge per id and per field', () => {
  const base = [kr('a'), kr('b')];
  const cases: { name: string; stored: KeyResult[]; mine: KeyResult[]; want: KeyResult[] }[] = [
    {
      name: 'edits of different key results on two devices both survive',
      stored: [kr('a', { target: 20 }), kr('b')],
      mine: [kr('a'), kr('b', { title: 'Renamed' })],
      want: [kr('a', { target: 20 }), kr('b', { title: 'Renamed' })],
    },
    {
      name: 'edits of different fields of one key result both survive',
      stored: [kr('a', { current: 7 }), kr('b')],
      mine: [kr('a', { title: 'Signed' }), kr('b')],
      want: [kr('a', { current: 7, title: 'Signed' }), kr('b')],
    },
    {
      name: 'a stale list does not overwrite a current set elsewhere',
      stored: [kr('a', { current: 9 }), kr('b')],
      mine: [kr('a'), kr('b')],
      want: [kr('a', { current: 9 }), kr('b')],
    },
    {
      name: 'the same field on both: this edit (the later one) wins',
      stored: [kr('a', { target: 20 }), kr('b')],
      mine: [kr('a', { target: 30 }), kr('b')],
      want: [kr('a', { target: 30 }), kr('b')],
    },
    {
      name: 'a key result added here is added; one added elsewhere stays',
      stored: [kr('a'), kr('b'), kr('x')],
      mine: [kr('a'), kr('b'), kr('y')],
      want: [kr('a'), kr('b'), kr('x'), kr('y')],
    },
    {
      name: 'a key result removed here goes, even if edited elsewhere',
      stored: [kr('a'), kr('b', { target: 50 })],
      mine: [kr('a')],
      want: [kr('a')],
    },
    {
      name: 'a key result removed elsewhere and untouched here stays removed',
      stored: [kr('a')],
      mine: [kr('a', { title: 'Signed' }), kr('b')],
      want: [kr('a', { title: 'Signed' })],
    },
    {
      name: 'a key result removed elsewhere but edited here comes back with this version',
      stored: [kr('a')],
      mine: [kr('a'), kr('b', { weight: 3 })],
      want: [kr('a'), kr('b', { weight: 3 })],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      expect(mergeKeyResults(c.stored, base, c.mine)).toEqual(c.want);
    });

  it('goal.update with a base merges; the rest of the patch applies as before', () => {
    const g = goalWith(base);
    const elsewhere = updateGoal(g, { id: g.id, patch: { keyResults: [kr('a', { current: 4 }), kr('b')] } }, ctx);
    if (!elsewhere.ok) throw new Error('setup');
    const r = updateGoal(
      elsewhere.value,
      { id: g.id, patch: { title: 'New', keyResults: [kr('a'), kr('b', { target: 12 })] }, base: { keyResults: base } },
      ctx,
    );
    expect(r).toMatchObject({ ok: true, value: { title: 'New', keyResults: [kr('a', { current: 4 }), kr('b', { target: 12 })] } });
  });

  it('without a base the list replaces the stored one (older clients)', () => {
    const g = goalWith([kr('a', { current: 4 }), kr('b')]);
    const r = updateGoal(g, { id: g.id, patch: { keyResults: [kr('a')] } }, ctx);
    expect(r).toMatchObject({ ok: true, value: { keyResults: [kr('a')] } });
  });

  it('a merge that leaves no key result is refused with its field, so the edit lands in the inbox', () => {
    const g = goalWith([kr('b')]);
    const r = updateGoal(g, { id: g.id, patch: { keyResults: [kr('a')] }, base: { keyResults: base } }, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'keyResults' } });
  });

  it('a done result is compared and stored normalised (0 -> 1)', () => {
    const done = kr('a', { kind: 'done', start: 0, target: 1, current: 0 });
    const g = goalWith([done, kr('b', { target: 40 })]);
    const r = updateGoal(
      g,
      { id: g.id, patch: { keyResults: [{ ...done, start: 3, target: 8, current: 5 }, kr('b')] }, base: { keyResults: [done, kr('b')] } },
      ctx,
    );
    expect(r).toMatchObject({ ok: true, value: { keyResults: [{ ...done, current: 1 }, kr('b', { target: 40 })] } });
  });
});

/** An edit of a list: some key results removed, fields changed on some, new ones appended (as the form does). */
const FIELD_VALUES = {
  title: fc.constantFrom('Signed', 'Churn', 'Hires'),
  target: fc.integer({ min: 11, max: 99 }),
  weight: fc.integer({ min: 0, max: 100 }),
  current: fc.option(fc.integer({ min: 0, max: 99 })),
};
type Edit = { remove: boolean; changes: Partial<Pick<KeyResult, 'title' | 'target' | 'weight' | 'current'>> };
const edit = fc.record({ remove: fc.boolean(), changes: fc.record(FIELD_VALUES, { requiredKeys: [] }) });
const applyEdits = (base: KeyResult[], edits: Edit[], added: string[]): KeyResult[] => [
  ...base.flatMap((k, i) => {
    const e = edits[i];
    return e?.remove ? [] : [{ ...k, ...e?.changes }];
  }),
  ...added.map((id) => kr(id, { title: `Added ${id}` })),
];
const baseList = fc.integer({ min: 1, max: 4 }).map((n) => Array.from({ length: n }, (_, i) => kr(`b${i}`)));

describe('S21 property (fast-check, fixed seeds)', () => {
  it('with no edit elsewhere, the merge is exactly this edit', () => {
    fc.assert(
      fc.property(baseList, fc.array(edit, { maxLength: 4 }), fc.array(fc.constantFrom('n1', 'n2'), { maxLength: 2 }), (base, es, add) => {
        const mine = applyEdits(base, es, [...new Set(add)]);
        expect(mergeKeyResults(base, base, mine)).toEqual(mine);
      }),
      { seed: 21, numRuns: 500 },
    );
  });

  it('what each device changed survives, and both arrival orders agree, when no one edits what the other removed', () => {
    const clean = (es: Edit[], keep: readonly (keyof Edit['changes'])[]): Edit[] =>
      es.map((e) => ({
        remove: e.remove,
        changes: Object.fromEntries(Object.entries(e.changes).filter(([f, v]) => keep.includes(f as never) && v !== undefined)),
      }));
    fc.assert(
      fc.property(baseList, fc.array(edit, { maxLength: 4 }), fc.array(edit, { maxLength: 4 }), (base, es1, es2) => {
        // Device 1 edits titles and targets, device 2 weights and currents: disjoint fields, so no edit has to lose.
        const a = applyEdits(base, clean(es1, ['title', 'target']), ['n1']);
        const b = applyEdits(base, clean(es2, ['weight', 'current']), ['n2']);
        const changedIn = (list: KeyResult[], b0: KeyResult) => {
          const k = list.find((x) => x.id === b0.id);
          return k !== undefined && JSON.stringify(k) !== JSON.stringify(b0);
        };
        const gone = (list: KeyResult[], b0: KeyResult) => !list.some((x) => x.id === b0.id);
        fc.pre(!base.some((b0) => (gone(a, b0) && changedIn(b, b0)) || (gone(b, b0) && changedIn(a, b0))));
        const ab = mergeKeyResults(a, base, b);
        const byId = (xs: KeyResult[]) => [...xs].sort((x, y) => x.id.localeCompare(y.id));
        expect(byId(ab)).toEqual(byId(mergeKeyResults(b, base, a)));
        for (const mine of [a, b]) {
          for (const k of mine) {
            const b0 = base.find((x) => x.id === k.id);
            const got = ab.find((x) => x.id === k.id);
            for (const f of ['title', 'target', 'weight', 'current'] as const) if (!b0 || k[f] !== b0[f]) expect(got?.[f]).toEqual(k[f]);
          }
          for (const b0 of base) if (gone(mine, b0)) expect(ab.find((x) => x.id === b0.id)).toBeUndefined();
        }
        for (const b0 of base)
          if (!gone(a, b0) && !gone(b, b0) && !changedIn(a, b0) && !changedIn(b, b0)) expect(ab.find((x) => x.id === b0.id)).toEqual(b0);
      }),
      { seed: 2121, numRuns: 1000 },
    );
  });
});
