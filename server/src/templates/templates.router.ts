import { Id } from '@merit/shared/domain/common';
import type { Section } from '@merit/shared/domain/review-template';
import {
  type BankQuestion,
  QuestionBankAddInput,
  type Template,
  TemplateCreateInput,
  TemplateUpdateInput,
  templateProblem,
} from '@merit/shared/domain/template';
import { uuidv7 } from '@merit/shared/ids';
import * as z from 'zod/mini';
import type { Queryable } from '../db/client';
import { domainError } from '../errors';
import { hrProcedure, input, router } from '../trpc';

const IdInput = z.strictObject({ id: Id });

interface TemplateRow {
  id: string;
  name: string;
  description: string;
  sections: Section[];
  frozen: boolean;
  created_at: Date | string;
  updated_at: Date | string;
}

const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());
const toTemplate = (r: TemplateRow): Template => ({
  id: r.id,
  name: r.name,
  description: r.description,
  sections: r.sections,
  frozen: r.frozen,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

function checkSections(sections: readonly Section[]) {
  const problem = templateProblem(sections);
  if (problem) throw domainError('VALIDATION', problem.message, problem.field);
}

export async function templateById(q: Queryable, id: string, lock = false): Promise<Template> {
  const rows = await q.query<TemplateRow>(`select * from review_template where id = $1${lock ? ' for update' : ''}`, [id]);
  if (!rows[0]) throw domainError('NOT_FOUND', 'No such template', 'id');
  return toTemplate(rows[0]);
}

async function insertTemplate(q: Queryable, actorId: string, t: { name: string; description: string; sections: Section[] }) {
  const id = uuidv7();
  await q.query('insert into review_template (id, name, description, sections, created_by) values ($1, $2, $3, $4::jsonb, $5)', [
    id,
    t.name,
    t.description,
    JSON.stringify(t.sections),
    actorId,
  ]);
  return templateById(q, id);
}

export const templatesRouter = router({
  list: hrProcedure.query(async ({ ctx }) =>
    (await ctx.db.query<TemplateRow>('select * from review_template order by updated_at desc, id')).map(toTemplate),
  ),

  get: hrProcedure.input(input(IdInput)).query(({ ctx, input }) => templateById(ctx.db, input.id)),

  create: hrProcedure.input(input(TemplateCreateInput)).mutation(({ ctx, input }) => {
    checkSections(input.sections);
    return ctx.db.tx((q) => insertTemplate(q, ctx.session.personId, { ...input, description: input.description ?? '' }));
  }),

  update: hrProcedure.input(input(TemplateUpdateInput)).mutation(({ ctx, input }) => {
    if (input.sections) checkSections(input.sections);
    return ctx.db.tx(async (q) => {
      const t = await templateById(q, input.id, true);
      // Reviews already launched keep their own snapshot, but the cycle's record must keep meaning what it said.
      if (t.frozen)
        throw domainError('CONFLICT', 'This template is used by a launched cycle and cannot change: duplicate it to edit a copy', 'id');
      await q.query(`update review_template set name = $2, description = $3, sections = $4::jsonb, updated_at = now() where id = $1`, [
        t.id,
        input.name ?? t.name,
        input.description ?? t.description,
        JSON.stringify(input.sections ?? t.sections),
      ]);
      return templateById(q, t.id);
    });
  }),

  duplicate: hrProcedure.input(input(IdInput)).mutation(({ ctx, input }) =>
    ctx.db.tx(async (q) => {
      const t = await templateById(q, input.id);
      return insertTemplate(q, ctx.session.personId, {
        name: `Copy of ${t.name}`.slice(0, 120),
        description: t.description,
        sections: t.sections,
      });
    }),
  ),

  delete: hrProcedure.input(input(IdInput)).mutation(({ ctx, input }) =>
    ctx.db.tx(async (q) => {
      const t = await templateById(q, input.id, true);
      const used = await q.query('select 1 from review_cycle where template_id = $1 limit 1', [t.id]);
      if (t.frozen || used.length > 0) throw domainError('CONFLICT', 'A cycle uses this template, so it cannot be deleted', 'id');
      await q.query('delete from review_template where id = $1', [t.id]);
      return { ok: true as const };
    }),
  ),
});

export const questionBankRouter = router({
  list: hrProcedure.query(
    async ({ ctx }): Promise<BankQuestion[]> =>
      ctx.db.query<BankQuestion>('select id, question from question_bank order by created_at, id'),
  ),

  add: hrProcedure.input(input(QuestionBankAddInput)).mutation(async ({ ctx, input }): Promise<BankQuestion> => {
    const id = uuidv7();
    await ctx.db.query('insert into question_bank (id, question) values ($1, $2::jsonb)', [id, JSON.stringify(input.question)]);
    return { id, question: input.question };
  }),

  remove: hrProcedure.input(input(IdInput)).mutation(async ({ ctx, input }) => {
    const gone = await ctx.db.query('delete from question_bank where id = $1 returning id', [input.id]);
    if (gone.length === 0) throw domainError('NOT_FOUND', 'No such question in the bank', 'id');
    return { ok: true as const };
  }),
});
