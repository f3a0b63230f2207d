import { Id } from '@merit/shared/domain/common';
import { CycleCreateInput, CycleUpdateInput, ExtendDeadlineInput, RemindInput, ReopenInput, Selection } from '@merit/shared/domain/cycle';
import { uuidv7 } from '@merit/shared/ids';
import * as z from 'zod/mini';
import { audit } from '../audit/audit';
import type { Context } from '../context';
import type { Queryable } from '../db/client';
import { domainError } from '../errors';
import { createMailer, sendAll } from '../notifications/mailer';
import { hrProcedure, input, router } from '../trpc';
import { analytics, printableReview } from './analytics';
import { completion, todayUtc } from './completion';
import { assertCycle, cycleById, listCycles, lockCycle, participantsOf, resolveSelection } from './cycles-repo';
import { extendDeadline } from './deadlines';
import { addParticipant, launchCycle, removeParticipant } from './launch';
import { liveCycle } from './live';
import { remind } from './remind';
import { reminderDays } from './reminders';
import { reopen } from './reopen';
import { cycleReviews } from './reviews-list';

const IdInput = z.strictObject({ id: Id });
const CycleIdInput = z.strictObject({ cycleId: Id });
const ParticipantInput = z.strictObject({ cycleId: Id, personId: Id });
const PreviewInput = z.strictObject({ selection: Selection });
const ReminderDaysInput = z.strictObject({
  days: z.array(z.number().check(z.int(), z.gte(0), z.lte(60))).check(z.maxLength(5)),
});

/** After commit, never inside the transaction: a poke for an uncommitted change would race the pull. */
function poke(ctx: Context, spaces: readonly string[]) {
  void ctx.bus.publish(spaces).catch(() => undefined);
}

async function checkRefs(q: Queryable, templateId: string | undefined, selection: Selection | undefined) {
  if (templateId !== undefined) {
    const t = await q.query('select 1 from review_template where id = $1', [templateId]);
    if (t.length === 0) throw domainError('VALIDATION', 'The chosen template is not in Merit', 'templateId');
  }
  if (selection?.kind === 'subtree') {
    const m = await q.query('select 1 from person where id = $1', [selection.managerId]);
    if (m.length === 0) throw domainError('VALIDATION', 'The chosen manager is not in Merit', 'selection.managerId');
  }
}

