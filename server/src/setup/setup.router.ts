import { SetupInput } from '@merit/shared/domain/person';
import { uuidv7 } from '@merit/shared/ids';
import { audit } from '../audit/audit';
import { loadMe, type Me } from '../auth/me';
import { hashPassword } from '../auth/password';
import { commitSignIn, rotateSession } from '../auth/sign-in';
import { domainError } from '../errors';
import { input, publicProcedure, router } from '../trpc';

const ALREADY = 'Merit is already set up. Sign in instead.';

export const setupRouter = router({
  status: publicProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db.query<{ name: string }>('select name from org where id = 1');
    const name = rows[0]?.name ?? null;
    return { needsSetup: name === null, orgName: name };
  }),

  /**
   * Creates the organisation and its first HR admin, then signs them in. The org table holds at most
   * one row (id = 1): of two concurrent submits, the second's insert waits for the first to commit and
   * then finds the row, so exactly one organisation and one first admin are ever created.
   */
  create: publicProcedure.input(input(SetupInput)).mutation(async ({ ctx, input }): Promise<Me> => {
    const exists = await ctx.db.query('select 1 from org where id = 1');
    if (exists.length > 0) throw domainError('CONFLICT', ALREADY);
    const hash = await hashPassword(input.password);
    const personId = uuidv7();
    const token = await ctx.db.tx(async (q) => {
      const org = await q.query('insert into org (id, name) values (1, $1) on conflict (id) do nothing returning id', [input.orgName]);
      if (org.length === 0) throw domainError('CONFLICT', ALREADY);
      // The first admin is break-glass: with SSO_ONLY=1 their password still works if the provider is down.
      await q.query('insert into person (id, email, name, role, password_hash, break_glass) values ($1, $2, $3, $4, $5, true)', [
        personId,
        input.email,
        input.name,
        'hr',
        hash,
      ]);
      await audit(q, { actorId: personId, action: 'setup.create', subjectId: personId, details: { orgName: input.orgName } });
      return rotateSession(q, ctx, personId);
    });
    commitSignIn(ctx, token);
    const me = await loadMe(ctx.db, personId);
    if (!me) throw new Error('the first admin vanished right after setup');
    return me;
  }),
});
