import { existsSync, lstatSync, readdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { migrationsFrom } from './src/db/migrate-run';
import { makeTemplate } from './src/db/pglite';

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const OUT = r('../dist/server');

/**
 * The bundle keeps its npm dependencies external, and pnpm installs them in server/node_modules, which
 * Node would never search from dist/server/. A relative link dist/server/node_modules -> the server's
 * node_modules lets `node dist/server/main.js` resolve them, and survives copying dist/ and server/ together.
 */
function linkDependencies(): Plugin {
  return {
    name: 'merit-link-server-dependencies',
    apply: 'build',
    writeBundle() {
      const link = `${OUT}/node_modules`;
      if (existsSync(link) || isDanglingLink(link)) unlinkSync(link);
      symlinkSync('../../server/node_modules', link, 'dir');
    },
  };
}

function isDanglingLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * A gzipped tarball of a freshly initialised PGlite cluster, next to the bundle: a first start fills its
 * new data directory from it instead of running initdb (several seconds on a small box). It is made by
 * the very PGlite version and migrations the server runs (all of migrations/*.sql, as migrate.ts reads
 * them); a start still runs the migrations, which then find nothing to do.
 */
function pgliteTemplate(): Plugin {
  return {
    name: 'merit-pglite-template',
    apply: 'build',
    async writeBundle() {
      const dir = r('./src/db/migrations');
      const files = Object.fromEntries(
        readdirSync(dir)
          .filter((f) => f.endsWith('.sql'))
          .map((f) => [`./migrations/${f}`, readFileSync(`${dir}/${f}`, 'utf8')]),
      );
      writeFileSync(`${OUT}/pglite-template.tgz`, await makeTemplate(migrationsFrom(files)));
    },
  };
}

// `vite build --config server/vite.config.ts`: the server as one ESM bundle for Node 20.
export default defineConfig({
  root: r('.'),
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: r('./src/main.ts'),
    outDir: OUT,
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rolldownOptions: { output: { format: 'es', entryFileNames: 'main.js' } },
  },
  // shared/ is TypeScript source: bundled. Everything else stays a Node import (SSR builds externalise
  // node_modules by default), including the native argon2 binding and PGlite's wasm.
  ssr: { noExternal: ['@merit/shared'], target: 'node' },
  plugins: [linkDependencies(), pgliteTemplate()],
});
