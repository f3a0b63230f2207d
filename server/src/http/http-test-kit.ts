import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client';
import type { Env } from '../env';
import type { ChangeBus } from '../sync/bus';
import { testEnv } from '../test/context';
import { buildApp } from './app';

export const INDEX_HTML = '<!doctype html><title>Merit test shell</title>';
export const ASSET = 'assets/index-Ab12Cd34.js';
/** The asset's text, long enough that the build would have written compressed copies of it. */
export const ASSET_TEXT = `console.log(${JSON.stringify('app '.repeat(400))});`;

/** A stand-in for dist/client: an index.html, a hashed asset, and the files that must never be cached. */
export function fakeStaticDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'merit-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX_HTML);
  writeFileSync(join(dir, ASSET), ASSET_TEXT);
  // What client/build/precompress.ts writes beside each text file.
  for (const f of ['index.html', ASSET]) {
    const text = f === ASSET ? ASSET_TEXT : INDEX_HTML;
    writeFileSync(join(dir, `${f}.br`), brotliCompressSync(text));
    writeFileSync(join(dir, `${f}.gz`), gzipSync(text));
  }
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {})');
  writeFileSync(join(dir, 'workbox-1a2b3c4d.js'), '/* workbox */');
  writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"Merit"}');
  return dir;
}

export interface TestApp {
  app: FastifyInstance;
  logs: string[];
}

export async function testApp(db: Db, bus: ChangeBus, env: Partial<Env> = {}): Promise<TestApp> {
  const logs: string[] = [];
  const app = await buildApp({
    db,
    bus,
    env: { ...testEnv, logLevel: 'info', staticDir: fakeStaticDir(), ...env },
    logStream: { write: (line) => void logs.push(line) },
  });
  return { app, logs };
}

/** The headers a same-origin fetch from the PWA sends with a mutation. */
export const JSON_SAME_ORIGIN = { 'content-type': 'application/json', origin: 'http://localhost:80' } as const;

export const cookieFrom = (setCookie: string | string[] | number | undefined) => {
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return typeof first === 'string' ? (first.split(';')[0] ?? '') : '';
};
