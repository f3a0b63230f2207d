/**
 * Three-way merge of long text (rule S16): when two devices edited the same description from one base,
 * both edits survive if they touch different words; otherwise the caller keeps one side and files the
 * other as a conflict copy. Word-level, because descriptions are prose, not lines of code.
 */

interface Hunk {
  /** Replaced range of base tokens, [start, end). */
  start: number;
  end: number;
  insert: string[];
}

const tokenize = (s: string): string[] => s.split(/(\s+)/).filter((t) => t !== '');

/** Hunks turning `a` into `b`, from a longest-common-subsequence table. */
function diff(a: string[], b: string[]): Hunk[] {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? (lcs[(i + 1) * w + j + 1] ?? 0) + 1 : Math.max(lcs[(i + 1) * w + j] ?? 0, lcs[i * w + j + 1] ?? 0);
    }
  }
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: Hunk | null = null;
  const flush = () => {
    if (open) hunks.push(open);
    open = null;
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else if (j < m && (i >= n || (lcs[i * w + j + 1] ?? 0) >= (lcs[(i + 1) * w + j] ?? 0))) {
      open ??= { start: i, end: i, insert: [] };
      open.insert.push(b[j] ?? '');
      j++;
    } else {
      open ??= { start: i, end: i, insert: [] };
      open.end = i + 1;
      i++;
    }
  }
  flush();
  return hunks;
}

const same = (x: Hunk, y: Hunk) => x.start === y.start && x.end === y.end && x.insert.join('') === y.insert.join('');
/** Touching counts as overlapping: two edits at one spot have no safe order. */
const overlaps = (x: Hunk, y: Hunk) => x.start <= y.end && y.start <= x.end;

/** The merged text, or null when the two edits overlap. */
export function merge3(base: string, mine: string, theirs: string): string | null {
  if (mine === theirs || theirs === base) return mine;
  if (mine === base) return theirs;
  const b = tokenize(base);
  const ours = diff(b, tokenize(mine));
  const their = diff(b, tokenize(theirs));
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
