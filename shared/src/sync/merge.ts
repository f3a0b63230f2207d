/**
 * Three-way merge of long text (rule S16): when two devices edited the same text from one base, both edits
 * survive if they touch different words; otherwise the caller keeps one side and files the other as a
 * conflict copy. Word-level, because these texts are prose, not lines of code.
 *
 * Bounded (rule S42): each side is diffed against the base with Myers' O(ND) algorithm after trimming the
 * common head and tail, and the work is counted. Past `MERGE_STEP_BUDGET` the merge gives up and answers
 * null, exactly as for overlapping edits: the stored text stays and the person's text becomes a conflict
 * copy, so a hostile or wholesale rewrite costs a bounded slice of the server's time and loses nothing.
 * Written here rather than taken from a library because `shared/` depends on zod alone (docs/ARCHITECTURE.md).
 */

/** Work units (diagonals visited plus tokens compared) one side's diff may spend: well under a millisecond on a quiet server. */
export const MERGE_STEP_BUDGET = 50_000;

interface Hunk {
  /** Replaced range of base tokens, [start, end). */
  start: number;
  end: number;
  insert: string[];
}

const tokenize = (s: string): string[] => s.split(/(\s+)/).filter((t) => t !== '');

/** Tokens as small integers, one table for the three texts, so the diff compares numbers. */
function intern(dict: Map<string, number>, tokens: readonly string[]): Int32Array {
  const out = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    let n = dict.get(t);
    if (n === undefined) {
      n = dict.size;
      dict.set(t, n);
    }
    out[i] = n;
  }
  return out;
}

/**
 * Myers' greedy shortest edit script between a[lo..aHi) and b[lo..bHi), as hunks in base (`a`) positions;
 * null once the step budget is spent. The V array of every round is kept for the walk back: rounds are
 * bounded by the budget, so the trace is too.
 */
function myers(
  a: Int32Array,
  b: Int32Array,
  lo: number,
  aHi: number,
  bHi: number,
  words: readonly string[],
  budget: number,
): Hunk[] | null {
  const n = aHi - lo;
  const m = bHi - lo;
  const max = n + m;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let steps = 0;
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[off + k - 1] ?? 0) < (v[off + k + 1] ?? 0)) ? (v[off + k + 1] ?? 0) : (v[off + k - 1] ?? 0) + 1;
      let y = x - k;
      steps++;
      while (x < n && y < m && a[lo + x] === b[lo + y]) {
        x++;
        y++;
        steps++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    trace.push(v.slice(off - d, off + d + 1));
    if (steps > budget) return null;
  }
  // Walk back from (n, m): each round contributes one insertion or deletion, preceded by a snake.
  type Op = { kind: 'del'; i: number } | { kind: 'ins'; i: number; j: number };
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d - 1] ?? new Int32Array(0);
    const at = (k: number) => prev[k + d - 1] ?? 0;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const pk = down ? k + 1 : k - 1;
    const px = at(pk);
    const py = px - pk;
    ops.push(down ? { kind: 'ins', i: px, j: py } : { kind: 'del', i: px });
    x = px;
    y = py;
  }
  ops.reverse();
  const hunks: Hunk[] = [];
  for (const op of ops) {
    const pos = lo + op.i;
    const last = hunks[hunks.length - 1];
    // Edits that touch (no equal token between them) form one hunk.
    const open = last && last.end === pos ? last : undefined;
    const h = open ?? { start: pos, end: pos, insert: [] };
    if (!open) hunks.push(h);
    if (op.kind === 'del') h.end = pos + 1;
    else h.insert.push(words[lo + op.j] ?? '');
  }
  return hunks;
}

/** Hunks turning base into other: the common head and tail are trimmed first, so a local edit costs little. */
function diff(a: Int32Array, b: Int32Array, words: readonly string[], budget: number): Hunk[] | null {
  let lo = 0;
  while (lo < a.length && lo < b.length && a[lo] === b[lo]) lo++;
  let aHi = a.length;
  let bHi = b.length;
  while (aHi > lo && bHi > lo && a[aHi - 1] === b[bHi - 1]) {
    aHi--;
    bHi--;
  }
  if (lo === aHi && lo === bHi) return [];
  if (lo === aHi) return [{ start: lo, end: lo, insert: words.slice(lo, bHi) }];
  if (lo === bHi) return [{ start: lo, end: aHi, insert: [] }];
  return myers(a, b, lo, aHi, bHi, words, budget);
}

const same = (x: Hunk, y: Hunk) => x.start === y.start && x.end === y.end && x.insert.join('') === y.insert.join('');
/** Touching counts as overlapping: two edits at one spot have no safe order. */
const overlaps = (x: Hunk, y: Hunk) => x.start <= y.end && y.start <= x.end;

/** The merged text, or null when the two edits overlap or the merge would cost more than its budget. */
export function merge3(base: string, mine: string, theirs: string, budget: number = MERGE_STEP_BUDGET): string | null {
  if (mine === theirs || theirs === base) return mine;
  if (mine === base) return theirs;
  const dict = new Map<string, number>();
  const b = tokenize(base);
  const mineWords = tokenize(mine);
  const theirWords = tokenize(theirs);
  const bi = intern(dict, b);
  const ours = diff(bi, intern(dict, mineWords), mineWords, budget);
  if (!ours) return null;
  const their = diff(bi, intern(dict, theirWords), theirWords, budget);
  if (!their) return null;
  const all: Hunk[] = [...ours];
  for (const h of their) {
    const clash = ours.find((o) => overlaps(o, h));
    if (clash && !same(clash, h)) return null;
    if (!clash) all.push(h);
  }
  all.sort((x, y) => x.start - y.start || x.end - y.end);
  const out: string[] = [];
  let at = 0;
  for (const h of all) {
    out.push(...b.slice(at, h.start), ...h.insert);
    at = h.end;
  }
  out.push(...b.slice(at));
  return out.join('');
}
