import type { Checkin } from '@merit/shared/domain/checkin';
import { finalsOf, foldCheckin, type GoalFinals } from '@merit/shared/domain/goal-finals';
import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';

/**
 * Keeps `goalFinals` (the latest live check-in of each key result, per goal) equal to what the check-ins on the
 * device say, on every write path at once: `mutate`, pull pages, rebase, a reset's `clear`. It sits in Dexie's
 * DBCore below all of them, adds `goalFinals` to every read-write transaction that touches `checkins`, and
 * rewrites the affected goals' rows in that same transaction, so the two tables never disagree on disk.
 */
export const FINALS_TABLE = 'goalFinals';
const CHECKINS = 'checkins';
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

async function mutateBoth(checkins: DBCoreTable, finals: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
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

export const goalFinalsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'GoalFinals',
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) =>
      down.transaction(
        mode === 'readwrite' && stores.includes(CHECKINS) && !stores.includes(FINALS_TABLE) ? [...stores, FINALS_TABLE] : stores,
        mode,
        options,
      ),
    table: (name) => {
      const table = down.table(name);
      if (name !== CHECKINS) return table;
      // Looked up on write: while an upgrade builds the stack, the store may not exist yet.
      return { ...table, mutate: (req) => serialise(req.trans, () => mutateBoth(table, down.table(FINALS_TABLE), req)) };
    },
  }),
};
