import { it } from 'vitest';
import { checkinClickToOutbox } from './app-click';
import { openBenchPage } from './chromium';
import { interleave, percentile, record, round } from './support';

const CPU = 4;
const RUNS = 30;
const CHECKIN_RUNS = 200;
// Through the real UI each run also waits for the sync that follows: fewer runs, as for log-a-win.
const CLICK_RUNS = 40;
const WARMUP = 10;
const ROUNDS = 4;

const p50 = (xs: number[]) => round(percentile(xs, 50));
const p95 = (xs: number[]) => round(percentile(xs, 95));

it('home dashboard over 5 years of data, and a check-in from tap to persisted, at 4x CPU throttle', async () => {
  const bench = await openBenchPage();
  let putFloor: number[] = [];
  try {
    // Seeding (12,200 rows) runs unthrottled inside the first call, which is not measured.
    await bench.call('dashboardReadRuns', 1);
    await bench.throttle(CPU);
    // Alternated, so both see the same warm caches and the same load on the machine.
    const floor: number[] = [];
    const value: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      floor.push(...(await bench.call('dashboardReadRuns', 1)));
      value.push(...(await bench.call('dashboardRuns', 1)));
    }
    const compute = await bench.call('dashboardComputeRuns', RUNS);
    const readAll = await bench.call('dashboardReadAllRuns', 5);
    record({
      'dashboard-5y-p50-4x': { value: p50(value), unit: 'ms', floor: p50(floor), target: '<= 50' },
      'dashboard-5y-p95-4x': { value: p95(value), unit: 'ms', floor: p95(floor), target: null },
      'dashboard-5y-compute-all-p50-4x': { value: p50(compute), unit: 'ms', floor: p50(readAll), target: '<= 50' },
    });
    // Interleaved like log-a-win (bench/mutate.bench.ts), with the same relaxed-durability diagnostic.
    const n = CHECKIN_RUNS / ROUNDS;
    const c = await interleave(ROUNDS, {
      put: () => bench.call('checkinPutRuns', n, WARMUP),
      checkin: () => bench.call('checkinRuns', n, WARMUP),
      relaxedPut: () => bench.call('checkinPutRuns', n, WARMUP, 'relaxed'),
      relaxedCheckin: () => bench.call('checkinRuns', n, WARMUP, 'relaxed'),
    });
    putFloor = c.put;
    record({
      'checkin-p95-4x': { value: p95(c.checkin), unit: 'ms', floor: p95(c.put), target: '<= 16' },
      'checkin-p50-4x': { value: p50(c.checkin), unit: 'ms', floor: p50(c.put), target: null },
      'checkin-relaxed-diagnostic-p95-4x': { value: p95(c.relaxedCheckin), unit: 'ms', floor: p95(c.relaxedPut), target: '<= 16' },
    });
  } finally {
    await bench.close();
  }
  // From the goal's screen, "Check in" on a key result, a new value, "Save check-in": the click to the committed
  // outbox entry in the built app. Target: the research's P5 (local write ack at 4x, p95 <= 50 ms), as log-a-win.
  const clicks = await checkinClickToOutbox(CLICK_RUNS, 3, CPU);
  record({
    'checkin-click-p95-4x': { value: p95(clicks), unit: 'ms', floor: p95(putFloor), target: '<= 50' },
    'checkin-click-p50-4x': { value: p50(clicks), unit: 'ms', floor: p50(putFloor), target: null },
  });
});
