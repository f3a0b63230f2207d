import { today } from '@merit/shared/domain/common';
import { WinFields, type WinVisibility } from '@merit/shared/domain/win';
import { LIMITS } from '@merit/shared/limits';
import * as z from 'zod/mini';
import { labelledResolver } from '@/ui/form-resolver';
import { splitTags } from '@/ui/tags';

/** What the form holds: tags as the text the person typed ("launch, mentoring"). */
export interface WinFormValues {
  title: string;
  date: string;
  description: string;
  tags: string;
  visibility: WinVisibility;
}

export { splitTags };

const TAG_WORDS = `Tags: at most ${LIMITS.tagsMax}, each up to ${LIMITS.tagMax} characters`;

/**
 * Built from the shared field schemas (WinFields), so the form says no for exactly the reasons the server
 * would. Tags are checked as a whole, so their error belongs to the one "Tags" field.
 */
export const WinFormSchema = z.strictObject({
  title: WinFields.title,
  date: WinFields.date,
  description: WinFields.description,
  tags: z.pipe(
    z.string().check(z.refine((s) => WinFields.tags.safeParse(splitTags(s)).success, TAG_WORDS)),
    z.transform((s: string) => splitTags(s)),
  ),
  visibility: WinFields.visibility,
});
export type WinFormOutput = z.infer<typeof WinFormSchema>;

/** The form's resolver; messages name the field as the person sees it ("Title is required"). */
export const winFormResolver = labelledResolver<WinFormValues, WinFormOutput>(WinFormSchema, {
  title: 'Title',
  date: 'Date',
  description: 'Description',
  tags: 'Tags',
  visibility: 'Visibility',
});

export const defaultWinValues = (now: Date = new Date()): WinFormValues => ({
  title: '',
  date: today(now),
  description: '',
  tags: '',
  visibility: 'private',
});
