import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  name?: string;
  imports?: string[];
  css?: string[];
}

/**
 * What the first load of each entry fetches, by the build's manifest: the page, then each module named here
 * with every chunk it imports statically and its CSS. Lazy screens a page renders at once count as part of it.
 */
export const ENTRIES = {
  'sign-in': ['src/features/auth/sign-in-screen.tsx'],
  'set-password': ['src/features/auth/set-password-screen.tsx'],
  setup: ['src/features/auth/setup-screen.tsx'],
  // Home: the signed-in app (its dashboard included), the finals writer (while IndexedDB opens), "Log a win" (preloaded).
  home: ['src/app/signed-in.tsx', 'src/db/goal-finals-writer.ts', 'src/features/wins/log-win-screen.tsx'],
  'self-review': [
    'src/app/signed-in.tsx',
    'src/features/reviews/review-screen.tsx',
    'src/db/goal-finals-writer.ts',
    'src/features/wins/log-win-screen.tsx',
  ],
  'hr-cycle-dashboard': [
    'src/app/signed-in.tsx',
    'src/features/cycles/cycles-area.tsx',
    'src/db/goal-finals-writer.ts',
    'src/features/wins/log-win-screen.tsx',
  ],
} as const;
export type Entry = keyof typeof ENTRIES;

export interface EntryLoad {
  files: string[];
  /** Bytes as sent to a browser that accepts brotli: the build's .br copy where there is one. */
  brBytes: number;
  jsGzipBytes: number;
}

export function readManifest(dir: string): Record<string, ManifestChunk> {
  return JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
}

export function entryLoad(dir: string, modules: readonly string[]): EntryLoad {
  const manifest = readManifest(dir);
  const files = new Set<string>(['index.html']);
  const visit = (key: string) => {
    const c = manifest[key];
    if (!c) throw new Error(`${key} is not in the build manifest`);
    if (files.has(c.file)) return;
    files.add(c.file);
    for (const css of c.css ?? []) files.add(css);
    for (const i of c.imports ?? []) visit(i);
  };
  visit('index.html');
  for (const m of modules) visit(m);
  let brBytes = 0;
  let jsGzipBytes = 0;
  for (const f of files) {
    const path = join(dir, f);
    brBytes += readFileSync(existsSync(`${path}.br`) ? `${path}.br` : path).length;
    if (f.endsWith('.js')) jsGzipBytes += gzipSync(readFileSync(path)).length;
  }
  return { files: [...files], brBytes, jsGzipBytes };
}
