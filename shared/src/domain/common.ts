import * as z from 'zod/mini';

export const Id = z.uuid();
/** A calendar day, YYYY-MM-DD, in the person's own time zone as they chose it. */
export const Day = z.iso.date();
export const text = (max: number) => z.string().check(z.trim(), z.maxLength(max));
export const requiredText = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
/** The text a long-text edit started from (S16), exactly as the device had it: bounded like the field (S43), never trimmed. */
export const baseText = (max: number) => z.string().check(z.maxLength(max));

/** Today as YYYY-MM-DD in local time. */
export function today(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
