import { formatIssues } from '../errors';
import { LIMITS } from '../limits';
import { NewPersonInput } from './person';

export interface CsvRowError {
  /** 1-based line number in the file, counting the header as line 1. */
  line: number;
  message: string;
}
export interface CsvPreview {
  rows: NewPersonInput[];
  errors: CsvRowError[];
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. Returns rows of cells. */
export function parseCsv(input: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = input.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

const COLUMNS = ['name', 'email', 'department', 'manager_email', 'role'] as const;

/**
 * Checks a people CSV without writing anything: the header, each row against the same schema as the
 * one-by-one form, duplicate e-mails, and managers that exist neither in the file nor in `known`.
 */
export function previewPeopleCsv(input: string, knownEmails: ReadonlySet<string>): CsvPreview {
  const table = parseCsv(input);
  const header = (table[0] ?? []).map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
  const errors: CsvRowError[] = [];
  const index = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof COLUMNS)[number], number>;
  const missing = COLUMNS.filter((c) => c !== 'manager_email' && c !== 'department' && index[c] < 0);
  if (table.length === 0 || missing.length > 0) {
    return {
      rows: [],
      errors: [{ line: 1, message: `Header must name the columns ${COLUMNS.join(', ')} (missing: ${missing.join(', ') || 'all'})` }],
    };
  }
  if (table.length - 1 > LIMITS.csvRowsMax) {
    return { rows: [], errors: [{ line: 1, message: `At most ${LIMITS.csvRowsMax} people per file` }] };
  }
  const rows: NewPersonInput[] = [];
  const seen = new Map<string, number>();
  const cellOf = (r: string[], c: (typeof COLUMNS)[number]) => (index[c] >= 0 ? (r[index[c]] ?? '').trim() : '');
  table.slice(1).forEach((r, i) => {
    const line = i + 2;
    const parsed = NewPersonInput.safeParse({
      name: cellOf(r, 'name'),
      email: cellOf(r, 'email'),
      department: cellOf(r, 'department'),
      managerEmail: cellOf(r, 'manager_email').toLowerCase(),
      role: cellOf(r, 'role').toLowerCase() || 'employee',
    });
    if (!parsed.success) {
      errors.push({ line, message: formatIssues(parsed.error.issues).message });
      return;
    }
    const p = parsed.data;
    const first = seen.get(p.email);
    if (first !== undefined) errors.push({ line, message: `email ${p.email} already appears on line ${first}` });
    else if (knownEmails.has(p.email)) errors.push({ line, message: `email ${p.email} already belongs to someone in Merit` });
    seen.set(p.email, first ?? line);
    rows.push(p);
  });
  for (const [i, p] of rows.entries()) {
    if (p.managerEmail && !seen.has(p.managerEmail) && !knownEmails.has(p.managerEmail)) {
      errors.push({ line: seen.get(p.email) ?? i + 2, message: `The manager ${p.managerEmail} is neither in the file nor in Merit` });
    }
    if (p.managerEmail === p.email)
      errors.push({ line: seen.get(p.email) ?? i + 2, message: 'manager_email cannot be the person themself' });
  }
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors };
}
