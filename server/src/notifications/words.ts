/**
 * Dates as e-mails and notifications say them. The server does not know the reader's locale, so an e-mail
 * spells the day out unambiguously ("Tuesday 10 March 2026", never 03/10); in-app notifications also carry
 * the ISO day, which the client shows in the browser's own locale (client/src/ui/format.ts, localizeDays).
 */
const longDayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

export function longDay(iso: string): string {
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(t) ? iso : longDayFormat.format(t).replace(',', '');
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
