import { Id } from '@merit/shared/domain/common';
import { NewPersonInput, type Person, UpdatePersonInput } from '@merit/shared/domain/person';
import { LIMITS } from '@merit/shared/limits';
import * as z from 'zod/mini';
import { audit } from '../audit/audit';
import { issuePasswordToken, setPasswordUrl } from '../auth/password-token';
import { linkMail } from '../auth/reset';
import type { Context } from '../context';
import { domainError } from '../errors';
import { createMailer, type Mail, sendAll } from '../notifications/mailer';
import { hrProcedure, input, router } from '../trpc';
import { activeManagerByEmail, addPerson } from './add';
import { commitImport, previewImport } from './import';
import { listPeople } from './people-repo';
import { updatePerson } from './update';

const CsvInput = z.strictObject({ csv: z.string().check(z.maxLength(LIMITS.bodyBytesMax)) });
const IdInput = z.strictObject({ id: Id });
const InviteInput = z.strictObject({ ids: z.array(Id).check(z.minLength(1), z.maxLength(LIMITS.csvRowsMax)) });

/** Reporting lines changed: poke the people involved so their managers' devices pull again (after commit). */
function poke(ctx: Context, people: readonly string[]) {
  void ctx.bus.publish(people).catch(() => undefined);
}

export const peopleRouter = router({
  list: hrProcedure.query(({ ctx }) => listPeople(ctx.db)),

  add: hrProcedure.input(input(NewPersonInput)).mutation(async ({ ctx, input }) => {
    const { person, token } = await ctx.db.tx(async (q) => {
      const managerId = input.managerEmail ? await activeManagerByEmail(q, input.managerEmail) : null;
      const { managerEmail: _, ...fields } = input;
      const person = await addPerson(q, ctx.session.personId, { ...fields, managerId });
      const token = await issuePasswordToken(q, person.id);
      await audit(q, { actorId: ctx.session.personId, action: 'password.link', subjectId: person.id });
      return { person, token };
    });
    if (person.managerId) poke(ctx, [person.managerId]);
    return { person, setPasswordUrl: setPasswordUrl(ctx.origin, token) };
  }),

  importPreview: hrProcedure.input(input(CsvInput)).mutation(({ ctx, input }) => previewImport(ctx.db, input.csv)),

  importCommit: hrProcedure.input(input(CsvInput)).mutation(async ({ ctx, input }) => {
    const created = await ctx.db.tx((q) => commitImport(q, ctx.session.personId, input.csv));
    poke(ctx, [...new Set(created.map((c) => c.person.managerId).filter((m): m is string => m !== null))]);
    return { created: created.map((c) => ({ person: c.person, setPasswordUrl: setPasswordUrl(ctx.origin, c.token) })) };
  }),

  update: hrProcedure.input(input(UpdatePersonInput)).mutation(async ({ ctx, input }): Promise<Person> => {
    const { person, touched } = await ctx.db.tx((q) => updatePerson(q, ctx.session.personId, input));
    poke(ctx, touched);
    return person;
  }),

  /**
   * Invitations by e-mail: a fresh set-password link for each chosen person (replacing any earlier one, so a
   * resend is the same call), sent over SMTP after commit. Disabled people are skipped. Without SMTP_URL it
   * refuses before issuing anything, so links HR already copied keep working.
   */
  invite: hrProcedure.input(input(InviteInput)).mutation(async ({ ctx, input }) => {
    const mailer = createMailer(ctx.env);
    if (!mailer) throw domainError('CONFLICT', 'E-mail is not set up on this server (SMTP_URL). Copy or download the links instead.');
    const { mails, invited, skipped } = await ctx.db.tx(async (q) => {
      const rows = await q.query<{ id: string; name: string; email: string; disabled: boolean; org: string }>(
        `select p.id, p.name, p.email, p.disabled, (select name from org where id = 1) as org
           from person p where p.id = any($1::uuid[]) order by p.name for update of p`,
        [input.ids],
      );
      if (rows.length === 0) throw domainError('NOT_FOUND', 'None of the chosen people is in Merit', 'ids');
      const mails: Mail[] = [];
      const invited: { id: string; name: string; email: string }[] = [];
      for (const p of rows.filter((r) => !r.disabled)) {
        const token = await issuePasswordToken(q, p.id);
        mails.push(linkMail('invite', p, setPasswordUrl(ctx.origin, token), p.org));
        invited.push({ id: p.id, name: p.name, email: p.email });
        await audit(q, { actorId: ctx.session.personId, action: 'password.invite', subjectId: p.id });
      }
      return { mails, invited, skipped: rows.filter((r) => r.disabled).map((r) => ({ id: r.id, name: r.name })) };
    });
    const emailed = await sendAll(mailer, mails);
    return { invited, emailed, skipped };
  }),

  passwordLink: hrProcedure.input(input(IdInput)).mutation(async ({ ctx, input }) => {
    const token = await ctx.db.tx(async (q) => {
      const rows = await q.query<{ disabled: boolean }>('select disabled from person where id = $1 for update', [input.id]);
      if (!rows[0]) throw domainError('NOT_FOUND', 'No such person', 'id');
      if (rows[0].disabled) throw domainError('CONFLICT', 'This person is disabled: enable them first', 'id');
      await audit(q, { actorId: ctx.session.personId, action: 'password.link', subjectId: input.id });
      return issuePasswordToken(q, input.id);
    });
    return { setPasswordUrl: setPasswordUrl(ctx.origin, token) };
  }),
});
