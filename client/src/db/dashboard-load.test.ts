import { computeDashboard, quartersBack } from '@merit/shared/domain/dashboard';
import type { Goal, GoalStatus } from '@merit/shared/domain/goal';
import { finalsOf } from '@merit/shared/domain/goal-finals';
import type { Win } from '@merit/shared/domain/win';
import { uuidv7 } from '@merit/shared/ids';
import type { PullOutput } from '@merit/shared/sync/protocol';
import { liveQuery } from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mutate } from '@/sync/mutate';
import { applyPullPage } from '@/sync/pull';
import { makeActor, makeDeviceDb, makeWin } from '@/sync/testing/factories';
import { checkinRow } from './dashboard-fixtures';
import { DASHBOARD_QUARTERS, loadDashboard } from './goal-hooks';

const TODAY = '2026-11-20';
const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
const page = (changes: PullOutput['changes']): PullOutput => ({ cursor: '1', lastMutationId: 0, reset: false, hasMore: false, changes });
const STATUSES: GoalStatus[] = ['active', 'proposed', 'achieved', 'missed', 'dropped'];

const goalRow = (ownerId: string, dueDate: string, status: GoalStatus, deleted: boolean): Goal => ({
  id: uuidv7(),
  ownerId,
  title: 'Goal',
  description: '',
  periodStart: day(0),
  dueDate,
  visibility: 'manager',
  status,
  parentId: null,
  proposedBy: null,
  keyResults: [0, 1].map((k) => ({
    id: `k${k}`,
    title: 'KR',
    kind: 'number',
    start: 0,
    target: 10 * (k + 1),
    unit: '',
    weight: 1,
    current: null,
  })),
  createdAt: 1,
  updatedAt: 1,
  version: 1,
  deleted,
});

describe('the home dashboard read through indexes', () => {
  it('property: equals the full computation over every row on the device, whichever path wrote them', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            mine: fc.nat(3).map((n) => n > 0),
            due: fc.integer({ min: 0, max: 760 }),
            status: fc.constantFrom(...STATUSES),
            deleted: fc.nat(4).map((n) => n === 0),
          }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        fc.array(
          fc.record({
            goal: fc.nat(),
            kr: fc.nat(1),
            at: fc.integer({ min: 0, max: 760 }),
            value: fc.integer({ min: -5, max: 25 }),
            how: fc.constantFrom('mutate', 'pull', 'mutate-delete', 'pull-delete'),
          }),
          { maxLength: 20 },
        ),
        fc.array(fc.record({ mine: fc.boolean(), at: fc.integer({ min: 600, max: 720 }), deleted: fc.nat(4).map((n) => n === 0) }), {
          maxLength: 10,
        }),
        async (goalSpecs, checkinSpecs, winSpecs) => {
          const actor = makeActor();
          const me = actor.personId;
          const db = makeDeviceDb(me);
          const goals = goalSpecs.map((s) => goalRow(s.mine ? me : uuidv7(), day(s.due), s.status, s.deleted));
          const wins: Win[] = winSpecs.map((w) => makeWin({ ownerId: w.mine ? me : uuidv7(), date: day(w.at), deleted: w.deleted }));
          await applyPullPage(
            db,
            actor,
            page([
              ...goals.map((row) => ({ table: 'goals' as const, id: row.id, row })),
              ...wins.map((row) => ({ table: 'wins' as const, id: row.id, row })),
            ]),
            null,
          );
          let now = 1;
          for (const c of checkinSpecs) {
            const g = goals[c.goal % goals.length];
            if (!g) continue;
            if (c.how.startsWith('mutate')) {
              const id = uuidv7();
              await mutate(
                db,
                actor,
                'checkin.create@1',
                { id, goalId: g.id, krId: `k${c.kr}`, value: c.value, confidence: 5, date: day(c.at) },
                ++now,
              );
              if (c.how === 'mutate-delete') await mutate(db, actor, 'checkin.delete@1', { id }, ++now);
            } else {
              const row = checkinRow(g.ownerId, g.id, `k${c.kr}`, day(c.at), c.value);
              await applyPullPage(db, actor, page([{ table: 'checkins', id: row.id, row }]), null);
              if (c.how === 'pull-delete') await applyPullPage(db, actor, page([{ table: 'checkins', id: row.id, row: null }]), null);
            }
          }
          const [allGoals, allCheckins, allWins] = await Promise.all([db.goals.toArray(), db.checkins.toArray(), db.wins.toArray()]);
          const full = computeDashboard({
            goals: allGoals.filter((g) => g.ownerId === me),
            checkins: allCheckins.filter((c) => c.ownerId === me),
            wins: allWins.filter((w) => w.ownerId === me),
            today: TODAY,
            threshold: 0.7,
            since: quartersBack(TODAY, DASHBOARD_QUARTERS - 1),
          });
          expect(await loadDashboard(db, me, TODAY, 0.7)).toEqual(full);
          const byGoal = [...new Set(allCheckins.map((c) => c.goalId))].map((id) => finalsOf(id, allCheckins));
          expect(await db.goalFinals.bulkGet(byGoal.map((f) => f.goalId))).toEqual(
            byGoal.map((f) => (Object.keys(f.latest).length > 0 ? f : undefined)),
          );
          db.closeAll();
        },
      ),
      { seed: 71, numRuns: 25 },
    );
  }, 60_000);

  it('updates live: a late check-in on an ended goal changes the achievement rate', async () => {
    const actor = makeActor();
    const db = makeDeviceDb(actor.personId);
    const ended = goalRow(actor.personId, '2026-09-30', 'missed', false);
    await db.goals.put(ended);
    const rates: (number | null | undefined)[] = [];
    const sub = liveQuery(() => loadDashboard(db, actor.personId, TODAY, 0.7)).subscribe((d) => rates.push(d.achievement[0]?.rate));
    await expect.poll(() => rates).toEqual([0]);
    for (const krId of ['k0', 'k1'])
      await mutate(
        db,
        actor,
        'checkin.create@1',
        { id: uuidv7(), goalId: ended.id, krId, value: 20, confidence: 7, date: '2026-10-02' },
        5,
      );
    await expect.poll(() => rates.at(-1)).toBe(1);
    sub.unsubscribe();
  });
});
