import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { openTestDb } from '../test/harness';
import { reportingLines, seedLargeOrg, WIDE_SPANS } from './large-org';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db.close();
});

describe('the large-organisation generator (issue 16)', () => {
  it('reporting lines: HR and a CEO at the top, the wide teams, everyone else in teams under leads', () => {
    const { managerOf, wide } = reportingLines(10_000);
    expect(managerOf).toHaveLength(10_000);
    expect(wide.map((w) => w.span)).toEqual([...WIDE_SPANS]);
    for (const w of wide) expect(managerOf.filter((m) => m === w.index)).toHaveLength(w.span);
    expect(managerOf.filter((m) => m === null)).toHaveLength(2);
    // No loops: every chain reaches the top.
    for (let i = 0; i < managerOf.length; i += 97) {
      let at: number | null | undefined = i;
      for (let hops = 0; at !== null && at !== undefined; hops++) {
        expect(hops).toBeLessThan(10);
        at = managerOf[at];
      }
    }
  });

  it('seeds 1,200 people with a year of data, consistent space versions, and a launched cycle; never twice', async () => {
    const org = await seedLargeOrg(db, 1_200);
    expect(org?.wideManagers.map((m) => m.span)).toEqual([500, 200, 100, 60, 50]);
    const [counts] = await db.query<Record<string, number>>(
      `select (select count(*)::int from person) as people, (select count(*)::int from win) as wins,
              (select count(*)::int from goal) as goals, (select count(*)::int from checkin) as checkins,
              (select count(*)::int from review) as reviews, (select count(*)::int from review_cycle where status = 'launched') as cycles`,
    );
    expect(counts).toEqual({ people: 1_200, wins: 1_199 * 12, goals: 1_199 * 4, checkins: 1_199 * 12, reviews: 1_198, cycles: 1 });
    const reports = await db.query<{ n: number }>('select count(*)::int as n from person where manager_id = $1', [
      org?.wideManagers[0]?.id,
    ]);
    expect(reports[0]?.n).toBe(500);
    // Each space's version is at least every row version in it (S7), so a pull reads them all.
    const behind = await db.query(
      `select s.id from space s join (select owner_id, max(version) v from (
         select owner_id, version from win union all select owner_id, version from goal union all
         select owner_id, version from checkin union all select owner_id, version from review) x group by owner_id) m
       on m.owner_id::text = s.id where s.version < m.v`,
    );
    expect(behind).toEqual([]);
    expect(await seedLargeOrg(db, 1_200)).toBeNull();
  });
});
