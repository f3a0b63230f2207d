import { it } from 'vitest';
import { openBenchPage } from './chromium';
import { record, round } from './support';

const ROWS = 10_000;

/** Rows per second from the milliseconds one run took. */
const rate = (ms: number) => (ROWS / ms) * 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

it('applying a 10,000-row pull in IndexedDB (Chromium)', async () => {
  const bench = await openBenchPage();
  try {
    // The median of three runs at 1x damps a noisy shared box; one run at 4x keeps the whole file near a minute.
    for (const [cpu, runs] of [
      [1, 3],
      [4, 1],
    ] as const) {
      await bench.throttle(cpu);
      const value: number[] = [];
      const floor: number[] = [];
      // Alternated, so a burst of load from another process on the box hits both sides alike.
      for (let i = 0; i < runs; i++) {
        floor.push(rate(await bench.call('bulkPutFloor', ROWS)));
        value.push(rate(await bench.call('pullApply', ROWS)));
      }
      record({
        [cpu === 1 ? 'pull-apply-10k-dexie' : `pull-apply-10k-dexie-${cpu}x`]: {
          value: round(median(value), 0),
          unit: 'rows/s',
          floor: round(median(floor), 0),
          target: cpu === 1 ? '>= 5000' : '>= 3000',
        },
      });
    }
  } finally {
    await bench.close();
  }
});
