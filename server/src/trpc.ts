import { formatIssues, parse } from '@merit/shared/errors';
import { initTRPC, TRPCError } from '@trpc/server';
import type * as z from 'zod/mini';
import type { Context } from './context';
import { DomainTRPCError, domainError } from './errors';

/**
 * Who may call a procedure. Every procedure states one (the access-matrix test fails otherwise);
 * `signedIn` and stronger are checked against the session read from the database.
 */
export type Access = 'public' | 'signedIn' | 'hr';
export interface Meta {
  access: Access;
}

/**
 * Server-sent events options. tRPC reads them at each subscription request, so `mountTrpc` sets the keep-alive
 * from `SSE_PING_MS` (S63): a `ping` event every 25 s by default keeps proxies from dropping an idle live stream,
 * and the tRPC client ignores it (no pull).
 */
export const sseOptions = { ping: { enabled: true, intervalMs: 25_000 } };

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    sse: sseOptions,
    // Stack traces never leave the server, in any mode.
    isDev: false,
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      // tRPC wraps what an input parser throws in its own BAD_REQUEST, so look at the cause too.
      const domain =
        error instanceof DomainTRPCError
          ? error.domain
          : cause instanceof DomainTRPCError
            ? cause.domain
            : cause && 'issues' in cause && Array.isArray(cause.issues)
              ? formatIssues(cause.issues)
              : undefined;
      const internal = error.code === 'INTERNAL_SERVER_ERROR';
      return {
        message: internal ? 'Something went wrong on the server' : (domain?.message ?? shape.message),
        code: shape.code,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, domain },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * A tRPC input parser from a shared schema: errors name the field and nothing runs. Every procedure's input
 * goes through here, so the text rule (S44) holds for all of them; `opaque` subtrees are checked later.
 */
export function input<T>(schema: z.ZodMiniType<T>, opaque?: readonly (readonly string[])[]) {
  const parser = (raw: unknown): T => {
    const r = parse(schema, raw, opaque);
    if (!r.ok) throw new DomainTRPCError(r.error);
    return r.value;
  };
  INPUT_SCHEMAS.set(parser, schema);
  return parser;
}

/** The shared schema behind each input parser, so tests can walk every procedure's input (S43, the hostile-input fuzz). */
export const INPUT_SCHEMAS = new WeakMap<(raw: unknown) => unknown, z.ZodMiniType>();

export const publicProcedure = t.procedure.meta({ access: 'public' });

export const signedInProcedure = t.procedure.meta({ access: 'signedIn' }).use(({ ctx, next }) => {
  if (!ctx.session) throw domainError('UNAUTHENTICATED', 'Please sign in');
  return next({ ctx: { ...ctx, session: ctx.session } });
});

export const hrProcedure = t.procedure.meta({ access: 'hr' }).use(({ ctx, next }) => {
  if (!ctx.session) throw domainError('UNAUTHENTICATED', 'Please sign in');
  if (ctx.session.role !== 'hr') throw new TRPCError({ code: 'FORBIDDEN', message: 'Only HR admins can do this' });
  return next({ ctx: { ...ctx, session: ctx.session } });
});