export const cyclesRouter = router({
  list: hrProcedure.query(({ ctx }) => listCycles(ctx.db)),
  get: hrProcedure.input(input(IdInput)).query(({ ctx, input }) => cycleById(ctx.db, input.id)),

  create: hrProcedure.input(input(CycleCreateInput)).mutation(({ ctx, input }) =>
    ctx.db.tx(async (q) => {
      await checkRefs(q, input.templateId, input.selection);
      const id = input.id ?? uuidv7();
      const exists = await q.query('select 1 from review_cycle where id = $1', [id]);
      if (exists.length > 0) throw domainError('CONFLICT', 'A cycle with this id already exists', 'id');
      await q.query(
        `insert into review_cycle (id, name, template_id, period_start, period_end, self_deadline, manager_deadline, selection, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)`,
        [
          id,
          input.name,
          input.templateId,
          input.periodStart,
          input.periodEnd,
          input.selfDeadline,
          input.managerDeadline,
          JSON.stringify(input.selection),
          ctx.session.personId,
        ],
      );
      await audit(q, { actorId: ctx.session.personId, action: 'cycle.create', details: { cycleId: id, name: input.name } });
      return cycleById(q, id);
    }),
  ),

  update: hrProcedure.input(input(CycleUpdateInput)).mutation(({ ctx, input }) =>
    ctx.db.tx(async (q) => {
      const c = await lockCycle(q, input.id);
      if (c.status !== 'draft')
        throw domainError('CONFLICT', 'This cycle is launched: change deadlines with "extend deadline", people with add or remove', 'id');
      await checkRefs(q, input.templateId, input.selection);
      const n = { ...c, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
      if (n.periodStart > n.periodEnd) throw domainError('VALIDATION', 'The period must not end before it starts', 'periodEnd');
      if (n.selfDeadline > n.managerDeadline)
        throw domainError('VALIDATION', 'The manager review deadline must not be before the self-review deadline', 'managerDeadline');
      await q.query(
        `update review_cycle set name = $2, template_id = $3, period_start = $4, period_end = $5, self_deadline = $6,
           manager_deadline = $7, selection = $8::jsonb where id = $1`,
        [c.id, n.name, n.templateId, n.periodStart, n.periodEnd, n.selfDeadline, n.managerDeadline, JSON.stringify(n.selection)],
      );
      return cycleById(q, c.id);
    }),
  ),

  /** Who a selection names, flagging people without an active manager; writes nothing. */
  preview: hrProcedure.input(input(PreviewInput)).query(async ({ ctx, input }) => {
    const { ids, errors } = await resolveSelection(ctx.db, input.selection);
    const [sample, withoutManager] = await Promise.all([participantsOf(ctx.db, ids, false, 50), participantsOf(ctx.db, ids, true, 500)]);
    return { count: ids.length, sample, withoutManager, errors };
  }),

  launch: hrProcedure.input(input(CycleIdInput)).mutation(async ({ ctx, input }) => {
    const ids = await ctx.db.tx((q) => launchCycle(q, ctx.session.personId, input.cycleId));
    poke(ctx, ids);
    return cycleById(ctx.db, input.cycleId);
  }),

  addParticipant: hrProcedure.input(input(ParticipantInput)).mutation(async ({ ctx, input }) => {
    const c = await ctx.db.tx((q) => addParticipant(q, ctx.session.personId, input.cycleId, input.personId));
    poke(ctx, [input.personId]);
    return c;
  }),

  removeParticipant: hrProcedure.input(input(ParticipantInput)).mutation(async ({ ctx, input }) => {
    const c = await ctx.db.tx((q) => removeParticipant(q, ctx.session.personId, input.cycleId, input.personId));
    poke(ctx, [input.personId]);
    return c;
  }),

  extendDeadline: hrProcedure.input(input(ExtendDeadlineInput)).mutation(async ({ ctx, input }) => {
    const { cycle, touched } = await ctx.db.tx((q) => extendDeadline(q, ctx.session.personId, input, todayUtc()));
    poke(ctx, touched);
    return cycle;
  }),

  completion: hrProcedure.input(input(CycleIdInput)).query(async ({ ctx, input }) => {
    await assertCycle(ctx.db, input.cycleId, 'cycleId');
    return completion(ctx.db, input.cycleId, todayUtc());
  }),

  /** The cycle's reviews with their state, for HR's dashboard (never answers: those stay in the review). */
  reviews: hrProcedure.input(input(CycleIdInput)).query(async ({ ctx, input }) => {
    await assertCycle(ctx.db, input.cycleId, 'cycleId');
    return cycleReviews(ctx.db, input.cycleId);
  }),

  /** Rating distribution per question and department, and completion over time. */
  analytics: hrProcedure.input(input(CycleIdInput)).query(async ({ ctx, input }) => {
    await assertCycle(ctx.db, input.cycleId, 'cycleId');
    return analytics(ctx.db, input.cycleId);
  }),

  /** One review with both sides, for the print view. */
  review: hrProcedure.input(input(z.strictObject({ reviewId: Id }))).query(({ ctx, input }) => printableReview(ctx.db, input.reviewId)),

  remind: hrProcedure.input(input(RemindInput)).mutation(async ({ ctx, input }) => {
    const out = await ctx.db.tx((q) => remind(q, ctx.session.personId, input, todayUtc()));
    poke(ctx, out.touched);
    const emailed = await sendAll(createMailer(ctx.env), out.mails);
    return { reminded: out.reminded, skipped: out.skipped, emailed };
  }),

  /** Days before a deadline on which automatic reminders go out (org setting; default 3 and 1). */
  reminderDays: hrProcedure.query(async ({ ctx }) => ({ days: await reminderDays(ctx.db) })),

  setReminderDays: hrProcedure.input(input(ReminderDaysInput)).mutation(async ({ ctx, input }) => {
    const days = [...new Set(input.days)].sort((a, b) => b - a);
    await ctx.db.query(`update org set settings = jsonb_set(settings, '{reminderDays}', $1::jsonb) where id = 1`, [JSON.stringify(days)]);
    return { days };
  }),

  /** A poke whenever a review of this cycle changes anywhere; the dashboard then refetches completion. */
  live: hrProcedure.input(input(CycleIdInput)).subscription(({ ctx, input, signal }) => liveCycle(ctx, input.cycleId, signal)),
});

export const reviewsHrRouter = router({
  reopen: hrProcedure.input(input(ReopenInput)).mutation(async ({ ctx, input }) => {
    // The reviewee is always among those notified, so `touched` holds the review row's space too.
    const touched = await ctx.db.tx((q) => reopen(q, ctx.session.personId, input.reviewId, input.reason));
    poke(ctx, touched);
    return { ok: true as const };
  }),
});
