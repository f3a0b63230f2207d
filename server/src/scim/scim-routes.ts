import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client';
import type { Env } from '../env';
import { originOf } from '../http/request-info';
import type { ChangeBus } from '../sync/bus';
import { list, resourceTypes, schemas, serviceProviderConfig } from './scim-discovery';
import { errorBody, ScimError, toScimError } from './scim-errors';
import { parseFilter } from './scim-filter';
import { parsePatch } from './scim-patch';
import { type ScimCaller, scimCaller } from './scim-tokens';
import { parseUser, SCIM_SELECT, type ScimPersonRow, toResource } from './scim-user';
import { changeUser, createUser, scimPerson } from './scim-users';

const PREFIX = '/scim/v2';
const TYPE = 'application/scim+json; charset=utf-8';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const callers = new WeakMap<FastifyRequest, ScimCaller>();

function callerOf(req: FastifyRequest): ScimCaller {
  const c = callers.get(req);
  if (!c) throw new ScimError(401, null, 'A SCIM bearer token is required');
  return c;
}

function idOf(req: FastifyRequest): string {
  const id = (req.params as { id?: string }).id ?? '';
  if (!UUID.test(id)) throw new ScimError(404, null, `No User with id ${id}`);
  return id;
}

function intParam(v: unknown, fallback: number, min: number, max: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new ScimError(400, 'invalidValue', 'startIndex and count must be whole numbers');
  return Math.min(max, Math.max(min, n));
}

/**
 * SCIM 2.0 (RFC 7643/7644) at /scim/v2, for identity providers: Users and the discovery endpoints.
 * Reached only with a SCIM bearer token (session cookies are never read here, and these tokens are
 * never read anywhere else). Every change goes through the people functions HR's own edits use.
 */
export async function mountScim(app: FastifyInstance, deps: { db: Db; env: Env; bus: ChangeBus }): Promise<void> {
  await app.register(
    async (scim) => {
      scim.addContentTypeParser(['application/scim+json', 'application/json'], { parseAs: 'string' }, (_req, body, done) => {
        try {
          done(null, body === '' ? {} : JSON.parse(String(body)));
        } catch {
          done(new ScimError(400, 'invalidSyntax', 'The body is not valid JSON'), undefined);
        }
      });
      scim.addHook('onRequest', async (req, reply) => {
        const header = req.headers.authorization ?? '';
        const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
        const caller = bearer ? await scimCaller(deps.db, bearer) : null;
        if (!caller) {
          reply.header('www-authenticate', 'Bearer realm="merit-scim"');
          return reply
            .code(401)
            .type(TYPE)
            .send(errorBody(new ScimError(401, null, 'A valid SCIM bearer token is required')));
        }
        callers.set(req, caller);
      });
      scim.setErrorHandler((err, req, reply) => {
        const scimErr = toScimError(err) ?? (isBadBody(err) ? new ScimError(400, 'invalidSyntax', 'The body is not valid JSON') : null);
        if (!scimErr) req.log.error({ err }, 'SCIM request failed');
        const e = scimErr ?? new ScimError(500, null, 'Something went wrong on the server');
        return reply.code(e.status).type(TYPE).send(errorBody(e));
      });

      const base = (req: FastifyRequest) => `${originOf(deps.env, req)}${PREFIX}`;
      const send = (reply: FastifyReply, status: number, body: unknown) => reply.code(status).type(TYPE).send(body);
      const poke = (spaces: string[]) => void deps.bus.publish([...new Set(spaces)]).catch(() => undefined);
      const resource = async (req: FastifyRequest, id: string) => toResource(await scimPerson(deps.db, id), base(req));

      scim.get('/ServiceProviderConfig', async (req, reply) => send(reply, 200, serviceProviderConfig(base(req))));
      scim.get('/ResourceTypes', async (req, reply) => send(reply, 200, list(resourceTypes(base(req)))));
      scim.get('/Schemas', async (req, reply) => send(reply, 200, list(schemas(base(req)))));

      scim.get('/Users', async (req, reply) => {
        const q = req.query as Record<string, string | undefined>;
        const clauses = q.filter ? parseFilter(q.filter) : [];
        const where = clauses.map((c, i) => `lower(${c.column}) = lower($${i + 1})`);
        const params: unknown[] = clauses.map((c) => c.value);
        const whereSql = where.length ? ` where ${where.join(' and ')}` : '';
        const startIndex = intParam(q.startIndex, 1, 1, 1_000_000);
        const count = intParam(q.count, 100, 0, 200);
        const total = (await deps.db.query<{ n: number }>(`select count(*)::int as n from person p${whereSql}`, params))[0]?.n ?? 0;
        const rows = await deps.db.query<ScimPersonRow>(
          `${SCIM_SELECT}${whereSql} order by p.created_at, p.id limit ${count} offset ${startIndex - 1}`,
          params,
        );
        return send(
          reply,
          200,
          list(
            rows.map((r) => toResource(r, base(req))),
            total,
            startIndex,
          ),
        );
      });

      scim.get('/Users/:id', async (req, reply) => send(reply, 200, await resource(req, idOf(req))));

      scim.post('/Users', async (req, reply) => {
        const fields = parseUser(req.body);
        const { id, touched } = await deps.db.tx((q) => createUser(q, callerOf(req), fields));
        poke(touched);
        const body = await resource(req, id);
        return send(reply.header('location', body.meta.location), 201, body);
      });

      scim.put('/Users/:id', async (req, reply) => {
        const id = idOf(req);
        const fields = parseUser(req.body);
        poke(await deps.db.tx((q) => changeUser(q, callerOf(req), id, fields, 'replace')));
        return send(reply, 200, await resource(req, id));
      });

      scim.patch('/Users/:id', async (req, reply) => {
        const id = idOf(req);
        const changes = parsePatch(req.body);
        poke(await deps.db.tx((q) => changeUser(q, callerOf(req), id, changes, 'patch')));
        return send(reply, 200, await resource(req, id));
      });

      scim.all('/*', async () => {
        throw new ScimError(404, null, 'Merit serves Users, ServiceProviderConfig, Schemas and ResourceTypes only');
      });

      // Merit never deletes a person (their reviews and audit trail stay): DELETE deactivates.
      scim.delete('/Users/:id', async (req, reply) => {
        const id = idOf(req);
        poke(await deps.db.tx((q) => changeUser(q, callerOf(req), id, { active: false }, 'deactivate')));
        return reply.code(204).send();
      });
    },
    { prefix: PREFIX },
  );
}

function isBadBody(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'statusCode' in err && err.statusCode === 400;
}
