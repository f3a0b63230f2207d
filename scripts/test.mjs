#!/usr/bin/env node
// `npm test`: the whole suite, as CI runs it. Installs what is missing (dependencies, and Debian's
// chromium for the end-to-end specs), then: format and lint, typecheck, unit and component tests,
// server tests on PGlite and on the real PostgreSQL, the build, and the end-to-end specs.
// The last line is "N passed, N failed" (", N skipped" when any were skipped).
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { checkNode, ensureBuilt, ensureInstalled, ROOT, run } from './lib.mjs';

checkNode();
ensureInstalled();

const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];
const OUT = join(ROOT, '.test-data/results');
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

function banner(text) {
  console.log(`\n=== ${text} ===`);
}

function check(name, cmd, args) {
  banner(name);
  if (run(cmd, args) !== 0) {
    totals.failed += 1;
    problems.push(name);
  }
}

function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return true;
  if (process.getuid?.() !== 0) {
    console.error(
      'The end-to-end specs need Debian\'s "chromium" package at /usr/bin/chromium: install it with `sudo apt-get install chromium`.',
    );
    return false;
  }
  banner('installing Debian chromium for the end-to-end specs');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-q'], { env });
  return run('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'chromium'], { env }) === 0 && existsSync('/usr/bin/chromium');
}

async function postgresAnswers() {
  const url = process.env.MERIT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const pg = createRequire(join(ROOT, 'server/package.json'))('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function vitest(label, projects) {
  banner(label);
  const file = join(OUT, `${label.replace(/\W+/g, '-')}.json`);
  const args = [
    'vitest',
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ];
  const status = run('npx', args, { env: { ...process.env, TZ: 'UTC', NODE_ENV: 'test' } });
  if (!existsSync(file)) {
    totals.failed += 1;
    problems.push(`${label} (vitest did not report)`);
    return;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + r.numTodoTests;
  // A file that fails to load has no failed tests but fails the run.
  if (status !== 0 && r.numFailedTests === 0) {
    totals.failed += 1;
    problems.push(`${label} (a test file failed to run)`);
  } else if (r.numFailedTests > 0) problems.push(label);
}

check('format and lint (biome ci)', 'npx', ['biome', 'ci', '.']);
check('typecheck (tsc, strict)', 'npx', [...['-y', 'pnpm@10.34.8'], 'run', 'typecheck']);

const projects = ['shared', 'client', 'server-pglite', 'sync', 'lint'];
if (await postgresAnswers()) projects.push('server-pg', 'sync-pg');
else {
  console.log('\n!!! NOTICE: no PostgreSQL answers on 127.0.0.1:5432: the server suite ran on PGlite ONLY, not on PostgreSQL. !!!\n');
}
vitest('unit, component and server tests', projects);

banner('build');
ensureBuilt();
if (ensureChromium()) vitest('end-to-end specs in Chromium', ['e2e']);
else {
  totals.failed += 1;
  problems.push('end-to-end specs (no chromium)');
}

if (problems.length > 0) console.log(`\nFailed: ${problems.join('; ')}`);
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
