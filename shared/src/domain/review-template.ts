import * as z from 'zod/mini';
import { Id, requiredText, text } from './common';

/**
 * The shape of a review template (DESIGN.md section 4). HR builds it online; at launch each review keeps a
 * snapshot of `sections`, so a phone renders the form offline and a later template edit changes no review.
 */

export const Answerer = z.enum(['self', 'manager', 'both']);
export type Answerer = z.infer<typeof Answerer>;

/** A rating scale, e.g. 1-5, with a label per point ("Below expectations" ... "Exceptional"). */
export const RatingScale = z.strictObject({
  min: z.number().check(z.int(), z.gte(0), z.lte(1)),
  max: z.number().check(z.int(), z.gte(2), z.lte(10)),
  labels: z.array(text(60)).check(z.maxLength(11)),
});
export type RatingScale = z.infer<typeof RatingScale>;

const common = {
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  prompt: requiredText(300),
  help: z.optional(text(1000)),
  answeredBy: Answerer,
  required: z.boolean(),
};

export const RatingQuestion = z.strictObject({ ...common, kind: z.literal('rating'), scale: RatingScale });
export const CompetencyQuestion = z.strictObject({
  ...common,
  kind: z.literal('competency'),
  competency: z.strictObject({ name: requiredText(120), description: text(1000) }),
  scale: RatingScale,
});
export const TextQuestion = z.strictObject({ ...common, kind: z.literal('text') });
export const Question = z.discriminatedUnion('kind', [RatingQuestion, CompetencyQuestion, TextQuestion]);
export type Question = z.infer<typeof Question>;

/** A questions section, or the goals section that lists the reviewee's goals of the cycle's period with progress. */
export const Section = z.discriminatedUnion('kind', [
  z.strictObject({
    id: common.id,
    kind: z.literal('questions'),
    title: requiredText(120),
    questions: z.array(Question).check(z.maxLength(50)),
  }),
  z.strictObject({ id: common.id, kind: z.literal('goals'), title: requiredText(120), help: z.optional(text(1000)) }),
]);
export type Section = z.infer<typeof Section>;
export const Sections = z.array(Section).check(z.minLength(1), z.maxLength(20));

/** One answer to one question. `cites` are evidence items the person tapped: `{ table: 'wins', id }` and so on. */
export const ANSWER_TEXT_MAX = 10_000;
export const Answer = z.strictObject({
  rating: z.optional(z.nullable(z.number().check(z.int()))),
  text: z.optional(text(ANSWER_TEXT_MAX)),
  cites: z.optional(z.array(z.strictObject({ table: z.string().check(z.maxLength(32)), id: Id })).check(z.maxLength(50))),
});
export type Answer = z.infer<typeof Answer>;
export type Answers = Record<string, Answer>;
