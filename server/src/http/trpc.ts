import { type CreateFastifyContextOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import type { FastifyInstance } from 'fastify';
import { lookupSession } from '../auth/sessions';
import type { Context } from '../context';
import type { Db } from '../db/client';
import type { Env } from '../env';
import { type AppRouter, appRouter } from '../router';
import type { ChangeBus } from '../sync/bus';
import { sseOptions } from '../trpc';
import { sessionCookieFor } from './cookies';
import type { Metrics } from './metrics';
import { originOf } from './request-info';

/** More calls in one batch than the client ever makes is a resource attack (OWASP API4). */
export const MAX_BATCH = 20;

export const PROCEDURES: ReadonlySet<string> = new Set(Object.keys(appRouter._def.procedures));

interface Deps {
  db: Db;
  env: Env;
  bus: ChangeBus;
  metrics: Metrics;
}

async function createContext(deps: Deps, { req, res }: CreateFastifyContextOptions): Promise<Context> {
  const cookie = sessionCookieFor(deps.env, req, res);
  const session = cookie.token ? await lookupSession(deps.db, cookie.token, deps.env) : null;
  return {
    db: deps.db,
    env: deps.env,
    bus: deps.bus,
    session,
    ip: req.ip,
    userAgent: req.headers['user-agent'] ?? '',
    origin: originOf(deps.env, req),
    setSessionCookie: cookie.set,
    clearSessionCookie: cookie.clear,
    log: req.log,
  };
}

export async function mountTrpc(app: FastifyInstance, deps: Deps): Promise<void> {
  sseOptions.ping.enabled = deps.env.ssePingMs > 0;
  sseOptions.ping.intervalMs = deps.env.ssePingMs;
  // Registered in its own encapsulated scope: the adapter swaps the JSON parser for a raw one there only.
  await app.register(fastifyTRPCPlugin<AppRouter>, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      maxBatchSize: MAX_BATCH,
      // `sync.pull` is a query sent as a POST (its cursor grows with the spaces a person reads; docs/SYNC.md S6).
      // Queries only read, and a POST still passes the CSRF guard (JSON, same origin) before any procedure runs.
      allowMethodOverride: true,
      createContext: (opts) => createContext(deps, opts),
      onError({ error, path, req }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') req.log.error({ err: error.cause ?? error, path }, 'procedure failed');
      },
      responseMeta({ info, data }) {
        for (const [i, call] of (info?.calls ?? []).entries()) {
          if (call.path !== 'sync.push') continue;
          const r = data[i];
          if (!r || 'error' in r) {
            deps.metrics.countPush('error');
            continue;
          }
          const out = r.result.data as { results?: { status: string }[] } | undefined;
          for (const m of out?.results ?? []) deps.metrics.countPush(m.status);
        }
        return {};
      },
    },
  });
}
