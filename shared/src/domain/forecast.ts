import { weightedMean } from './progress';

export interface Point {
  /** YYYY-MM-DD */
  date: string;
  value: number;
}

export type Forecast = { kind: 'not-enough-data' } | { kind: 'projection'; projected: number; onTrack: boolean; slopePerDay: number };

const DAY_MS = 86_400_000;
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY_MS;

/**
 * The projected value of a key result at its due date: a least-squares line through its check-ins over
 * time. Fewer than two check-ins, or all on one day, is not enough data to draw a line. On track when the
 * projection reaches the target in the target's direction (down for a "reduce" result).
 */
export function forecastKr(points: readonly Point[], dueDate: string, start: number, target: number): Forecast {
  if (points.length < 2) return { kind: 'not-enough-data' };
  const xs = points.map((p) => dayNumber(p.date));
  const ys = points.map((p) => p.value);
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx;
    sxx += dx * dx;
    sxy += dx * ((ys[i] ?? 0) - my);
  }
  if (sxx === 0) return { kind: 'not-enough-data' };
  const slope = sxy / sxx;
  const projected = my + slope * (dayNumber(dueDate) - mx);
  const onTrack = target >= start ? projected >= target : projected <= target;
  return { kind: 'projection', projected, onTrack, slopePerDay: slope };
}

export type GoalOutlook = 'on-track' | 'at-risk' | 'not-enough-data';

/** An objective is at risk when any key result with enough data is; with no data at all, it cannot say. */
export function goalOutlook(forecasts: readonly Forecast[]): GoalOutlook {
  const known = forecasts.filter((f): f is Extract<Forecast, { kind: 'projection' }> => f.kind === 'projection');
  if (known.length === 0) return 'not-enough-data';
  return known.every((f) => f.onTrack) ? 'on-track' : 'at-risk';
}

/** Confidence (0-10) of an objective: the weighted mean of each key result's latest confidence. */
export function rolledConfidence(krs: readonly { latestConfidence: number | null; weight: number }[]): number | null {
  return weightedMean(krs.flatMap((k) => (k.latestConfidence === null ? [] : [{ value: k.latestConfidence, weight: k.weight }])));
}
