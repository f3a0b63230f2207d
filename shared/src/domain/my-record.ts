import type { TableName } from '../mutations';

/**
 * A person's own record: every row of their own space, per synced table. Built on the device from Dexie
 * (offline) or by the server (`export.myRecord`, the authoritative copy); both become the same files.
 */
export interface MyRecord {
  /** Where the rows came from: this device's local copy, or the server. */
  source: 'device' | 'server';
  generatedAt: number;
  person: { id: string; name: string; email: string };
  tables: Partial<Record<TableName, Record<string, unknown>[]>>;
}

export interface RecordFile {
  name: string;
  text: string;
}

/** A cell as text: lists and objects as JSON, nothing as empty. */
function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/**
 * Quotes a field when it needs it (RFC 4180). A text starting with = + - @ or a tab is prefixed with an
 * apostrophe: a spreadsheet would otherwise run it as a formula (CSV injection, OWASP), and the person's
 * words came from anyone who gave them feedback.
 */
function quote(v: unknown): string {
  let s = cell(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Rows as CSV: the columns are every field seen, in first-seen order; CRLF line ends, as spreadsheets expect. */
export function toCsv(rows: readonly Record<string, unknown>[]): string {
  const columns: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!columns.includes(k)) columns.push(k);
  if (columns.length === 0) return '';
  const lines = [columns.map(quote).join(','), ...rows.map((r) => columns.map((c) => quote(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** The files of the export: `person.json`, then one JSON and one CSV file per table, in the order given. */
export function recordFiles(record: MyRecord, tables: readonly TableName[]): RecordFile[] {
  const files: RecordFile[] = [
    {
      name: 'person.json',
      text: JSON.stringify({ ...record.person, source: record.source, generatedAt: new Date(record.generatedAt).toISOString() }, null, 2),
    },
  ];
  for (const t of tables) {
    const rows = record.tables[t] ?? [];
    files.push({ name: `${t}.json`, text: `${JSON.stringify(rows, null, 2)}\n` });
    files.push({ name: `${t}.csv`, text: toCsv(rows) });
  }
  return files;
}
