import type { FastifyInstance } from 'fastify';
import type { Env } from '../env';
import { isSecure, originOf, pathOf } from './request-info';

/** No inline script or style anywhere: the built PWA loads everything from files of its own origin. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

export function securityHeaders(app: FastifyInstance, env: Env): void {
  app.addHook('onSend', async (req, reply, payload) => {
    for (const [k, v] of Object.entries(HEADERS)) reply.header(k, v);
    // HSTS only where the browser reached us over HTTPS: on plain HTTP it would be ignored, or worse, pin a dev box.
    if (isSecure(env, req)) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    return payload;
  });
}

const isTrpc = (path: string) => path === '/trpc' || path.startsWith('/trpc/');
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF for the JSON API (docs research B3). A browser sends a cross-origin `application/json` POST only
 * after a CORS preflight, which this server never grants; `text/plain`, urlencoded and multipart are
 * "simple" and need none, and tRPC would run a no-input mutation from a multipart form. So: JSON only
 * (415), and the request must say it is same-origin through Fetch Metadata, or else an exact Origin (403).
 * Runs in onRequest, before any body is read. GET never mutates: tRPC refuses mutations over GET.
 */
export function csrfGuard(app: FastifyInstance, env: Env): void {
  app.addHook('onRequest', async (req, reply) => {
    if (SAFE_METHODS.has(req.method) || !isTrpc(pathOf(req.url))) return;
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      return reply.code(415).send({ error: 'Requests that change data must be sent as application/json' });
    }
    const site = req.headers['sec-fetch-site'];
    const origin = req.headers.origin;
    const sameOrigin = site !== undefined ? site === 'same-origin' : origin === originOf(env, req);
    if (!sameOrigin) return reply.code(403).send({ error: 'Cross-origin requests that change data are refused' });
  });
}
