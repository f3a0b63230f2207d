/** Dates in the person's own words, from the browser's locale. Pure, so tests pass `now`. */

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dayYearFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** A YYYY-MM-DD day as "12 Mar" (this year) or "12 Mar 2024", read as a local calendar day. */
export function formatDay(day: string, now: Date = new Date()): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  const date = new Date(y, m - 1, d);
  return (y === now.getFullYear() ? dayFormat : dayYearFormat).format(date);
}

/** "just now", "2 min ago", "3 h ago", then a date and time. */
export function formatAgo(at: number, now: number = Date.now()): string {
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 60) return 'just now';
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h ago`;
  const d = new Date(at);
  return `${dayFormat.format(d)}, ${timeFormat.format(d)}`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
