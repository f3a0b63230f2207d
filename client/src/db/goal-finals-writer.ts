import type { Checkin } from '@merit/shared/domain/checkin';
import { finalsOf, foldCheckin, type GoalFinals } from '@merit/shared/domain/goal-finals';
import type { DBCoreKeyRange, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction } from 'dexie';
import type { MeritDb } from './db';

// The writes behind goal-finals.ts, in their own chunk so the first page load does not carry them: MeritDb waits
// for this module before it lets any query run (Dexie's `ready`).

const ANY_RANGE = 3; // DBCoreRangeType.Any, a const enum the isolated modules cannot import

const equal = (key: string): DBCoreKeyRange => ({ type: 1, lower: key, upper: key });

/** Writes of one transaction run one after another, so two of them never fold into the same finals row at once. */
const queues = new WeakMap<DBCoreTransaction, Promise<unknown>>();
function serialise<T>(trans: DBCoreTransaction, run: () => Promise<T>): Promise<T> {
  const prev = queues.get(trans);
  const next = prev ? prev.then(run, run) : run();
  const tail = next.catch(() => undefined);
  queues.set(trans, tail);
  void tail.then(() => {
    if (queues.get(trans) === tail) queues.delete(trans);
  });
  return next;
}

async function rebuild(checkins: DBCoreTable, trans: DBCoreTransaction, goalId: string): Promise<GoalFinals> {
  const index = checkins.schema.getIndexByKeyPath('goalId');
  if (!index) throw new Error('checkins has no goalId index');
  const { result } = await checkins.query({ trans, values: true, query: { index, range: equal(goalId) } });
  return finalsOf(goalId, result as Checkin[]);
}

/** A write of check-ins and, in the same transaction, of the finals of every goal it touched. */
export const mutateBoth = (checkins: DBCoreTable, finals: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> =>
  serialise(req.trans, () => mutateNow(checkins, finals, req));

async function mutateNow(checkins: DBCoreTable, finals: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  if (req.type === 'deleteRange' && req.range.type === ANY_RANGE) {
    const res = await checkins.mutate(req);
    await finals.mutate({ type: 'deleteRange', trans, range: req.range });
    return res;
  }
  if (req.type === 'add' || req.type === 'put') {
    // Sent together: on a phone each round trip to IndexedDB costs more than the request itself.
    const values = req.values as readonly Checkin[];
    const goalIds = [...new Set(values.map((c) => c.goalId))];
    const [res, found] = await Promise.all([checkins.mutate(req), finals.getMany({ trans, keys: goalIds })]);
    const held = found as (GoalFinals | undefined)[];
    const written = values.filter((_, i) => !res.failures[i]);
    const before = new Map(goalIds.map((id, i) => [id, held[i] ?? { goalId: id, latest: {} }]));
    const next = new Map(before);
    const stale = new Set<string>();
    for (const c of written) {
      const now = next.get(c.goalId);
      const folded = now && !stale.has(c.goalId) ? foldCheckin(now, c) : null;
      if (folded) next.set(c.goalId, folded);
      else stale.add(c.goalId);
    }
    const changed = await Promise.all(
      goalIds.flatMap((id): (GoalFinals | undefined | Promise<GoalFinals>)[] =>
        stale.has(id) ? [rebuild(checkins, trans, id)] : next.get(id) === before.get(id) ? [] : [next.get(id)],
      ),
    );
    await writeFinals(finals, trans, changed);
    return res;
  }
  // A hard delete (a pull's tombstone) or a partial range: the rows say which goals they belonged to.
  const gone: Checkin[] =
    req.type === 'delete'
      ? ((await checkins.getMany({ trans, keys: req.keys })) as (Checkin | undefined)[]).filter((c) => c !== undefined)
      : ((await checkins.query({ trans, values: true, query: { index: checkins.schema.primaryKey, range: req.range } }))
          .result as Checkin[]);
  const res = await checkins.mutate(req);
  const goalIds = [...new Set(gone.map((c) => c.goalId))];
  await writeFinals(finals, trans, await Promise.all(goalIds.map((id) => rebuild(checkins, trans, id))));
  return res;
}

/** A goal with no live check-in left has no row, as if it never had one. */
async function writeFinals(finals: DBCoreTable, trans: DBCoreTransaction, rows: readonly (GoalFinals | undefined)[]) {
  const live = rows.filter((f): f is GoalFinals => f !== undefined && Object.keys(f.latest).length > 0);
  const empty = rows.filter((f): f is GoalFinals => f !== undefined && Object.keys(f.latest).length === 0).map((f) => f.goalId);
  if (live.length > 0) await finals.mutate({ type: 'put', trans, values: live });
  if (empty.length > 0) await finals.mutate({ type: 'delete', trans, keys: empty });
}

/**
 * The finals of every goal from its check-ins, once, after the upgrade to version 6 asked for it: an upgrade cannot
 * wait for this module, so it leaves a flag. Checked read-only first, as this runs on every open.
 */
export async function rebuildIfAsked(db: MeritDb): Promise<void> {
  if (!(await db.meta.get('rebuildFinals'))) return;
  await db.transaction('rw', [db.checkins, db.goalFinals, db.meta], async () => {
    if (!(await db.meta.get('rebuildFinals'))) return;
    const byGoal = new Map<string, Checkin[]>();
    await db.checkins.each((c) => {
      const list = byGoal.get(c.goalId);
      if (list) list.push(c);
      else byGoal.set(c.goalId, [c]);
    });
    const rows = [...byGoal].map(([id, list]) => finalsOf(id, list)).filter((f) => Object.keys(f.latest).length > 0);
    await db.goalFinals.clear();
    await db.goalFinals.bulkPut(rows);
    await db.meta.delete('rebuildFinals');
  });
}
