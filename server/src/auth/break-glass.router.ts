import { Id } from '@merit/shared/domain/common';
import * as z from 'zod/mini';
import { audit } from '../audit/audit';
import { domainError } from '../errors';
import { lockPeople } from '../people/people-repo';
import { hrProcedure, input, router } from '../trpc';

const SetInput = z.strictObject({ id: Id, on: z.boolean() });

export interface HrAccount {
  id: string;
  name: string;
  email: string;
  breakGlass: boolean;
  hasPassword: boolean;
}

/**
 * Break-glass HR accounts keep their password when SSO_ONLY=1 turns passwords off, so HR can still
 * sign in while the identity provider is down. Only HR accounts can carry the flag, and it counts only
 * while the account is HR (sign-in checks both).
 */
export const breakGlassRouter = router({
  list: hrProcedure.query(async ({ ctx }): Promise<HrAccount[]> => {
    const rows = await ctx.db.query<{ id: string; name: string; email: string; break_glass: boolean; has_password: boolean }>(
      `select id, name, email, break_glass, password_hash is not null as has_password
         from person where role = 'hr' and not disabled`,
    );
    return rows
      .map((r) => ({ id: r.id, name: r.name, email: r.email, breakGlass: r.break_glass, hasPassword: r.has_password }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }),

  set: hrProcedure.input(input(SetInput)).mutation(async ({ ctx, input }) => {
    await ctx.db.tx(async (q) => {
      await lockPeople(q);
      const rows = await q.query<{ role: string; break_glass: boolean }>('select role, break_glass from person where id = $1', [input.id]);
      const p = rows[0];
      if (!p) throw domainError('NOT_FOUND', 'No such person', 'id');
      if (input.on && p.role !== 'hr') throw domainError('VALIDATION', 'Only HR admins can be break-glass accounts', 'id');
      if (p.break_glass === input.on) return;
      await q.query('update person set break_glass = $2 where id = $1', [input.id, input.on]);
      await audit(q, { actorId: ctx.session.personId, action: 'person.breakGlass', subjectId: input.id, details: { on: input.on } });
    });
    return { ok: true as const };
  }),
});
