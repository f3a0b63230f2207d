import type { DBCore, DBCoreTable, Middleware } from 'dexie';

/**
 * Keeps `goalFinals` (the latest live check-in of each key result, per goal) equal to what the check-ins on the
 * device say, on every write path at once: `mutate`, pull pages, rebase, a reset's `clear`. It sits in Dexie's
 * DBCore below all of them, adds `goalFinals` to every read-write transaction that touches `checkins`, and
 * rewrites the affected goals' rows in that same transaction, so the two tables never disagree on disk. The
 * writes themselves are in goal-finals-writer.ts, loaded before the database lets any query run.
 */
export const FINALS_TABLE = 'goalFinals';
const CHECKINS = 'checkins';

type Writer = typeof import('./goal-finals-writer');
let writer: Writer | undefined;
let loading: Promise<Writer> | undefined;

/** Starts loading the writer (once); MeritDb waits for it in Dexie's `ready`, before any query runs. */
export function loadFinalsWriter(): Promise<Writer> {
  loading ??= import('./goal-finals-writer').then((w) => {
    writer = w;
    return w;
  });
  return loading;
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
      return {
        ...table,
        mutate: (req) => {
          // Never without the writer: `ready` waits for it, and nothing writes check-ins during an upgrade.
          if (!writer) return Promise.reject(new Error('goal finals writer not loaded'));
          // Looked up on write: while an upgrade builds the stack, the store may not exist yet.
          return writer.mutateBoth(table, down.table(FINALS_TABLE), req);
        },
      } satisfies DBCoreTable;
    },
  }),
};
