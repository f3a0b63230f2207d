import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastKr, goalOutlook, rolledConfidence } from './forecast';
import { achievementRate, krProgress, objectiveProgress, weightedMean } from './progress';

describe('key result progress', () => {
  it.each([
    ['half way', 0, 100, 50, 0.5, 0.5],
    ['over-achieved shows, clamps for roll-ups', 0, 100, 130, 1.3, 1],
    ['backwards', 10, 20, 8, -0.2, 0],
    ['reduce: from 40 bugs to 10, now 25', 40, 10, 25, 0.5, 0.5],
    ['reduce over-achieved', 40, 10, 0, 4 / 3, 1],
    ['zero distance, reached', 5, 5, 5, 1, 1],
    ['zero distance, not reached', 5, 5, 4, 0, 0],
    ['done/not done', 0, 1, 1, 1, 1],
  ])('%s', (_, start, target, current, raw, clamped) => {
    const p = krProgress({ start, target, current });
    expect(p.raw).toBeCloseTo(raw, 10);
    expect(p.clamped).toBeCloseTo(clamped, 10);
  });

  it('property: clamped progress is in [0, 1] and never falls as current moves toward the target', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -2000, max: 2000 }),
        fc.nat(50),
        (start, target, current, step) => {
          const a = krProgress({ start, target, current }).clamped;
          const toward = current + Math.sign(target - start) * step;
          const b = krProgress({ start, target, current: toward }).clamped;
          expect(a).toBeGreaterThanOrEqual(0);
          expect(a).toBeLessThanOrEqual(1);
          if (target !== start) expect(b).toBeGreaterThanOrEqual(a);
        },
      ),
      { seed: 11, numRuns: 1000 },
    );
  });

  it('objective progress is the weighted mean of clamped key results; zero weights count equally', () => {
    expect(
      objectiveProgress([
        { start: 0, target: 10, current: 5, weight: 3 },
        { start: 0, target: 10, current: 20, weight: 1 },
      ]),
    ).toBeCloseTo(0.625);
    expect(
      objectiveProgress([
        { start: 0, target: 10, current: 5, weight: 0 },
        { start: 0, target: 10, current: 10, weight: 0 },
      ]),
    ).toBeCloseTo(0.75);
    expect(objectiveProgress([])).toBeNull();
    expect(
      weightedMean([
        { value: 2, weight: -1 },
        { value: 4, weight: 1 },
      ]),
    ).toBe(4);
  });
});

describe('forecast (least squares)', () => {
  it('not enough data below two check-ins, or all on one day', () => {
    expect(forecastKr([], '2026-12-31', 0, 10)).toEqual({ kind: 'not-enough-data' });
    expect(forecastKr([{ date: '2026-01-01', value: 3 }], '2026-12-31', 0, 10)).toEqual({ kind: 'not-enough-data' });
    expect(
      forecastKr(
        [
          { date: '2026-01-01', value: 3 },
          { date: '2026-01-01', value: 4 },
        ],
        '2026-12-31',
        0,
        10,
      ),
    ).toEqual({ kind: 'not-enough-data' });
  });

  it.each([
    [
      'on pace to reach the target',
      [
        ['2026-01-01', 0],
        ['2026-01-11', 10],
      ],
      '2026-01-31',
      0,
      30,
      30,
      true,
    ],
    [
      'falls short',
      [
        ['2026-01-01', 0],
        ['2026-01-11', 5],
      ],
      '2026-01-31',
      0,
      30,
      15,
      false,
    ],
    [
      'reduce on track',
      [
        ['2026-01-01', 40],
        ['2026-01-11', 30],
      ],
      '2026-01-31',
      40,
      10,
      10,
      true,
    ],
    [
      'check-ins after the due date still fit the line',
      [
        ['2026-01-01', 0],
        ['2026-02-10', 40],
      ],
      '2026-01-31',
      0,
      25,
      30,
      true,
    ],
    [
      'zero-length period',
      [
        ['2026-01-01', 0],
        ['2026-01-02', 1],
      ],
      '2026-01-01',
      0,
      0,
      0,
      true,
    ],
  ] as const)('%s', (_, pts, due, start, target, projected, onTrack) => {
    const f = forecastKr(
      pts.map(([date, value]) => ({ date, value })),
      due,
      start,
      target,
    );
    expect(f.kind).toBe('projection');
    if (f.kind === 'projection') {
      expect(f.projected).toBeCloseTo(projected, 6);
      expect(f.onTrack).toBe(onTrack);
    }
  });

  it('property: points on a line project exactly onto that line', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100, max: 100 }),
        fc.integer({ min: -20, max: 20 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 300 }), { minLength: 2, maxLength: 12 }),
        fc.integer({ min: 0, max: 400 }),
        (a, b, days, dueDay) => {
          const date = (d: number) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
          const f = forecastKr(
            days.map((d) => ({ date: date(d), value: a + b * d })),
            date(dueDay),
            0,
            1,
          );
          expect(f.kind).toBe('projection');
          if (f.kind === 'projection') expect(f.projected).toBeCloseTo(a + b * dueDay, 6);
        },
      ),
      { seed: 5, numRuns: 500 },
    );
  });

  it('outlook and confidence roll up to the objective', () => {
    const on = { kind: 'projection', projected: 10, onTrack: true, slopePerDay: 1 } as const;
    const off = { ...on, onTrack: false };
    expect(goalOutlook([on, { kind: 'not-enough-data' }])).toBe('on-track');
    expect(goalOutlook([on, off])).toBe('at-risk');
    expect(goalOutlook([{ kind: 'not-enough-data' }])).toBe('not-enough-data');
    expect(
      rolledConfidence([
        { latestConfidence: 8, weight: 1 },
        { latestConfidence: 2, weight: 3 },
        { latestConfidence: null, weight: 5 },
      ]),
    ).toBeCloseTo(3.5);
    expect(rolledConfidence([{ latestConfidence: null, weight: 1 }])).toBeNull();
  });
});

describe('achievement rate', () => {
  it('counts key results at or above the threshold, configurable', () => {
    const krs = [
      { start: 0, target: 10, current: 7 },
      { start: 0, target: 10, current: 6.9 },
      { start: 100, target: 0, current: 20 },
      { start: 0, target: 1, current: 0 },
    ];
    expect(achievementRate(krs)).toEqual({ achieved: 2, total: 4, rate: 0.5 });
    expect(achievementRate(krs, 0.5)).toEqual({ achieved: 3, total: 4, rate: 0.75 });
    expect(achievementRate([])).toEqual({ achieved: 0, total: 0, rate: null });
  });
});
