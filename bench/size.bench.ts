import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { it } from 'vitest';
import { record, round } from './support';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Gzip bytes of the JS the first page load fetches: entry scripts and their module preloads. */
function initialJsGzip(dir: string): number {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const urls = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) if (m[1]) urls.add(m[1]);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) if (m[1]) urls.add(m[1]);
  let total = 0;
  for (const u of urls) total += gzipSync(readFileSync(join(dir, u.replace(/^\.?\//, '')))).length;
  return total;
}

it('initial JS, gzip', async () => {
  await build({
    root: join(root, 'bench/floor'),
    logLevel: 'silent',
    configFile: false,
    plugins: [react()],
    build: { outDir: join(root, 'bench/out/floor'), emptyOutDir: true },
  });
  const floor = initialJsGzip(join(root, 'bench/out/floor'));
  const value = initialJsGzip(join(root, 'dist/client'));
  record({ 'initial-js-gzip': { value: round(value / 1024), unit: 'KB', floor: round(floor / 1024), target: '<= 150' } });
});
