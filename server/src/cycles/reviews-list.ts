import type { ReviewState } from '@merit/shared/domain/cycle';
import type { Queryable } from '../db/client';

export interface CycleReview {
  reviewId: string;
  personId: string;
  name: string;
  email: string;
  department: string;
  managerId: string | null;
  managerName: string | null;
  state: ReviewState;
  selfDeadline: string;
  managerDeadline: string;
  reopenCount: number;
  /** What the employee wrote when acknowledging ('' for none). */
  ackComment: string;
}

/** Who is in a cycle and where each review stands (no answers). */
export function cycleReviews(q: Queryable, cycleId: string): Promise<CycleReview[]> {
  return q.query<CycleReview>(
    `select r.id as "reviewId", r.owner_id as "personId", e.name, e.email, e.department, r.manager_id as "managerId",
            m.name as "managerName", r.state, r.self_deadline as "selfDeadline", r.manager_deadline as "managerDeadline",
            r.reopen_count as "reopenCount", r.ack_comment as "ackComment"
       from review r join person e on e.id = r.owner_id left join person m on m.id = r.manager_id
      where r.cycle_id = $1 and not r.deleted order by e.name, r.id`,
    [cycleId],
  );
}
