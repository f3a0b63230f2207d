import type { KeyResult } from './goal';

const FIELDS = ['title', 'kind', 'start', 'target', 'unit', 'weight', 'current'] as const satisfies readonly (keyof KeyResult)[];

const changed = (base: KeyResult, mine: KeyResult) => FIELDS.some((f) => mine[f] !== base[f]);

/** Field by field: what this edit changed from its base wins; every other field keeps the stored value. */
function mergeOne(stored: KeyResult, base: KeyResult, mine: KeyResult): KeyResult {
  const out: KeyResult = { ...stored };
  for (const f of FIELDS) if (mine[f] !== base[f]) Object.assign(out, { [f]: mine[f] });
  return out;
}

/**
 * S21: merges a goal's key results per key result id and per field. `stored` is the server's list, `base` the
 * list the device edited from and `mine` the list it sends. A key result this edit removed from its base goes;
 * one it added comes in; in one both still hold, the fields it changed win and the others keep the stored
 * values (another device's edit, or a hand-set current). Key results added elsewhere, which the device never
 * saw, stay. A key result removed elsewhere stays removed unless this edit changed it: then the person's
 * version comes back rather than their typing being dropped. Stored order first, new ones after, in their order.
 */
export function mergeKeyResults(stored: readonly KeyResult[], base: readonly KeyResult[], mine: readonly KeyResult[]): KeyResult[] {
  const baseById = new Map(base.map((k) => [k.id, k]));
  const mineById = new Map(mine.map((k) => [k.id, k]));
  const out: KeyResult[] = [];
  for (const s of stored) {
    const b = baseById.get(s.id);
    const m = mineById.get(s.id);
    if (m === undefined) {
      if (b === undefined) out.push(s);
      continue;
    }
    out.push(b === undefined ? m : mergeOne(s, b, m));
  }
  const storedIds = new Set(stored.map((k) => k.id));
  for (const m of mine) {
    if (storedIds.has(m.id)) continue;
    const b = baseById.get(m.id);
    if (b === undefined || changed(b, m)) out.push(m);
  }
  return out;
}
