import type { FastifyRequest } from 'fastify';
import type { Env } from '../env';

/**
 * Over HTTPS when PUBLIC_URL says so, or when the request itself is (Fastify reads X-Forwarded-Proto
 * only with TRUST_PROXY, so a client cannot claim HTTPS through a header).
 */
export function isSecure(env: Pick<Env, 'publicUrl'>, req: FastifyRequest): boolean {
  return env.publicUrl?.startsWith('https://') === true || req.protocol === 'https';
}

/** The origin the browser uses for this server: PUBLIC_URL, else what the request names itself. */
export function originOf(env: Pick<Env, 'publicUrl'>, req: FastifyRequest): string {
  return env.publicUrl ?? `${req.protocol}://${req.host}`;
}

/** The path without its query string: tRPC GET inputs live there, and one of them is a set-password token. */
export const pathOf = (url: string) => {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
};
