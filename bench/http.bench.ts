import { type ChildProcess, spawn } from 'node:child_process';
import { PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import { it } from 'vitest';
import { freePort } from '../test/support/server';
import { type LoadOptions, type LoadResult, load } from './load';
import { withScratchPg } from './scratch-pg';
import { Device, startSignedIn } from './session';
import { record, round } from './support';

const CONNECTIONS = 50;
const WARMUP_MS = 1500;
const DURATION_MS = 8000;
// About 3x what either server managed here: a cap that only bites if something is badly wrong.
const MAX_REQUESTS = 80_000;

/** A short unmeasured burst first, so JIT and connection setup do not count; then the measured run. */
async function measure(o: Omit<LoadOptions, 'connections' | 'durationMs' | 'maxRequests'>): Promise<LoadResult> {
  await load({ ...o, connections: CONNECTIONS, durationMs: WARMUP_MS, maxRequests: MAX_REQUESTS });
  return load({ ...o, connections: CONNECTIONS, durationMs: DURATION_MS, maxRequests: MAX_REQUESTS });
}

/** bench/http-floor.mjs on a free loopback port: Fastify + tRPC answering a no-op query. */
async function startFloor(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['bench/http-floor.mjs'], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('floor server not ready in 20 s')), 20_000);
      child.stdout?.on('data', (d) => {
        if (!String(d).includes('ready')) return;
        clearTimeout(timer);
        resolve();
      });
      child.once('exit', (code) => reject(new Error(`floor server exited with ${code}`)));
    });
  } catch (e) {
    await stop();
    throw e;
  }
  return { url: `http://127.0.0.1:${port}`, stop };
}

async function run(kind: string, env: Record<string, string>): Promise<void> {
  const floorServer = await startFloor();
  let floor: LoadResult;
  try {
    floor = await measure({ url: `${floorServer.url}/trpc/noop` });
  } finally {
    await floorServer.stop();
  }

  const { server, api } = await startSignedIn(env);
  try {
    // A device with a few wins behind it and an up-to-date cursor: each pull below finds nothing new.
    const device = new Device(api);
    for (let i = 0; i < 5; i++) await device.pushWin(`Win ${i}`);
    await device.pull();
    if ((await device.pull()).length !== 0) throw new Error('the cursor is not up to date');
    // And a device of the same person that never pushed (a pull-only laptop), also up to date.
    const reader = new Device(api);
    await reader.pull();
    const body = (d: Device) => JSON.stringify({ protocol: PROTOCOL_VERSION, deviceId: d.id, cursor: d.cursor });
    const url = `${server.url}/trpc/sync.pull`;
    const value = await measure({ url, body: body(device), headers: { cookie: api.cookie } });
    const never = await measure({ url, body: body(reader), headers: { cookie: api.cookie } });
    if (value.errors > 0 || never.errors > 0 || floor.errors > 0)
      throw new Error(`errors under load: ${value.errors}, ${never.errors} (server), ${floor.errors} (floor)`);
    record({
      [`empty-pull-50-conns${kind}`]: {
        value: round(value.perSecond, 0),
        unit: 'req/s',
        floor: round(floor.perSecond, 0),
        target: '>= 0.7 of floor',
      },
      [`empty-pull-50-conns-p99${kind}`]: { value: round(value.p99), unit: 'ms', floor: round(floor.p99), target: '<= 50' },
      [`empty-pull-never-pushed-50-conns${kind}`]: {
        value: round(never.perSecond, 0),
        unit: 'req/s',
        floor: round(floor.perSecond, 0),
        target: '>= 0.7 of floor',
      },
      [`empty-pull-never-pushed-50-conns-p99${kind}`]: { value: round(never.p99), unit: 'ms', floor: round(floor.p99), target: '<= 50' },
    });
  } finally {
    await server.stop();
  }
}

it('empty pull, 50 connections, against the built server on PGlite', () => run('', {}));

// The same on PostgreSQL: PGlite runs its queries on the server's one event loop, PostgreSQL in its own processes.
it('empty pull, 50 connections, against the built server on PostgreSQL', () =>
  withScratchPg('merit_bench_http', (url) => run('-pg', { DATABASE_URL: url })));
