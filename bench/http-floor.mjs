// The floor for empty-pull-50-conns: Fastify + tRPC with one no-op query and nothing else (no session,
// no database), in its own process like the real server. Plain .mjs so node runs it without a build;
// fastify and @trpc/server are the server workspace's dependencies, so they are required from there.
import { createRequire } from 'node:module';

const require = createRequire(new URL('../server/package.json', import.meta.url));
const Fastify = require('fastify');
const { initTRPC } = require('@trpc/server');
const { fastifyTRPCPlugin } = require('@trpc/server/adapters/fastify');

const t = initTRPC.create();
const router = t.router({ noop: t.procedure.query(() => ({ ok: true })) });
const app = Fastify({ logger: false });
await app.register(fastifyTRPCPlugin, { prefix: '/trpc', trpcOptions: { router } });
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
process.stdout.write('ready\n');
