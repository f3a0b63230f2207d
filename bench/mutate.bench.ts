import { it } from 'vitest';
import { clickToOutbox } from './app-click';
import { openBenchPage } from './chromium';
import { interleave, percentile, record, round } from './support';

const RUNS = 200;
const ROUNDS = 4;
const WARMUP = 10;
// Through the real UI each run also waits for the sync that follows, about 2 s on this box: fewer runs.
const CLICK_RUNS = 40;
const CPU = 4;

it('log a win at 4x CPU throttle: mutate() to committed outbox entry, and a click on "Save win" in the built app', async () => {
  const bench = await openBenchPage();
  const p = (xs: number[], q: number) => round(percentile(xs, q));
  let floor: number[];
  try {
    await bench.throttle(CPU);
    // 'relaxed' is the diagnostic: the same mutate() on a bench-only database whose transactions skip the disk
    // flush, beside a relaxed bare put. The flush happens in the browser process, which the CPU throttle does not
    // slow, so strict minus relaxed is the disk's share and relaxed minus its floor is the code's own cost.
    const s = await interleave(ROUNDS, {
      put: () => bench.call('putRuns', RUNS / ROUNDS, WARMUP),
      mutate: () => bench.call('mutateRuns', RUNS / ROUNDS, WARMUP),
      relaxedPut: () => bench.call('putRuns', RUNS / ROUNDS, WARMUP, 'relaxed'),
      relaxedMutate: () => bench.call('mutateRuns', RUNS / ROUNDS, WARMUP, 'relaxed'),
    });
    floor = s.put;
    record({
      'log-a-win-p95-4x': { value: p(s.mutate, 95), unit: 'ms', floor: p(s.put, 95), target: '<= 16' },
      'log-a-win-p50-4x': { value: p(s.mutate, 50), unit: 'ms', floor: p(s.put, 50), target: null },
      'log-a-win-relaxed-diagnostic-p95-4x': { value: p(s.relaxedMutate, 95), unit: 'ms', floor: p(s.relaxedPut, 95), target: '<= 16' },
      'log-a-win-relaxed-diagnostic-p50-4x': { value: p(s.relaxedMutate, 50), unit: 'ms', floor: p(s.relaxedPut, 50), target: null },
    });
    await bench.throttle(1);
    const one = await interleave(ROUNDS, {
      put: () => bench.call('putRuns', RUNS / ROUNDS, WARMUP),
      mutate: () => bench.call('mutateRuns', RUNS / ROUNDS, WARMUP),
    });
    record({ 'log-a-win-p95-1x': { value: p(one.mutate, 95), unit: 'ms', floor: p(one.put, 95), target: null } });
  } finally {
    await bench.close();
  }
  // The floor is the same bare put as above: the UI adds event handling, form validation and mutate() on top.
  // Its target is the research's P5 (local write ack at 4x, p95 <= 50 ms), the brief's 16 ms being for mutate().
  const clicks = await clickToOutbox(CLICK_RUNS, 3, CPU);
  record({
    'log-a-win-click-p95-4x': { value: p(clicks, 95), unit: 'ms', floor: p(floor, 95), target: '<= 50' },
    'log-a-win-click-p50-4x': { value: p(clicks, 50), unit: 'ms', floor: p(floor, 50), target: null },
  });
});
