import type { DomainError } from './errors';
import { LIMITS } from './limits';

/**
 * The one text rule (docs/SYNC.md S44, S45), checked on the raw JSON of every procedure input and every
 * mutation's args before any schema or rule looks at it: no string (value or key) holds a NUL character
 * (PostgreSQL text and jsonb refuse it) or a lone UTF-16 surrogate (not text at all; jsonb refuses it too),
 * and nothing nests deeper than `LIMITS.jsonDepthMax`. The walk is a loop, never recursion, so a body nested
 * 10,000 levels deep is refused without a stack overflow.
 */

/** NUL, or a high surrogate not followed by a low one, or a low one not preceded by a high one. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this rule looks for.
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BAD_TEXT_ALL = new RegExp(BAD_TEXT.source, 'g');

export function badText(s: string): string | null {
  const m = BAD_TEXT.exec(s);
  if (!m) return null;
  return m[0] === '\u0000' ? 'must not contain a NUL character' : 'contains a broken character (a lone surrogate)';
}

type Key = string | number;
interface Node {
  value: unknown;
  key: Key | null;
  parent: Node | null;
  depth: number;
  /** Path patterns (suffixes still to match) below which the walk does not look; `*` matches any key. */
  opaque: readonly (readonly string[])[];
}

const NONE: readonly (readonly string[])[] = [];

function pathOf(node: Node | null, last?: Key): string {
  const keys: Key[] = last === undefined ? [] : [last];
  for (let n = node; n && n.key !== null; n = n.parent) keys.push(n.key);
  return keys.reverse().map(String).join('.');
}

function fault(field: string, what: string): DomainError {
  const message = field ? `${field} ${what}` : `Input ${what}`;
  return field ? { code: 'VALIDATION', message, field } : { code: 'VALIDATION', message };
}

/**
 * The first breach of the text rule in `value`, naming the field as a dotted path, or null. `opaque` lists
 * subtrees checked elsewhere (a push's mutation args are each checked on their own, so one bad mutation is
 * refused by itself, S40), e.g. `[['mutations', '*', 'args']]`.
 */
export function checkText(
  value: unknown,
  opaque: readonly (readonly string[])[] = NONE,
  maxDepth: number = LIMITS.jsonDepthMax,
): DomainError | null {
  if (typeof value === 'string') {
    const bad = badText(value);
    return bad ? fault('', bad) : null;
  }
  const stack: Node[] = [{ value, key: null, parent: null, depth: 0, opaque }];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const v = node.value;
    if (typeof v !== 'object' || v === null) continue;
    if (node.depth >= maxDepth) return fault(pathOf(node), `is nested too deeply (at most ${maxDepth} levels)`);
    const entries: [Key, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (const [k, child] of entries) {
      if (typeof k === 'string') {
        const bad = badText(k);
        if (bad) return fault(pathOf(node, '(key)'), `has a key that ${bad}`);
      }
      let below = NONE;
      let skip = false;
      for (const p of node.opaque) {
        if (p[0] !== '*' && p[0] !== String(k)) continue;
        if (p.length === 1) skip = true;
        else below = [...below, p.slice(1)];
      }
      if (skip) continue;
      if (typeof child === 'string') {
        const bad = badText(child);
        if (bad) return fault(pathOf(node, k), bad);
        continue;
      }
      if (typeof child === 'object' && child !== null)
        stack.push({ value: child, key: k, parent: node, depth: node.depth + 1, opaque: below });
    }
  }
  return null;
}

const cleanString = (s: string): string => (BAD_TEXT.test(s) ? s.replace(BAD_TEXT_ALL, '\uFFFD') : s);

/**
 * A copy of `value` that can always be stored as jsonb (S45): NUL and lone surrogates become U+FFFD, and
 * whatever lies deeper than `maxDepth` becomes the string "(too deeply nested)". Used for what an inbox row
 * keeps of the person's input, whatever the input was. Recursion is bounded by `maxDepth`.
 */
export function storable(value: unknown, maxDepth: number = LIMITS.jsonDepthMax): unknown {
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return cleanString(v);
    if (typeof v !== 'object' || v === null) return typeof v === 'number' && !Number.isFinite(v) ? null : v;
    if (depth >= maxDepth) return '(too deeply nested)';
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    // No prototype, so a `__proto__` key stays a plain key.
    const out: Record<string, unknown> = Object.create(null);
    for (const [k, x] of Object.entries(v)) out[cleanString(k)] = walk(x, depth + 1);
    return out;
  };
  return walk(value, 0);
}

export { cleanString as storableText };
