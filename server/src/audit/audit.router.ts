import { Id } from '@merit/shared/domain/common';
import * as z from 'zod/mini';
import { hrProcedure, input, router } from '../trpc';

const ListInput = z.strictObject({
  /** Entries about this person: as the subject, or as the one who acted. */
  personId: z.optional(Id),
  cycleId: z.optional(Id),
  /** Page backwards from this entry id (exclusive); the newest page when absent. */
  before: z.optional(z.number().check(z.int(), z.gte(1))),
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(200))),
});

export interface AuditRow {
  id: number;
  at: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  subjectId: string | null;
  subjectName: string | null;
  details: Record<string, unknown>;
}

/** The audit log, newest first, for HR. Read only: there is no update or delete path for audit_log anywhere. */
export const auditRouter = router({
  list: hrProcedure.input(input(ListInput)).query(async ({ ctx, input }) => {
    const limit = input.limit ?? 50;
    const rows = await ctx.db.query<Omit<AuditRow, 'at'> & { at: Date | string }>(
      `select a.id, a.at, a.action, a.actor_id as "actorId", ac.name as "actorName", a.subject_id as "subjectId",
              s.name as "subjectName", a.details
         from audit_log a left join person ac on ac.id = a.actor_id left join person s on s.id = a.subject_id
        where ($1::uuid is null or a.subject_id = $1 or a.actor_id = $1)
          and ($2::text is null or a.details ->> 'cycleId' = $2)
          and ($3::bigint is null or a.id < $3)
        order by a.id desc limit $4`,
      [input.personId ?? null, input.cycleId ?? null, input.before ?? null, limit + 1],
    );
    const page = rows.slice(0, limit).map((r) => ({ ...r, id: Number(r.id), at: new Date(r.at).toISOString() }));
    return { entries: page, nextBefore: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
  }),
});
