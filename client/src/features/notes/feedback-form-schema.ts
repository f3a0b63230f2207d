import { today } from '@merit/shared/domain/common';
import { type Feedback, FeedbackFields, type FeedbackVisibility } from '@merit/shared/domain/feedback';
import * as z from 'zod/mini';
import { labelledResolver } from '@/ui/form-resolver';

export interface FeedbackFormValues {
  fromName: string;
  date: string;
  body: string;
  visibility: FeedbackVisibility;
}

const FeedbackFormSchema = z.strictObject({
  fromName: FeedbackFields.fromName,
  date: FeedbackFields.date,
  body: FeedbackFields.body,
  visibility: FeedbackFields.visibility,
});
export type FeedbackFormOutput = z.infer<typeof FeedbackFormSchema>;

export const feedbackFormResolver = labelledResolver<FeedbackFormValues, FeedbackFormOutput>(FeedbackFormSchema, {
  fromName: 'From',
  date: 'Date',
  body: 'What they said',
  visibility: 'Visibility',
});

export const feedbackFormValues = (f: Feedback | null, now = new Date()): FeedbackFormValues =>
  f
    ? { fromName: f.fromName, date: f.date, body: f.body, visibility: f.visibility }
    : { fromName: '', date: today(now), body: '', visibility: 'private' };

/**
 * The organisation member a typed name stands for: the person whose known name matches exactly (ignoring case),
 * else null (someone outside, or a name the device does not know).
 */
export function resolveFrom(name: string, known: readonly { id: string; name: string }[]): string | null {
  const n = name.trim().toLowerCase();
  return known.find((p) => p.name.toLowerCase() === n)?.id ?? null;
}

/**
 * Only the fields that changed, so an edit here never overwrites what another device changed meanwhile; the
 * words carry the text they were edited from, so concurrent edits merge (S16).
 */
export function feedbackPatch(before: Feedback, after: FeedbackFormOutput, fromId: string | null) {
  const patch: { fromName?: string; fromId?: string | null; date?: string; body?: string; visibility?: FeedbackVisibility } = {};
  if (after.fromName !== before.fromName) {
    patch.fromName = after.fromName;
    patch.fromId = fromId;
  }
  if (after.date !== before.date) patch.date = after.date;
  if (after.body !== before.body) patch.body = after.body;
  if (after.visibility !== before.visibility) patch.visibility = after.visibility;
  return { id: before.id, patch, ...(patch.body !== undefined ? { base: { body: before.body } } : {}) };
}
