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
  late: number;
}

/** The first OVERDUE_SHOWN overdue people, self phase first, by name. */
function overdueList(q: Queryable, cycleId: string, today: string) {
  return q.query<OverduePerson>(
    `select r.id as "reviewId", r.owner_id as "personId", e.name, r.department, r.manager_id as "managerId",
            m.name as "managerName", r.state,
            case when r.state = any($3::text[]) then 'self' else 'manager' end as phase,
            case when r.state = any($3::text[]) then r.self_deadline else r.manager_deadline end as deadline
       from review_progress r join person e on e.id = r.owner_id left join person m on m.id = r.manager_id
      where r.cycle_id = $1 and not r.deleted
        and ((r.state = any($3::text[]) and r.self_deadline < $2::date) or (r.state = any($4::text[]) and r.manager_deadline < $2::date))
      order by phase, e.name, r.id limit $5`,
    [cycleId, today, SELF_PENDING, MANAGER_PENDING, OVERDUE_SHOWN],
  );
}

/**
 * Live completion of one cycle: counts grouped in SQL (one row per state x department x manager, so the
 * result stays small for 10,000 reviews, with the overdue count per group), folded with the shared
 * counting rule; and the first overdue people by name. Both read `review_progress` (migration 0008), the
 * narrow copy of the reviews' state kept by triggers, not the wide review rows; manager names are joined
 * after grouping, once per group.
 */
export async function completion(q: Queryable, cycleId: string, today: string): Promise<Completion> {
  // Both at once: on PostgreSQL they run on two pooled connections (PGlite queues them).
  const [groups, overdue] = await Promise.all([
    q.query<Group>(
      `select g.*, m.name as manager_name
         from (select r.state, r.department, r.manager_id, count(*)::int as n,
                      count(*) filter (where (r.state = any($3::text[]) and r.self_deadline < $2::date)
                                          or (r.state = any($4::text[]) and r.manager_deadline < $2::date))::int as late
                 from review_progress r
                where r.cycle_id = $1 and not r.deleted
                group by r.state, r.department, r.manager_id) g
         left join person m on m.id = g.manager_id`,
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
    if (phase) overdueCount[phase] += g.late;
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
