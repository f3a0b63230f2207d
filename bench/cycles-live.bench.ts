import { it } from 'vitest';
import { SECTIONS } from '../server/src/cycles/cycles-kit';
import { Api } from '../test/support/api';
import { withScratchPg } from './scratch-pg';
import { Device, startSignedIn } from './session';
import { type LiveStream, openLive } from './sse';
import { percentile, record, round } from './support';

const IDLE = 2000;
const RUNS = 20;
const WAIT_MS = 10_000;

/** tRPC's SSE reader for `cycles.live` (the same wire as `sync.live`, with an input). */
function openCycleLive(base: string, cookie: string, cycleId: string): Promise<LiveStream> {
  return openLive(base, cookie, 10_000, `/trpc/cycles.live?input=${encodeURIComponent(JSON.stringify({ cycleId }))}`);
}

/**
 * An HR dashboard on `cycles.live` while 2,000 other live streams sit idle on the same server. Value: from a
 * participant's change (a push into their space, the path a self-review submit takes) until the dashboard has had
 * the poke AND refetched `cycles.completion`. Floor: the same push followed at once by the completion query.
 */
async function run(kind: string, env: Record<string, string>) {
  const { server, api: hr } = await startSignedIn(env);
  const idle: LiveStream[] = [];
  try {
    const { setPasswordUrl } = await hr.mutation<{ setPasswordUrl: string }>('people.add', {
      name: 'Pia Participant',
      email: 'pia@bench.test',
      department: 'Sales',
      role: 'employee',
    });
    const pia = new Api(server.url);
    await pia.mutation('auth.setPassword', { token: new URL(setPasswordUrl).hash.replace('#token=', ''), password: 'pia-password-1' });
    const t = await hr.mutation<{ id: string }>('templates.create', { name: 'Bench', sections: SECTIONS });
    const dates = { periodStart: '2026-01-01', periodEnd: '2026-06-30', selfDeadline: '2099-01-10', managerDeadline: '2099-01-20' };
    const c = await hr.mutation<{ id: string }>('cycles.create', {
      name: 'Bench',
      templateId: t.id,
      ...dates,
      selection: { kind: 'department', department: 'Sales' },
    });
    await hr.mutation('cycles.launch', { cycleId: c.id });

    for (let i = 0; i < IDLE; i += 100) {
      idle.push(...(await Promise.all(Array.from({ length: Math.min(100, IDLE - i) }, () => openLive(server.url, hr.cookie)))));
    }
    const dashboard = await openCycleLive(server.url, hr.cookie, c.id);
    idle.push(dashboard);
    const device = new Device(pia);
    const value: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let seen = dashboard.count;
      let t0 = performance.now();
      await device.pushWin(`Live ${i}`);
      await dashboard.after(seen, WAIT_MS);
      await hr.query('cycles.completion', { cycleId: c.id });
      value.push(performance.now() - t0);

      seen = dashboard.count;
      t0 = performance.now();
      await device.pushWin(`Floor ${i}`);
      await hr.query('cycles.completion', { cycleId: c.id });
      floor.push(performance.now() - t0);
      await dashboard.after(seen, WAIT_MS);
    }
    record({
      [`cycle-dashboard-live-2000-idle-p95${kind}`]: {
        value: round(percentile(value, 95)),
        unit: 'ms',
        floor: round(percentile(floor, 95)),
        target: '<= 1000',
      },
    });
  } finally {
    for (const s of idle) s.close();
    await server.stop();
  }
}

it('a change reaches an HR dashboard with 2,000 idle live subscribers, PGlite', () => run('', {}));

it('a change reaches an HR dashboard with 2,000 idle live subscribers, PostgreSQL', () =>
  withScratchPg('merit_bench_cycles_live', (url) => run('-pg', { DATABASE_URL: url })));
