import { Id } from '@merit/shared/domain/common';
import { randomToken, uuidv7 } from '@merit/shared/ids';
import * as z from 'zod/mini';
import { audit } from '../audit/audit';
import { sha256 } from '../auth/sessions';
import type { Queryable } from '../db/client';
import { domainError } from '../errors';
import { hrProcedure, input, router } from '../trpc';

/** Recognisable in a secret scanner and in a provider's settings page; never a valid session token. */
const PREFIX = 'merit_scim_';
const CreateInput = z.strictObject({ name: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)) });
const IdInput = z.strictObject({ id: Id });

export interface ScimTokenInfo {
  id: string;
  name: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ScimCaller {
  tokenId: string;
  tokenName: string;
}

/** The live token a bearer header names, or null (unknown, revoked). Only hashes are stored and compared. */
export async function scimCaller(q: Queryable, bearer: string): Promise<ScimCaller | null> {
  if (!bearer.startsWith(PREFIX) || bearer.length > 200) return null;
  const rows = await q.query<{ id: string; name: string }>(
    `update scim_token set last_used_at = now() where token_hash = $1 and revoked_at is null returning id, name`,
    [sha256(bearer)],
  );
  const r = rows[0];
  return r ? { tokenId: r.id, tokenName: r.name } : null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** HR's SCIM tokens: made here, shown once, revoked here. */
export const scimTokensRouter = router({
  list: hrProcedure.query(async ({ ctx }): Promise<ScimTokenInfo[]> => {
    const rows = await ctx.db.query<{
      id: string;
      name: string;
      created_at: Date;
      by: string | null;
      last_used_at: Date | null;
      revoked_at: Date | null;
    }>(
      `select t.id, t.name, t.created_at, p.name as by, t.last_used_at, t.revoked_at
         from scim_token t left join person p on p.id = t.created_by order by t.created_at desc`,
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      createdAt: new Date(r.created_at).toISOString(),
      createdBy: r.by,
      lastUsedAt: iso(r.last_used_at),
      revokedAt: iso(r.revoked_at),
    }));
  }),

  create: hrProcedure.input(input(CreateInput)).mutation(async ({ ctx, input }) => {
    const id = uuidv7();
    const token = `${PREFIX}${randomToken()}`;
    await ctx.db.tx(async (q) => {
      await q.query('insert into scim_token (id, name, token_hash, created_by) values ($1, $2, $3, $4)', [
        id,
        input.name,
        sha256(token),
        ctx.session.personId,
      ]);
      await audit(q, { actorId: ctx.session.personId, action: 'scim.token.create', details: { tokenId: id, name: input.name } });
    });
    return { id, name: input.name, token, scimUrl: `${ctx.origin}/scim/v2` };
  }),

  revoke: hrProcedure.input(input(IdInput)).mutation(async ({ ctx, input }) => {
    await ctx.db.tx(async (q) => {
      const rows = await q.query<{ name: string }>(
        'update scim_token set revoked_at = now() where id = $1 and revoked_at is null returning name',
        [input.id],
      );
      if (!rows[0]) throw domainError('NOT_FOUND', 'No such token, or it is revoked already', 'id');
      await audit(q, { actorId: ctx.session.personId, action: 'scim.token.revoke', details: { tokenId: input.id, name: rows[0].name } });
    });
    return { ok: true as const };
  }),
});
