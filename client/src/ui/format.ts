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

const num = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** A key result's value in its own terms: "12 deals", "35%", "EUR 1,200", "Done". */
export function krValue(kr: { kind: 'number' | 'percent' | 'currency' | 'done'; unit: string }, value: number): string {
  switch (kr.kind) {
    case 'done':
      return value >= 1 ? 'Done' : 'Not done';
    case 'percent':
      return `${num.format(value)}%`;
    case 'currency':
      return kr.unit ? `${kr.unit} ${num.format(value)}` : num.format(value);
    default:
      return kr.unit ? `${num.format(value)} ${kr.unit}` : num.format(value);
  }
}

export const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Server-written words carry days as YYYY-MM-DD; this shows each in the browser's locale ("by the end of 10 Mar"). */
export const localizeDays = (text: string, now: Date = new Date()) => text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (d) => formatDay(d, now));
