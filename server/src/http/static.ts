import { existsSync } from 'node:fs';
import { relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pathOf } from './request-info';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const NO_CACHE = 'no-cache';
/** Paths that are API, never the app shell, even when a browser asks for HTML. */
const NOT_SPA = ['/trpc', '/healthz', '/metrics'];

/**
 * Vite puts content-hashed files under assets/: a new build gets new names, so they may be cached
 * forever. Everything else (index.html, the service worker and its Workbox runtime, the manifest,
 * icons) keeps its name across builds and must be revalidated, or an update never reaches anyone.
 */
export function cacheControlFor(root: string, file: string): string {
  const rel = relative(root, file).split(sep).join('/');
  if (rel.startsWith('assets/')) return IMMUTABLE;
  return NO_CACHE;
}

function wantsAppShell(req: FastifyRequest): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = pathOf(req.url);
  if (NOT_SPA.some((p) => path === p || path.startsWith(`${p}/`))) return false;
  return (req.headers.accept ?? '').includes('text/html');
}

/** Serves the built PWA, with client-side routes falling back to index.html; JSON 404s for everything else. */
export async function serveApp(app: FastifyInstance, staticDir: string): Promise<void> {
  const built = existsSync(`${staticDir}/index.html`);
  if (built) {
    await app.register(fastifyStatic, {
      root: staticDir,
      // The build writes x.br and x.gz beside each text file (client/build/precompress.ts): sent by the
      // request's Accept-Encoding, with Vary: Accept-Encoding, the plain file when neither is accepted.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, file) => {
        reply.header('cache-control', cacheControlFor(staticDir, file));
      },
    });
  }
  app.setNotFoundHandler((req: FastifyRequest, reply: FastifyReply) => {
    if (built && wantsAppShell(req)) {
      return reply.header('cache-control', NO_CACHE).type('text/html; charset=utf-8').sendFile('index.html');
    }
    const message = wantsAppShell(req) ? 'The web app is not built yet: run npm run build' : 'Not found';
    return reply.code(404).send({ error: message });
  });
}
