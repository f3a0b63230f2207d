import { LIMITS } from '@merit/shared/limits';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { mountOidc } from '../auth/oidc/oidc-routes';
import type { Db } from '../db/client';
import type { Env } from '../env';
import { mountScim } from '../scim/scim-routes';
import type { ChangeBus } from '../sync/bus';
import { compressAnswers } from './compress';
import { mountExport } from './export-route';
import { Metrics, metricsAllowed } from './metrics';
import { pathOf } from './request-info';
import { csrfGuard, securityHeaders } from './security';
import { serveApp } from './static';
import { MAX_BATCH, mountTrpc, PROCEDURES } from './trpc';

export interface AppDeps {
  db: Db;
  env: Env;
  bus: ChangeBus;
  /** Where the JSON log lines go; stdout when absent. Tests read them to check what is never logged. */
  logStream?: { write(line: string): void };
}

/** A route label with bounded cardinality: a procedure name only when it is one of ours. */
function routeLabel(req: FastifyRequest): string {
  const route = req.routeOptions.url;
  if (route === undefined) return 'not_found';
  if (route === '/trpc/:path') {
    const names = decodeURIComponent(pathOf(req.url).slice('/trpc/'.length)).split(',');
    if (names.length > 1) return names.every((n) => PROCEDURES.has(n)) ? '/trpc/(batch)' : '/trpc/(unknown)';
    return names[0] && PROCEDURES.has(names[0]) ? `/trpc/${names[0]}` : '/trpc/(unknown)';
  }
  return route === '/*' ? '(static)' : route;
}

const HEALTH_TIMEOUT_MS = 3000;

export async function buildApp({ db, env, bus, logStream }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: env.logLevel,
      ...(logStream ? { stream: logStream } : {}),
      // Only method, path and address: no headers (cookies), no query (tRPC GET inputs carry tokens), no bodies.
      serializers: {
        req: (req) => ({ method: req.method, path: pathOf(req.url), ip: req.ip }),
      },
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    },
    trustProxy: env.trustProxy,
    bodyLimit: LIMITS.bodyBytesMax,
    // A batched tRPC URL names every procedure of the batch in one path segment.
    routerOptions: { maxParamLength: MAX_BATCH * 40 },
  });
  const metrics = new Metrics(db.kind);
  const started = new WeakMap<FastifyRequest, bigint>();
  const streams = new Set<FastifyRequest>();

  app.addHook('onRequest', async (req) => {
    started.set(req, process.hrtime.bigint());
    if ((req.headers.accept ?? '').includes('text/event-stream')) streams.add(req);
  });
  app.addHook('onResponse', async (req, reply) => {
    streams.delete(req);
    const t0 = started.get(req);
    if (t0 !== undefined) metrics.observeRequest(routeLabel(req), reply.statusCode, Number(process.hrtime.bigint() - t0) / 1e9);
  });
  // Live subscriptions never finish on their own; on shutdown they are cut so that close() can complete.
  app.addHook('preClose', async () => {
    for (const req of streams) req.raw.destroy();
  });

  securityHeaders(app, env);
  csrfGuard(app, env);
  // Before any route: the plugin attaches itself to each route as it is added.
  await compressAnswers(app);

  // Never a stack trace, a SQL text or a file path in a response (ASVS 16.5.1).
  app.setErrorHandler((err: { statusCode?: number; message?: string }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) req.log.error({ err }, 'request failed');
    return reply.code(status).send({ error: status >= 500 ? 'Something went wrong on the server' : (err.message ?? 'Bad request') });
  });

  app.get('/healthz', async (_req, reply) => {
    try {
      await Promise.race([
        db.query('select 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('database timeout')), HEALTH_TIMEOUT_MS).unref()),
      ]);
      return { ok: true, db: db.kind };
    } catch {
      return reply.code(503).send({ ok: false, db: db.kind });
    }
  });
  app.get('/metrics', async (req, reply) => {
    if (!metricsAllowed(env.metricsToken, req.headers.authorization))
      return reply.code(401).header('www-authenticate', 'Bearer realm="metrics"').send({ error: 'A bearer token is required' });
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(metrics.render());
  });

  await mountTrpc(app, { db, env, bus, metrics });
  // CSV export of a review cycle
  mountExport(app, { db, env });
  // identity (issue 13): sign-in through the OpenID provider
  mountOidc(app, { db, env });
  // identity (issue 13): SCIM 2.0 provisioning
  await mountScim(app, { db, env, bus });
  await serveApp(app, env.staticDir);
  return app;
}
