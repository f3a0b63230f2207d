import { describe, expect, it } from 'vitest';
import { ok } from '../errors';
import { MUTATIONS, type MutationName } from '../mutations';
import { patchText, settleLongText } from './long-text';
import { reviewAnswerText } from './review';
import { review } from './review.fixtures';

// S16, S50: the three-way settling of a declared long text, whatever the mutation.

const lt = patchText<'body', { id: string; patch: { body?: string }; base?: { body: string } }, { id: string; body: string }>(
  'body',
  'note',
);
const row = (body: string) => ({ id: 'n', body });
const edit = (mine: string | undefined, base?: string) => ({
  id: 'n',
  patch: mine === undefined ? {} : { body: mine },
  ...(base === undefined ? {} : { base: { body: base } }),
});
/** What the rule itself does: set the person's text like any field. */
const rule = (prev: { id: string; body: string }, a: ReturnType<typeof edit>) => ok({ ...prev, body: a.patch.body ?? prev.body });

describe('settleLongText (S16, S50)', () => {
  // [stored, base, mine, stored after, conflict copy]
  const table: [string, string | undefined, string | undefined, string, string | null][] = [
    ['a b c', undefined, 'x', 'x', null], // no base: an overwrite (older clients)
    ['a b c', 'a b c', 'a B c', 'a B c', null], // unchanged since the base: mine stands
    ['a b c', 'a b c', undefined, 'a b c', null], // the edit did not touch the text
    ['A b c', 'a b c', 'a b C', 'A b C', null], // disjoint edits merge
    ['a B c', 'a b c', 'a X c', 'a B c', 'a X c'], // the same word: stored stays, mine is a conflict copy
    ['a B c', 'a b c', 'a B c', 'a B c', null], // both typed the same
  ];
  it.each(table)('stored %j, base %j, mine %j -> %j, copy %j', (stored, base, mine, after, copy) => {
    const a = edit(mine, base);
    const r = settleLongText(lt, row(stored), a, rule(row(stored), a));
    expect(r).toEqual(
      copy === null ? { ok: true, value: row(after) } : { ok: true, value: row(after), conflict: { field: 'body', text: copy } },
    );
  });

  it('a refusal or a new record passes through untouched', () => {
    const refused = { ok: false as const, error: { code: 'DELETED' as const, message: 'gone' } };
    expect(settleLongText(lt, row('a'), edit('b', 'c'), refused)).toBe(refused);
    const created = ok(row('new'));
    expect(settleLongText(lt, undefined, edit('b', 'c'), created)).toBe(created);
  });

  it('"use my version" (only) sends just the text, with the kept text as its base, so it replaces it', () => {
    const a = { id: 'n', patch: { body: 'mine', title: 'T' }, base: { body: 'old' } };
    expect(lt.only(a, 'kept')).toEqual({ id: 'n', patch: { body: 'mine' }, base: { body: 'kept' } });
  });

  it('a review answer: stored per side and question, put keeps the rating and cites', () => {
    const r = review('self_in_progress', { selfAnswers: { q: { rating: 3, text: 'old', cites: [] } } });
    const a = { id: r.id, side: 'self' as const, questionId: 'q', answer: { text: 'new' }, base: { text: 'older' } };
    expect(reviewAnswerText.stored(r, a)).toBe('old');
    expect(reviewAnswerText.stored(r, { ...a, side: 'manager' })).toBe('');
    expect(reviewAnswerText.put(r, a, 'merged').selfAnswers.q).toEqual({ rating: 3, text: 'merged', cites: [] });
    expect(reviewAnswerText.only(a, 'old')).toEqual({
      id: r.id,
      side: 'self',
      questionId: 'q',
      answer: { text: 'new' },
      base: { text: 'old' },
    });
  });

  it('S50: every declared "use my version" parses with its own mutation schema', () => {
    const samples: Partial<Record<MutationName, unknown>> = {
      'review.answer@1': { id: review('not_started').id, side: 'self', questionId: 'q', answer: { text: 'mine' } },
    };
    for (const [name, d] of Object.entries(MUTATIONS)) {
      if (!d.longText) continue;
      const args = samples[name as MutationName] ?? { id: review('not_started').id, patch: { [d.longText.field]: 'mine' } };
      const parsed = d.args.safeParse(args);
      expect(parsed.success, name).toBe(true);
      if (!parsed.success) continue;
      const only = (d.longText as { only(a: unknown, b: string): unknown }).only(parsed.data, 'kept');
      expect(d.args.safeParse(only).success, name).toBe(true);
    }
  });
});
