// Helpers shared by the start, test and bench scripts. Plain Node, no dependencies: these run before
// anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
export const PNPM = ['-y', 'pnpm@10.34.8'];

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...opts });
  return r.status ?? 1;
}

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`Merit needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
    process.exit(1);
  }
}

/** Installs the workspace when node_modules is missing or older than the lockfile. */
export function ensureInstalled() {
  const marker = join(ROOT, 'node_modules/.modules.yaml');
  const lock = join(ROOT, 'pnpm-lock.yaml');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('Installing dependencies (first run only)...');
  const status = run('npx', [...PNPM, 'install', '--frozen-lockfile']);
  if (status !== 0) {
    console.error('Installing dependencies failed (see above).');
    process.exit(status);
  }
}

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = s.mtimeMs;
  for (const e of readdirSync(path))
    if (e !== 'node_modules' && !e.endsWith('.test.ts') && !e.endsWith('.test.tsx')) max = Math.max(max, newest(join(path, e)));
  return max;
}

const SOURCES = ['client', 'server/src', 'server/vite.config.ts', 'shared/src', 'public', 'vite.config.ts', 'pnpm-lock.yaml'];

/** Builds the PWA and the server bundle unless the last build is newer than every source file. */
export function ensureBuilt({ force = false } = {}) {
  const stamp = join(ROOT, 'dist/.build-stamp');
  const src = Math.max(...SOURCES.map((s) => newest(join(ROOT, s))));
  if (!force && existsSync(stamp) && Number(readFileSync(stamp, 'utf8')) >= src && existsSync(join(ROOT, 'dist/server/main.js'))) return;
  process.stdout.write('Building Merit... ');
  const started = Date.now();
  // The build's own output (a line per chunk) is kept back: shown only when it fails.
  const r = spawnSync('npx', [...PNPM, 'run', 'build'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) {
    console.log('failed.');
    console.error(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    console.error('The build failed (see above).');
    process.exit(r.status ?? 1);
  }
  writeFileSync(stamp, String(src));
  console.log(
    `done in ${Math.round((Date.now() - started) / 1000)} s (app ${sizeOf(join(ROOT, 'dist/client'))}, server ${sizeOf(join(ROOT, 'dist/server'))}).`,
  );
}

function bytesIn(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  return s.isDirectory() ? readdirSync(path).reduce((n, e) => n + bytesIn(join(path, e)), 0) : s.size;
}

const sizeOf = (path) => `${(bytesIn(path) / 1_048_576).toFixed(1)} MB`;
