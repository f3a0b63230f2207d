import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { freePort } from '../test/support/server';
import { record, round } from './support';

/** Milliseconds from spawning `node <args>` to the first 200 from `path`. */
async function timeToHealthy(args: string[], env: Record<string, string>, path: string, port: number): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env, PORT: String(port) }, stdio: 'ignore' });
  try {
    for (;;) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}${path}`);
        if (r.ok) return performance.now() - t0;
      } catch {
        // not yet listening
      }
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
      if (performance.now() - t0 > 30_000) throw new Error('not healthy in 30 s');
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

it('cold start to healthy', async () => {
  const bare = "require('http').createServer((q,s)=>s.end('ok')).listen(process.env.PORT,'127.0.0.1')";
  const floors: number[] = [];
  const fresh: number[] = [];
  for (let i = 0; i < 3; i++) {
    floors.push(await timeToHealthy(['-e', bare], {}, '/', await freePort()));
    const dir = mkdtempSync(join(tmpdir(), 'merit-bench-'));
    try {
      fresh.push(
        await timeToHealthy(
          ['dist/server/main.js'],
          { DATA_DIR: dir, HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
          '/healthz',
          await freePort(),
        ),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  record({ 'cold-start-to-healthy': { value: round(median(fresh), 0), unit: 'ms', floor: round(median(floors), 0), target: '<= 3000' } });
});
