import { CheckinFields } from '@merit/shared/domain/checkin';
import * as z from 'zod/mini';
import { labelledResolver } from '@/ui/form-resolver';

export interface CheckinFormValues {
  value: string;
  confidence: string;
  note: string;
  date: string;
}

/** The shared check-in fields, with the value and the slider's confidence as typed text turned into numbers. */
export const CheckinFormSchema = z.strictObject({
  value: z.pipe(
    z.string().check(z.refine((s) => s.trim() !== '' && Number.isFinite(Number(s)), 'Enter the new value as a number')),
    z.transform((s: string) => Number(s)),
  ),
  confidence: z.pipe(z.pipe(z.string(), z.transform(Number)), CheckinFields.confidence),
  note: CheckinFields.note,
  date: CheckinFields.date,
});
export type CheckinFormOutput = z.infer<typeof CheckinFormSchema>;

export const checkinResolver = labelledResolver<CheckinFormValues, CheckinFormOutput>(CheckinFormSchema, {
  value: 'Value',
  confidence: 'Confidence',
  note: 'Note',
  date: 'Date',
});
