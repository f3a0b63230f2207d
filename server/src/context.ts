import type { SessionInfo } from './auth/sessions';
import type { Db } from './db/client';
import type { Env } from './env';
import type { ChangeBus } from './sync/bus';

export interface CookieOptions {
  maxAgeSeconds?: number;
}

/** What a procedure knows about the request. Built per request by http/app.ts, or by tests directly. */
export interface Context {
  db: Db;
  env: Env;
  bus: ChangeBus;
  session: SessionInfo | null;
  ip: string;
  userAgent: string;
  /** The origin set-password links point at: PUBLIC_URL, else the request's own origin. */
  origin: string;
  setSessionCookie(token: string, maxAgeSeconds: number): void;
  clearSessionCookie(): void;
  /** The request's logger (pino), where there is one: server-side failures go here, never to the device. */
  log?: { error(obj: object, msg: string): void };
}
