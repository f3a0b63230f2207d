import {
  addToCounts,
  type Completion,
  type CompletionCounts,
  emptyCounts,
  MANAGER_PENDING,
  type OverduePerson,
  REVIEW_STATES,
  type ReviewState,
  SELF_PENDING,
} from '@merit/shared/domain/cycle';
import type { Queryable } from '../db/client';

/** Today's date (UTC) as the server sees it: deadlines are whole days. */
export const todayUtc = (now = Date.now()) => new Date(now).toISOString().slice(0, 10);

/**
 * Live completion of one cycle: counts grouped in SQL (one row per state x department x manager, so the
 * result stays small for 10,000 reviews), then folded with the shared counting rule; and the overdue list.
 */
export async function completion(q: Queryable, cycleId: string, today: string): Promise<Completion> {
  const groups = await q.query<{
    state: ReviewState;
    department: string;
    manager_id: string | null;
    manager_name: string | null;
    n: number;
  }>(
    `select r.state, e.department, r.manager_id, m.name as manager_name, count(*)::int as n
       from review r join person e on e.id = r.owner_id left join person m on m.id = r.manager_id
      where r.cycle_id = $1 and not r.deleted
      group by r.state, e.department, r.manager_id, m.name`,
    [cycleId],
  );
  const byState = Object.fromEntries(REVIEW_STATES.map((s) => [s, 0])) as Record<ReviewState, number>;
  const overall = emptyCounts();
  const dept = new Map<string, CompletionCounts>();
  const mgr = new Map<string, { managerId: string | null; managerName: string | null } & CompletionCounts>();
  for (const g of groups) {
    byState[g.state] += g.n;
    addToCounts(overall, g.state, g.n);
    const d = dept.get(g.department) ?? emptyCounts();
    addToCounts(d, g.state, g.n);
    dept.set(g.department, d);
    const key = g.manager_id ?? '';
    const m = mgr.get(key) ?? { managerId: g.manager_id, managerName: g.manager_name, ...emptyCounts() };
    addToCounts(m, g.state, g.n);
    mgr.set(key, m);
  }
  const overdue = await q.query<OverduePerson>(
    `select r.id as "reviewId", r.owner_id as "personId", e.name, e.department, r.manager_id as "managerId",
            m.name as "managerName", r.state,
            case when r.state = any($3::text[]) then 'self' else 'manager' end as phase,
            case when r.state = any($3::text[]) then r.self_deadline else r.manager_deadline end as deadline
       from review r join person e on e.id = r.owner_id left join person m on m.id = r.manager_id
      where r.cycle_id = $1 and not r.deleted
        and ((r.state = any($3::text[]) and r.self_deadline < $2::date) or (r.state = any($4::text[]) and r.manager_deadline < $2::date))
      order by phase, e.name, r.id`,
    [cycleId, today, SELF_PENDING, MANAGER_PENDING],
  );
  return {
    cycleId,
    byState,
    overall,
    byDepartment: [...dept.entries()]
      .map(([department, c]) => ({ department, ...c }))
      .sort((a, b) => a.department.localeCompare(b.department)),
    byManager: [...mgr.values()].sort((a, b) => (a.managerName ?? '').localeCompare(b.managerName ?? '')),
    overdue,
  };
}
