import { CheckinSchema } from '@merit/shared/domain/checkin';
import { GoalSchema } from '@merit/shared/domain/goal';
import { type ReviewGoal, reviewGoals } from '@merit/shared/domain/review-goals';
import type { Answers, Section } from '@merit/shared/domain/review-template';
import type { Queryable } from '../db/client';
import { domainError } from '../errors';
import { fromDb, tableSql } from '../sync/tables';

export interface RatingBucket {
  questionId: string;
  side: 'self' | 'manager';
  department: string;
  rating: number;
  count: number;
}
export interface CompletionDay {
  day: string;
  selfSubmitted: number;
  signedOff: number;
}

/**
 * Rating distribution per question, side and department (grouped in SQL over the answers JSON), and
 * completion over time: cumulative self-submissions and sign-offs per day, from the review timestamps.
 */
export async function analytics(q: Queryable, cycleId: string) {
  const ratings = await q.query<RatingBucket>(
    `select a.question as "questionId", a.side, e.department, (a.answer ->> 'rating')::int as rating, count(*)::int as count
       from review r join person e on e.id = r.owner_id
       cross join lateral (
         select key as question, 'self' as side, value as answer from jsonb_each(r.self_answers)
         union all select key, 'manager', value from jsonb_each(r.manager_answers)) a
      where r.cycle_id = $1 and not r.deleted and jsonb_typeof(a.answer -> 'rating') = 'number'
      group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
    [cycleId],
  );
  const days = await q.query<{ day: string; kind: 'self' | 'signed'; n: number }>(
    `select to_char(to_timestamp(t.at / 1000.0) at time zone 'UTC', 'YYYY-MM-DD') as day, t.kind, count(*)::int as n
       from review r cross join lateral (values ('self', r.self_submitted_at), ('signed', r.signed_off_at)) as t(kind, at)
      where r.cycle_id = $1 and not r.deleted and t.at is not null
      group by 1, 2 order by 1`,
    [cycleId],
  );
  const overTime: CompletionDay[] = [];
  let self = 0;
  let signed = 0;
  for (const d of days) {
    if (d.kind === 'self') self += d.n;
    else signed += d.n;
    const last = overTime[overTime.length - 1];
    if (last?.day === d.day) {
      last.selfSubmitted = self;
      last.signedOff = signed;
    } else overTime.push({ day: d.day, selfSubmitted: self, signedOff: signed });
  }
  return { ratings, overTime };
}

export interface PrintableReview {
  id: string;
  cycleName: string;
  personName: string;
  department: string;
  managerName: string | null;
  state: string;
  periodStart: string;
  periodEnd: string;
  template: Section[];
  selfAnswers: Answers;
  managerAnswers: Answers;
  signedOffAt: number | null;
  acknowledgedAt: number | null;
  ackComment: string;
  reopenCount: number;
  /** The goals section: the reviewee's shared goals of the period with their progress (never private ones). */
  goals: ReviewGoal[];
}

/** One review with both sides, for HR's print view. Reviews only: private notes live elsewhere and never come here. */
export async function printableReview(q: Queryable, reviewId: string): Promise<PrintableReview> {
  const rows = await q.query<Omit<PrintableReview, 'goals'> & { ownerId: string }>(
    `select r.id, r.owner_id as "ownerId", r.cycle_name as "cycleName", e.name as "personName", e.department, m.name as "managerName", r.state,
            r.period_start as "periodStart", r.period_end as "periodEnd", r.template, r.self_answers as "selfAnswers",
            r.manager_answers as "managerAnswers", r.signed_off_at as "signedOffAt", r.acknowledged_at as "acknowledgedAt",
            r.ack_comment as "ackComment", r.reopen_count as "reopenCount"
       from review r join person e on e.id = r.owner_id left join person m on m.id = r.manager_id
      where r.id = $1 and not r.deleted`,
    [reviewId],
  );
  const r = rows[0];
  if (!r) throw domainError('NOT_FOUND', 'No such review', 'reviewId');
  const { ownerId, ...review } = r;
  // Private goals are filtered in SQL too, so their rows never leave the database for HR's request.
  const [goals, checkins] = await Promise.all([
    q.query(`select * from ${tableSql('goals')} where owner_id = $1 and not deleted and visibility <> 'private'`, [ownerId]),
    q.query(`select * from ${tableSql('checkins')} where owner_id = $1 and not deleted and goal_visibility <> 'private'`, [ownerId]),
  ]);
  return {
    ...review,
    goals: reviewGoals(
      goals.map((g) => GoalSchema.parse(fromDb('goals', g))),
      checkins.map((c) => CheckinSchema.parse(fromDb('checkins', c))),
      review.periodStart,
      review.periodEnd,
    ),
  };
}
