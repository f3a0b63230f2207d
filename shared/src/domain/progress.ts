/**
 * The figures the dashboards show (DESIGN.md section 5), as pure functions so they run on the device from
 * local data, offline, and on the server for HR's views, with the same answers.
 */

export interface KrValues {
  start: number;
  target: number;
  current: number;
}

/**
 * Progress of a key result: (current - start) / (target - start). `raw` is not clamped, so over-achievement
 * (1.3) and going backwards (-0.2) show; `clamped` in [0, 1] feeds roll-ups. A "reduce" result (target below
 * start) works the same way. With target equal to start there is no distance to cover: reached or not.
 */
export function krProgress({ start, target, current }: KrValues): { raw: number; clamped: number } {
  if (target === start) {
    const done = current === target ? 1 : 0;
    return { raw: done, clamped: done };
  }
  const raw = (current - start) / (target - start);
  return { raw, clamped: Math.min(1, Math.max(0, raw)) };
}

/** Weighted mean; weights that are all zero (or missing) count equally. Null for an empty list. */
export function weightedMean(items: readonly { value: number; weight: number }[]): number | null {
  if (items.length === 0) return null;
  const total = items.reduce((s, i) => s + Math.max(0, i.weight), 0);
  if (total === 0) return items.reduce((s, i) => s + i.value, 0) / items.length;
  return items.reduce((s, i) => s + i.value * Math.max(0, i.weight), 0) / total;
}

/** An objective's progress: the weighted mean of its key results' clamped progress. */
export function objectiveProgress(krs: readonly (KrValues & { weight: number })[]): number | null {
  return weightedMean(krs.map((k) => ({ value: krProgress(k).clamped, weight: k.weight })));
}

export const DEFAULT_ACHIEVEMENT_THRESHOLD = 0.7;

/**
 * Achievement rate: the share of key results whose final value reached at least `threshold` of the way from
 * start to target. Null when there is nothing to count.
 */
export function achievementRate(
  krs: readonly KrValues[],
  threshold: number = DEFAULT_ACHIEVEMENT_THRESHOLD,
): { achieved: number; total: number; rate: number | null } {
  const achieved = krs.filter((k) => krProgress(k).raw >= threshold).length;
  return { achieved, total: krs.length, rate: krs.length === 0 ? null : achieved / krs.length };
}
