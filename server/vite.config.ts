import { existsSync, lstatSync, symlinkSync, unlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

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
  plugins: [linkDependencies()],
});
