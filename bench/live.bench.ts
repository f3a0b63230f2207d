import { it } from 'vitest';
import type { RunningServer } from '../test/support/server';
import { withScratchPg } from './scratch-pg';
import { Device, signInAgain, startSignedIn } from './session';
import { openLive } from './sse';
import { percentile, record, round } from './support';

const RUNS = 60;
const WAIT_MS = 10_000;

/**
 * Two devices of one person. Value: from A's push start until B has had the poke on its `sync.live`
 * stream AND pulled the new win. Floor: the same push followed at once by B's pull, no poke in between.
 */
async function pokeRuns(server: RunningServer, a: Device): Promise<{ value: number[]; floor: number[] }> {
  const b = new Device(await signInAgain(server));
  await b.pull();
  const live = await openLive(server.url, b.api.cookie);
  const value: number[] = [];
  const floor: number[] = [];
  try {
    // Alternated, so a burst of load elsewhere on the box hits both sides alike.
    for (let i = 0; i < RUNS; i++) {
      let seen = live.count;
      let t0 = performance.now();
      let win = await a.pushWin(`Live ${i}`);
      await live.after(seen, WAIT_MS);
      if (!(await b.pull()).includes(win)) throw new Error('poked, but the pull did not bring the win');
      value.push(performance.now() - t0);

      seen = live.count;
      t0 = performance.now();
      win = await a.pushWin(`Floor ${i}`);
      if (!(await b.pull()).includes(win)) throw new Error('the pull after the push did not bring the win');
      floor.push(performance.now() - t0);
      // This push pokes too: wait for it, so it cannot be taken for the next run's poke.
      await live.after(seen, WAIT_MS);
    }
  } finally {
    live.close();
  }
  return { value, floor };
}

async function run(kind: string, env: Record<string, string>) {
  const { server, api } = await startSignedIn(env);
  try {
    const { value, floor } = await pokeRuns(server, new Device(api));
    record({
      [`live-poke-p95${kind}`]: { value: round(percentile(value, 95)), unit: 'ms', floor: round(percentile(floor, 95)), target: '<= 1000' },
    });
  } finally {
    await server.stop();
  }
}

it('live poke to the other device, PGlite', () => run('', {}));

it('live poke to the other device, PostgreSQL', () => withScratchPg('merit_bench_live', (url) => run('-pg', { DATABASE_URL: url })));
