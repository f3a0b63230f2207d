#!/usr/bin/env node
// `npm run bench`: builds if needed, runs bench/*.bench.ts (vitest project "bench"), and prints each
// figure beside its floor measured in the same run. Figures also land in bench/results.json.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkNode, ensureBuilt, ensureInstalled, ROOT, run } from './lib.mjs';

checkNode();
ensureInstalled();
ensureBuilt();
const file = join(ROOT, 'bench/results.json');
rmSync(file, { force: true });
const status = run('npx', ['vitest', 'run', '--project', 'bench', ...process.argv.slice(2)], { env: { ...process.env, TZ: 'UTC' } });
if (!existsSync(file)) process.exit(status || 1);
const figures = JSON.parse(readFileSync(file, 'utf8'));
const rows = Object.entries(figures).map(([name, f]) => [
  name,
  String(f.value),
  f.unit,
  f.floor === null ? '-' : String(f.floor),
  f.target ?? '-',
]);
const head = ['figure', 'value', 'unit', 'floor (same run)', 'target'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i === 1 || i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
for (const r of rows) console.log(line(r));
process.exit(status);
