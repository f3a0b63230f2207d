import * as z from 'zod/mini';
import { Id, requiredText, text } from './common';
import { answeredBySide } from './review-answers';
import { type Question, Question as QuestionSchema, type Section, Sections } from './review-template';

/** A review template as HR sees it (the sections' shape is the shared contract in review-template.ts). */
export interface Template {
  id: string;
  name: string;
  description: string;
  sections: Section[];
  /** A launched cycle uses it: it can no longer change (duplicate it instead). */
  frozen: boolean;
  createdAt: string;
  updatedAt: string;
}

export const TemplateCreateInput = z.strictObject({
  name: requiredText(120),
  description: z.optional(text(1000)),
  sections: Sections,
});
export type TemplateCreateInput = z.infer<typeof TemplateCreateInput>;

export const TemplateUpdateInput = z.strictObject({
  id: Id,
  name: z.optional(requiredText(120)),
  description: z.optional(text(1000)),
  sections: z.optional(Sections),
});
export type TemplateUpdateInput = z.infer<typeof TemplateUpdateInput>;

export const QuestionBankAddInput = z.strictObject({ question: QuestionSchema });
export interface BankQuestion {
  id: string;
  question: Question;
}

export type Side = 'self' | 'manager';

/** The questions one side answers, section by section: what the employee or the manager sees in the form. */
export function questionsFor(sections: readonly Section[], side: Side): Section[] {
  const out: Section[] = [];
  for (const s of sections) {
    if (s.kind === 'goals') out.push(s);
    else {
      const qs = s.questions.filter((q) => answeredBySide(q, side));
      if (qs.length > 0) out.push({ ...s, questions: qs });
    }
  }
  return out;
}

/**
 * Problems that the schema cannot see: ids repeated across the template (answers are keyed by question id,
 * so a repeat would make two questions share one answer) and scales whose labels do not match their points.
 * Returns the first problem as a field path and message, or null.
 */
export function templateProblem(sections: readonly Section[]): { field: string; message: string } | null {
  const ids = new Set<string>();
  for (const [si, s] of sections.entries()) {
    if (ids.has(s.id)) return { field: `sections.${si}.id`, message: `sections.${si}.id repeats the id "${s.id}"` };
    ids.add(s.id);
    if (s.kind !== 'questions') continue;
    for (const [qi, q] of s.questions.entries()) {
      const f = `sections.${si}.questions.${qi}`;
      if (ids.has(q.id)) return { field: `${f}.id`, message: `${f}.id repeats the id "${q.id}"` };
      ids.add(q.id);
      if (q.kind !== 'text') {
        const points = q.scale.max - q.scale.min + 1;
        if (q.scale.labels.length !== 0 && q.scale.labels.length !== points)
          return { field: `${f}.scale.labels`, message: `${f}.scale.labels needs one label per point (${points})` };
      }
    }
  }
  return null;
}

/** A fresh 1-5 rating question, the builder's default. */
export function blankQuestion(id: string, kind: Question['kind']): Question {
  const base = { id, prompt: '', answeredBy: 'both' as const, required: true };
  const scale = { min: 1, max: 5, labels: ['Needs improvement', 'Developing', 'Meets expectations', 'Exceeds', 'Exceptional'] };
  if (kind === 'text') return { ...base, kind };
  if (kind === 'competency') return { ...base, kind, competency: { name: '', description: '' }, scale };
  return { ...base, kind, scale };
}
