import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { parse } from './errors';
import { badText, checkText, storable } from './text-rule';

const deep = (levels: number): unknown => {
  let v: unknown = 'leaf';
  for (let i = 0; i < levels; i++) v = { a: [v] };
  return v;
};

/** Objects and arrays of strings of any UTF-16 units (lone surrogates and NUL included), keys too. */
const codeUnit = fc.oneof(
  fc.constantFrom('\u0000', '\uD800', '\uDC00', 'a', '🚀'),
  fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
);
const unit = fc.string({ unit: codeUnit, maxLength: 8 });
const hostile = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    unit,
    fc.integer(),
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(unit, tie('node'), { maxKeys: 3 }),
  ),
})).node;

describe('S44: the text rule on raw input', () => {
  it.each([
    ['a NUL in a value', { title: 'a\u0000b' }, 'title', 'NUL'],
    ['a lone high surrogate', { patch: { title: 'x\uD800' } }, 'patch.title', 'lone surrogate'],
    ['a lone low surrogate', { tags: ['ok', '\uDC00y'] }, 'tags.1', 'lone surrogate'],
    ['a NUL in a key', { args: { 'k\u0000': 1 } }, 'args.(key)', 'key'],
    ['nesting past the limit', { args: deep(40) }, 'args', 'nested too deeply'],
  ])('refuses %s, naming the field', (_, input, field, words) => {
    const e = checkText(input);
    expect(e?.code).toBe('VALIDATION');
    expect(e?.field?.startsWith(field)).toBe(true);
    expect(e?.message).toContain(words);
  });

  it('accepts well-formed text: pairs of surrogates (emoji), accents, newlines', () => {
    expect(checkText({ title: 'Shipped 🚀 café\nline two', tags: ['ünïcode'] })).toBeNull();
    expect(badText('👍🏽')).toBeNull();
  });

  it('walks 10,000 levels without recursion and refuses them', () => {
    const e = checkText({ mutations: [{ args: deep(10_000) }] });
    expect(e?.message).toContain('nested too deeply');
  });

  it('skips opaque subtrees (a push checks each mutation on its own, S40)', () => {
    const push = { deviceId: 'd', mutations: [{ name: 'x\u0000', args: { t: '\u0000', deep: deep(100) } }] };
    expect(
      checkText(push, [
        ['mutations', '*', 'args'],
        ['mutations', '*', 'name'],
      ]),
    ).toBeNull();
    expect(checkText(push)?.field).toBe('mutations.0.name');
  });

  it('parse() applies the rule before the schema, so every input gets it', () => {
    const r = parse(z.strictObject({ name: z.string() }), { name: 'Ann\u0000' });
    expect(r).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'name must not contain a NUL character', field: 'name' } });
  });

  it('S45: storable() makes anything storable as jsonb: NUL and lone surrogates replaced, depth cut', () => {
    const out = storable({ t: 'a\u0000b\uD800', 'k\u0000': deep(50), ok: '🚀', n: Number.NaN, __proto__x: 1 });
    expect(checkText(out)).toBeNull();
    expect(JSON.stringify(out)).toContain('a\uFFFDb\uFFFD');
    expect(JSON.stringify(out)).toContain('(too deeply nested)');
  });

  it('property: storable() of any JSON-like value passes the text rule and keeps clean text as is', () => {
    fc.assert(
      fc.property(hostile, unit, (v, s) => {
        expect(checkText(storable({ v, s }))).toBeNull();
        if (badText(s) === null) expect(storable(s)).toBe(s);
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});
