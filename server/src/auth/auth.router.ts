import { Email, SetPasswordInput, SignInInput } from '@merit/shared/domain/person';
import * as z from 'zod/mini';
import { audit } from '../audit/audit';
import { domainError } from '../errors';
import { createMailer, sendAll } from '../notifications/mailer';
import { input, publicProcedure, router, signedInProcedure } from '../trpc';
import { loadMe, type Me } from './me';
import { providerLogoutUrl, signInMethods } from './oidc/methods';
import { hashPassword, verifyPassword } from './password';
import { consumePasswordToken, findTokenOwner } from './password-token';
import { assertLoginAllowed, clearAccountFailures, recordLoginFailure } from './rate-limit';
import { assertResetAllowed, resetFor } from './reset';
import { revokeAllSessions, revokeSession } from './sessions';
import { commitSignIn, rotateSession } from './sign-in';

const TokenInput = z.strictObject({ token: SetPasswordInput.shape.token });
const ResetInput = z.strictObject({ email: Email });

/** One wording for an unknown e-mail, a wrong password, a disabled person or no password yet: none is revealed. */
const WRONG = 'Email or password is wrong';
/** With SSO_ONLY=1 one wording for every refusal too, so it never tells which accounts are break-glass. */
const WRONG_SSO_ONLY = 'Passwords are turned off here: use the sign-in button above. (HR break-glass accounts only.)';

export const authRouter = router({
  me: publicProcedure.query(async ({ ctx }): Promise<Me | null> => (ctx.session ? loadMe(ctx.db, ctx.session.personId) : null)),

  signIn: publicProcedure.input(input(SignInInput)).mutation(async ({ ctx, input }): Promise<Me> => {
    await assertLoginAllowed(ctx.db, input.email, ctx.ip);
    const rows = await ctx.db.query<{ id: string; password_hash: string | null; disabled: boolean; password_allowed: boolean }>(
      `select id, password_hash, disabled, (role = 'hr' and break_glass) or not $2::boolean as password_allowed
         from person where email = $1`,
      [input.email, ctx.env.ssoOnly],
    );
    const person = rows[0];
    // The hash is verified even for an unknown or disabled account, so timing says nothing about which exist.
    const good = await verifyPassword(person?.password_hash ?? null, input.password);
    if (!person || !good || person.disabled || !person.password_allowed) {
      await recordLoginFailure(ctx.db, input.email, ctx.ip);
      throw domainError('UNAUTHENTICATED', ctx.env.ssoOnly ? WRONG_SSO_ONLY : WRONG);
    }
    const token = await ctx.db.tx(async (q) => {
      await clearAccountFailures(q, input.email);
      return rotateSession(q, ctx, person.id);
    });
    commitSignIn(ctx, token);
    const me = await loadMe(ctx.db, person.id);
    if (!me) throw domainError('UNAUTHENTICATED', WRONG);
    return me;
  }),

  /** How this Merit signs people in: the provider's button, and whether passwords are for break-glass HR only. */
  methods: publicProcedure.query(({ ctx }) => signInMethods(ctx.env)),

  /** Ends the Merit session; for a session made through the provider, also the provider's URL to end its own. */
  signOut: signedInProcedure.mutation(async ({ ctx }) => {
    const endSessionUrl = await providerLogoutUrl(ctx.db, ctx.env, ctx.session.tokenHash, ctx.origin);
    await revokeSession(ctx.db, ctx.session.tokenHash);
    ctx.clearSessionCookie();
    return { ok: true as const, endSessionUrl };
  }),

  /**
   * "Forgot password?": e-mails a set-password link to an active person with this address. The answer is the
   * same whether or not anyone has it, and the e-mail is sent after the answer, so timing does not tell either.
   */
  requestReset: publicProcedure.input(input(ResetInput)).mutation(async ({ ctx, input }) => {
    await assertResetAllowed(ctx.db, input.email, ctx.ip);
    const mail = await ctx.db.tx(async (q) => {
      const m = await resetFor(q, input.email, ctx.origin);
      if (m) {
        const who = await q.query<{ id: string }>('select id from person where email = $1', [input.email]);
        await audit(q, { actorId: who[0]?.id ?? null, action: 'password.reset', subjectId: who[0]?.id ?? null });
      }
      return m;
    });
    if (mail) void sendAll(createMailer(ctx.env), [mail]);
    return { ok: true as const };
  }),

  checkToken: publicProcedure.input(input(TokenInput)).query(async ({ ctx, input }) => {
    const owner = await findTokenOwner(ctx.db, input.token);
    if (!owner) throw domainError('NOT_FOUND', 'This link has expired or was already used. Ask HR for a new one.');
    return { name: owner.name, email: owner.email };
  }),

  setPassword: publicProcedure.input(input(SetPasswordInput)).mutation(async ({ ctx, input }): Promise<Me> => {
    const expired = () => domainError('NOT_FOUND', 'This link has expired or was already used. Ask HR for a new one.');
    if (!(await findTokenOwner(ctx.db, input.token))) throw expired();
    // argon2 runs before the transaction: on PGlite a transaction holds the only connection.
    const hash = await hashPassword(input.password);
    const token = await ctx.db.tx(async (q) => {
      const personId = await consumePasswordToken(q, input.token);
      if (!personId) throw expired();
      await q.query('update person set password_hash = $1 where id = $2', [hash, personId]);
      // A new password ends every other session of the person (someone else may have known the old one).
      await revokeAllSessions(q, personId);
      await audit(q, { actorId: personId, action: 'password.set', subjectId: personId });
      const sessionToken = await rotateSession(q, ctx, personId);
      return { sessionToken, personId };
    });
    commitSignIn(ctx, token.sessionToken);
    const me = await loadMe(ctx.db, token.personId);
    if (!me) throw expired();
    return me;
  }),
});
