import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const br = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text the browser fetches: compressed. Images are compressed already; source maps only reach developer tools. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/;

async function* files(dir: string): AsyncGenerator<string> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.test(e.name)) yield path;
  }
}

/**
 * Writes `x.br` (brotli, best) and `x.gz` (gzip -9) beside each text file of `dir`, where smaller, for the
 * server to send by content negotiation (server/src/http/static.ts). Returns the files compressed.
 */
export async function precompressDir(dir: string): Promise<string[]> {
  const done: string[] = [];
  const jobs: Promise<void>[] = [];
  for await (const path of files(dir)) {
    jobs.push(
      (async () => {
        const raw = await readFile(path);
        const [b, g] = await Promise.all([
          br(raw, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              [constants.BROTLI_PARAM_SIZE_HINT]: (await stat(path)).size,
            },
          }),
          gz(raw, { level: constants.Z_BEST_COMPRESSION }),
        ]);
        // A file too small to gain is sent as it is; the server falls back to it.
        if (b.length >= raw.length && g.length >= raw.length) return;
        if (b.length < raw.length) await writeFile(`${path}.br`, b);
        if (g.length < raw.length) await writeFile(`${path}.gz`, g);
        done.push(path);
      })(),
    );
  }
  await Promise.all(jobs);
  return done;
}

/**
 * Runs after every other plugin has written its files (vite-plugin-pwa writes the service worker in its own
 * closeBundle), so sw.js and the Workbox runtime are compressed too.
 */
export function precompress(outDir: string): Plugin {
  return {
    name: 'merit-precompress',
    apply: 'build',
    enforce: 'post',
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        await precompressDir(outDir);
      },
    },
  };
}
