import type { Question, Section } from '@merit/shared/domain/review-template';
import type { Db } from '../db/client';

const PAGE = 500;

/** One CSV cell: quoted when needed; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const line = (cells: readonly unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;

interface Column {
  title: string;
  side: 'self' | 'manager';
  question: Question;
  part: 'rating' | 'text';
}

/** The answer columns of a template: per question and side that answers it, a rating and/or a text column. */
export function answerColumns(sections: readonly Section[]): Column[] {
  const cols: Column[] = [];
  for (const s of sections) {
    if (s.kind !== 'questions') continue;
    for (const q of s.questions) {
      for (const side of ['self', 'manager'] as const) {
        if (q.answeredBy !== 'both' && q.answeredBy !== side) continue;
        if (q.kind !== 'text') cols.push({ title: `${q.prompt} [${side} rating]`, side, question: q, part: 'rating' });
        cols.push({ title: `${q.prompt} [${side} ${q.kind === 'text' ? 'answer' : 'comment'}]`, side, question: q, part: 'text' });
      }
    }
  }
  return cols;
}

const BASE = [
  'person',
  'email',
  'manager',
  'department',
  'status',
  'self submitted',
  'manager submitted',
  'signed off',
  'acknowledged',
  'acknowledgement comment',
  'reopened',
];

/** Review states as HR's spreadsheet says them (the same words as the app's cycle screens). */
const STATE_WORDS: Record<string, string> = {
  not_started: 'Not started',
  self_in_progress: 'Self-review in progress',
  self_submitted: 'Self-review submitted',
  manager_in_progress: 'Manager review in progress',
  manager_submitted: 'Manager review submitted',
  signed_off: 'Signed off',
  acknowledged: 'Acknowledged',
};

interface Row {
  id: string;
  name: string;
  email: string;
  manager: string | null;
  department: string;
  state: string;
  self_submitted_at: number | null;
  manager_submitted_at: number | null;
  signed_off_at: number | null;
  acknowledged_at: number | null;
  ack_comment: string;
  reopen_count: number;
  self_answers: Record<string, { rating?: number | null; text?: string }>;
  manager_answers: Record<string, { rating?: number | null; text?: string }>;
}
const when = (ms: number | null) => (ms === null ? '' : new Date(Number(ms)).toISOString());

/**
 * The CSV of a cycle, a row per review, produced page by page (keyset on the review id, 500 rows a page):
 * the caller streams each chunk to the response as it comes, so 10,000 reviews never sit in memory at once.
 */
export async function* cycleCsv(db: Db, cycleId: string, sections: readonly Section[]): AsyncGenerator<string> {
  const cols = answerColumns(sections);
  yield `\uFEFF${line([...BASE, ...cols.map((c) => c.title)])}`;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db.query<Row>(
      `select r.id, e.name, e.email, m.name as manager, e.department, r.state, r.self_submitted_at, r.manager_submitted_at,
              r.signed_off_at, r.acknowledged_at, r.ack_comment, r.reopen_count, r.self_answers, r.manager_answers
         from review r join person e on e.id = r.owner_id left join person m on m.id = r.manager_id
        where r.cycle_id = $1 and not r.deleted and r.id > $2 order by r.id limit $3`,
      [cycleId, after, PAGE],
    );
    if (rows.length === 0) return;
    let chunk = '';
    for (const r of rows) {
      const answers = { self: r.self_answers, manager: r.manager_answers };
      chunk += line([
        r.name,
        r.email,
        r.manager ?? '',
        r.department,
        STATE_WORDS[r.state] ?? r.state,
        when(r.self_submitted_at),
        when(r.manager_submitted_at),
        when(r.signed_off_at),
        when(r.acknowledged_at),
        r.ack_comment,
        r.reopen_count,
        ...cols.map((c) => {
          const a = answers[c.side][c.question.id];
          return c.part === 'rating' ? (a?.rating ?? '') : (a?.text ?? '');
        }),
      ]);
    }
    yield chunk;
    const last = rows[rows.length - 1];
    if (!last || rows.length < PAGE) return;
    after = last.id;
  }
}
