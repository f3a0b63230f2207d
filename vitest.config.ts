import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// One config, nine projects. `npm test` (scripts/test.mjs) runs all but `bench` and sums the counts.
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      { test: { name: 'shared', include: ['shared/src/**/*.test.ts'], environment: 'node' } },
      {
        plugins: [react()],
        resolve: { alias: { '@': r('./client/src') } },
        test: {
          name: 'client',
          include: ['client/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['client/src/test-setup.ts'],
        },
      },
      {
        test: {
          name: 'server-pglite',
          include: ['server/src/**/*.test.ts'],
          environment: 'node',
          env: { MERIT_TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'server-pg',
          include: ['server/src/**/*.test.ts'],
          environment: 'node',
          env: { MERIT_TEST_DB: 'pg' },
          globalSetup: ['server/src/test/pg-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Client engines (Dexie on fake-indexeddb) against the real server code on PGlite.
        resolve: { alias: { '@': r('./client/src') } },
        test: {
          name: 'sync',
          include: ['test/sync/**/*.test.ts'],
          exclude: ['test/sync/fuzz-concurrent.test.ts'],
          environment: 'node',
          testTimeout: 600_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The concurrent fuzz: client engines against the real server code on the real PostgreSQL.
        resolve: { alias: { '@': r('./client/src') } },
        test: {
          name: 'sync-pg',
          include: ['test/sync/fuzz-concurrent.test.ts'],
          environment: 'node',
          env: { MERIT_TEST_DB: 'pg' },
          globalSetup: ['server/src/test/pg-global-setup.ts'],
          testTimeout: 600_000,
          hookTimeout: 60_000,
        },
      },
      // The import boundaries of biome.json, linted on fixtures that break them (runs the biome binary).
      { test: { name: 'lint', include: ['test/lint/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
      {
        // Not part of `npm test`: `npm run bench` runs these and prints each figure beside its floor.
        test: { name: 'bench', include: ['bench/**/*.bench.ts'], environment: 'node', testTimeout: 600_000, fileParallelism: false },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/**/*.spec.ts'],
          environment: 'node',
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
