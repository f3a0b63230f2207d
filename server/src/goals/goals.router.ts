import type { DirectoryGoal, TeamMember } from '@merit/shared/domain/goal-directory';
import { ThresholdInput } from '@merit/shared/domain/goal-directory';
import { audit } from '../audit/audit';
import { hrProcedure, input, router, signedInProcedure } from '../trpc';

const DIRECTORY_MAX = 500;

export const goalsRouter = router({
  /**
   * Organisation-visible goals of everyone, live ones only, for the "supports" picker. Only `org` goals:
   * a private or manager-only goal never appears here, whoever asks (the device caches the answer).
   */
  directory: signedInProcedure.query(async ({ ctx }): Promise<DirectoryGoal[]> => {
    const rows = await ctx.db.query<{ id: string; title: string; owner_id: string; owner_name: string; due_date: string; status: string }>(
      `select g.id, g.title, g.owner_id, p.name as owner_name, g.due_date, g.status
       from goal g join person p on p.id = g.owner_id
       where g.visibility = 'org' and not g.deleted and g.status <> 'proposed' and not p.disabled
       order by g.due_date desc, g.title limit $1`,
      [DIRECTORY_MAX],
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      dueDate: r.due_date,
      status: r.status,
    }));
  }),

  /** The caller's own direct reports (names for the team view); everyone else gets an empty list. */
  team: signedInProcedure.query(
    ({ ctx }): Promise<TeamMember[]> =>
      ctx.db.query<TeamMember>('select id, name, department from person where manager_id = $1 and not disabled order by name, id', [
        ctx.session.personId,
      ]),
  ),

  /** HR sets the achievement threshold for everyone; devices read it from `auth.me` and keep it for offline. */
  setAchievementThreshold: hrProcedure.input(input(ThresholdInput)).mutation(async ({ ctx, input }) => {
    const threshold = input.percent / 100;
    await ctx.db.tx(async (q) => {
      await q.query(`update org set settings = jsonb_set(settings, '{achievementThreshold}', to_jsonb($1::float8)) where id = 1`, [
        threshold,
      ]);
      await audit(q, { actorId: ctx.session.personId, action: 'org.achievementThreshold', details: { threshold } });
    });
    return { achievementThreshold: threshold };
  }),
});
