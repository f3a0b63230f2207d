import {
  addToCounts,
  type Completion,
  type CompletionCounts,
  emptyCounts,
  MANAGER_PENDING,
  type OverduePerson,
  pendingPhase,
  REVIEW_STATES,
  type ReviewState,
  SELF_PENDING,
} from '@merit/shared/domain/cycle';
import type { Queryable } from '../db/client';

/** How many overdue people the dashboard lists; `overdueCount` has the totals, and reminders reach everyone. */
export const OVERDUE_SHOWN = 200;

/** Today's date (UTC) as the server sees it: deadlines are whole days. */
export const todayUtc = (now = Date.now()) => new Date(now).toISOString().slice(0, 10);

interface Group {
  state: ReviewState;
  department: string;
  manager_id: string | null;
  manager_name: string | null;
  n: number;
  late: number | null;
}

/**
 * Runs `sql` and hands its rows back as ONE json value, in the order of `orderBy`. PGlite converts every row and
 * column of a result in JS; one JSON array per query costs less than half of that for the few hundred rows here.
 */
async function jsonRows<T>(q: Queryable, sql: string, orderBy: string, params: unknown[]): Promise<T[]> {
  const rows = await q.query<{ rows: T[] }>(`select coalesce(json_agg(x order by ${orderBy}), '[]'::json) as rows from (${sql}) x`, params);
  return rows[0]?.rows ?? [];
}

/** The first OVERDUE_SHOWN overdue people, self phase first, by name; manager names joined for those only. */
function overdueList(q: Queryable, cycleId: string, today: string) {
  return jsonRows<OverduePerson>(
    q,
    `select o.*, m.name as "managerName"
       from (select r.id as "reviewId", r.owner_id as "personId", r.name, r.department, r.manager_id as "managerId", r.state,
                    case when r.state = any($3::text[]) then 'self' else 'manager' end as phase,
                    case when r.state = any($3::text[]) then r.self_deadline else r.manager_deadline end as deadline
               from review_progress r
              where r.cycle_id = $1 and not r.deleted
                and ((r.state = any($3::text[]) and r.self_deadline < $2::date) or (r.state = any($4::text[]) and r.manager_deadline < $2::date))
              order by phase, r.name, r.id limit $5) o
       left join person m on m.id = o."managerId"`,
    `x.phase, x.name, x."reviewId"`,
    [cycleId, today, SELF_PENDING, MANAGER_PENDING, OVERDUE_SHOWN],
  );
}

/**
 * Live completion of one cycle: counts per state x department x manager (a few hundred rows for 10,000 reviews,
 * with the overdue count per group), folded with the shared
 * counting rule; and the first overdue people by name. Neither reads the wide review rows: the counts come
 * from `review_count`, the list from `review_progress` (migration 0008), both kept by triggers.
 */
export async function completion(q: Queryable, cycleId: string, today: string): Promise<Completion> {
  // Both at once: on PostgreSQL they run on two pooled connections (PGlite queues them).
  const [groups, overdue] = await Promise.all([
    jsonRows<Group>(
      q,
      `select g.state, g.department, nullif(g.manager_key, '00000000-0000-0000-0000-000000000000') as manager_id,
              m.name as manager_name, sum(g.n)::int as n,
              (sum(g.n) filter (where (g.state = any($3::text[]) and g.self_deadline < $2::date)
                                   or (g.state = any($4::text[]) and g.manager_deadline < $2::date)))::int as late
         from review_count g left join person m on m.id = g.manager_key
        where g.cycle_id = $1 and g.n > 0
        group by g.state, g.department, g.manager_key, m.name`,
      'x.state, x.department, x.manager_id',
      [cycleId, today, SELF_PENDING, MANAGER_PENDING],
    ),
    overdueList(q, cycleId, today),
  ]);
  const byState = Object.fromEntries(REVIEW_STATES.map((s) => [s, 0])) as Record<ReviewState, number>;
  const overall = emptyCounts();
  const overdueCount = { self: 0, manager: 0 };
  const dept = new Map<string, CompletionCounts>();
  const mgr = new Map<string, { managerId: string | null; managerName: string | null } & CompletionCounts>();
  for (const g of groups) {
    byState[g.state] += g.n;
    const phase = pendingPhase(g.state);
    if (phase) overdueCount[phase] += g.late ?? 0;
    addToCounts(overall, g.state, g.n);
    const d = dept.get(g.department) ?? emptyCounts();
    addToCounts(d, g.state, g.n);
    dept.set(g.department, d);
    const key = g.manager_id ?? '';
    const m = mgr.get(key) ?? { managerId: g.manager_id, managerName: g.manager_name, ...emptyCounts() };
    addToCounts(m, g.state, g.n);
    mgr.set(key, m);
  }
  return {
    cycleId,
    byState,
    overall,
    byDepartment: [...dept.entries()]
      .map(([department, c]) => ({ department, ...c }))
      .sort((a, b) => a.department.localeCompare(b.department)),
    byManager: [...mgr.values()].sort((a, b) => (a.managerName ?? '').localeCompare(b.managerName ?? '')),
    overdue,
    overdueCount,
  };
}
