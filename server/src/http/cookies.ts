import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Env } from '../env';
import { isSecure } from './request-info';

/**
 * Over HTTPS the cookie carries the `__Host-` prefix (ASVS 3.3.3): the browser then insists on Secure,
 * Path=/ and no Domain, so a sibling subdomain cannot plant or overwrite it.
 */
export const cookieName = (secure: boolean) => (secure ? '__Host-merit_session' : 'merit_session');

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return value === '' ? null : value;
    }
  }
  return null;
}

function serialize(name: string, value: string, maxAgeSeconds: number, secure: boolean): string {
  // HttpOnly: scripts never see the token. SameSite=Lax: cross-site POSTs go without it.
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
}

export function sessionCookieFor(env: Pick<Env, 'publicUrl'>, req: FastifyRequest, reply: FastifyReply) {
  const secure = isSecure(env, req);
  const name = cookieName(secure);
  return {
    token: readCookie(req.headers.cookie, name),
    set: (token: string, maxAgeSeconds: number) => {
      reply.header('set-cookie', serialize(name, token, maxAgeSeconds, secure));
    },
    clear: () => {
      reply.header('set-cookie', serialize(name, '', 0, secure));
    },
  };
}
