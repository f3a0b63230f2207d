import { type Cycle, type CycleStatus, parseParticipantCsv, type Selection } from '@merit/shared/domain/cycle';
import type { Queryable } from '../db/client';
import { domainError } from '../errors';

interface CycleRow {
  id: string;
  name: string;
  template_id: string;
  template_name: string;
  period_start: string;
  period_end: string;
  self_deadline: string;
  manager_deadline: string;
  status: CycleStatus;
  selection: Selection;
  launched_at: Date | string | null;
  review_count: number;
}

const SELECT = `select c.id, c.name, c.template_id, t.name as template_name, c.period_start, c.period_end, c.self_deadline,
    c.manager_deadline, c.status, c.selection, c.launched_at,
    (select count(*) from review r where r.cycle_id = c.id and not r.deleted)::int as review_count
  from review_cycle c join review_template t on t.id = c.template_id`;

const toCycle = (r: CycleRow): Cycle => ({
  id: r.id,
  name: r.name,
  templateId: r.template_id,
  templateName: r.template_name,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  selfDeadline: r.self_deadline,
  managerDeadline: r.manager_deadline,
  status: r.status,
  selection: r.selection,
  launchedAt: r.launched_at === null ? null : new Date(r.launched_at).toISOString(),
  reviewCount: r.review_count,
});

export async function listCycles(q: Queryable): Promise<Cycle[]> {
  return (await q.query<CycleRow>(`${SELECT} order by c.created_at desc, c.id`)).map(toCycle);
}

export async function cycleById(q: Queryable, id: string, field = 'id'): Promise<Cycle> {
  const rows = await q.query<CycleRow>(`${SELECT} where c.id = $1`, [id]);
  if (!rows[0]) throw domainError('NOT_FOUND', 'No such cycle', field);
  return toCycle(rows[0]);
}

/** Refuses an unknown cycle without `cycleById`'s review count: the dashboard reads stay off the review rows. */
export async function assertCycle(q: Queryable, id: string, field = 'id'): Promise<void> {
  const rows = await q.query('select 1 from review_cycle where id = $1', [id]);
  if (rows.length === 0) throw domainError('NOT_FOUND', 'No such cycle', field);
}

/** Locks the cycle row for the rest of the transaction, so launch and edits of one cycle run one at a time. */
export async function lockCycle(q: Queryable, id: string, field = 'id'): Promise<Cycle> {
  const rows = await q.query('select id from review_cycle where id = $1 for update', [id]);
  if (rows.length === 0) throw domainError('NOT_FOUND', 'No such cycle', field);
  return cycleById(q, id, field);
}

export interface Participant {
  id: string;
  name: string;
  email: string;
  department: string;
  managerId: string | null;
  managerName: string | null;
}
export interface Resolved {
  ids: string[];
  errors: { line: number; message: string }[];
}

/** The active people a selection names (ids only; fast enough for the whole organisation). */
export async function resolveSelection(q: Queryable, s: Selection): Promise<Resolved> {
  const ids = async (sql: string, params: unknown[]) => (await q.query<{ id: string }>(sql, params)).map((r) => r.id);
  switch (s.kind) {
    case 'org':
      return { ids: await ids('select id from person where not disabled order by id', []), errors: [] };
    case 'department':
      return { ids: await ids('select id from person where not disabled and department = $1 order by id', [s.department]), errors: [] };
    case 'subtree':
      return {
        ids: await ids(
          `with recursive t(id) as (select id from person where manager_id = $1
             union select p.id from person p join t on p.manager_id = t.id)
           select p.id from t join person p on p.id = t.id where not p.disabled order by p.id`,
          [s.managerId],
        ),
        errors: [],
      };
    case 'list': {
      const found = new Set(await ids('select id from person where not disabled and id = any($1::uuid[])', [s.personIds]));
      const errors = s.personIds.flatMap((id, i) =>
        found.has(id) ? [] : [{ line: i + 1, message: `${id} is not an active person in Merit` }],
      );
      return { ids: [...new Set(s.personIds)].filter((id) => found.has(id)), errors };
    }
    case 'csv': {
      const rows = await q.query<{ id: string; email: string }>('select id, email from person where not disabled', []);
      return parseParticipantCsv(s.csv, new Map(rows.map((r) => [r.email, r.id])));
    }
  }
}

/** Names, departments and managers of the given people, sorted by name (at most `limit`). */
export async function participantsOf(q: Queryable, ids: readonly string[], onlyWithoutManager: boolean, limit: number) {
  return q.query<Participant>(
    `select p.id, p.name, p.email, p.department, m.id as "managerId", m.name as "managerName"
       from person p left join person m on m.id = p.manager_id and not m.disabled
      where p.id = any($1::uuid[]) ${onlyWithoutManager ? 'and m.id is null' : ''}
      order by p.name, p.id limit $2`,
    [ids, limit],
  );
}
