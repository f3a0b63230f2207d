import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompress } from './client/build/precompress';

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

const THEME = '#1d5c4d';
const OUT = r('./dist/client');

export default defineConfig({
  root: 'client',
  publicDir: '../public',
  resolve: { alias: { '@': r('./client/src') } },
  // The manifest (.vite/manifest.json) is how bench/entries.ts and test/wire.spec.ts list each entry's chunks; it names
  // only source files, no more public than the source maps beside the chunks.
  build: { outDir: OUT, emptyOutDir: true, sourcemap: true, manifest: true },
  server: { proxy: { '/trpc': { target: 'http://localhost:8080', changeOrigin: false } } },
  plugins: [
    react(),
    VitePWA({
      // A new version waits for the person to tap "Reload": never swapped under someone mid-edit.
      registerType: 'prompt',
      strategies: 'generateSW',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png', 'robots.txt'],
      manifest: {
        name: 'Merit',
        short_name: 'Merit',
        description: 'Log your wins and goals on your phone, even offline; reviews that write themselves.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: THEME,
        background_color: '#f6f5f1',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The whole shell, so the app opens with no network after the first visit.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,txt,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/trpc/, /^\/healthz/, /^\/metrics/, /^\/auth\//, /^\/scim\//, /^\/api\//],
        // No runtime caching: the API is never answered from a cache; synced data lives in IndexedDB.
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        // Web push: the push and notificationclick handlers (public/push-sw.js), precached with the shell.
        importScripts: ['/push-sw.js'],
        // The first install controls the open page at once (so it works offline without a reload); later
        // versions wait (no skipWaiting) until the person taps "Reload".
        clientsClaim: true,
        skipWaiting: false,
      },
      devOptions: { enabled: false },
    }),
    // Brotli and gzip copies of every text file, served by content negotiation (server/src/http/static.ts).
    precompress(OUT),
  ],
});
