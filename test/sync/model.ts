import { type Checkin, checkinFitsGoal } from '@merit/shared/domain/checkin';
import type { Goal } from '@merit/shared/domain/goal';
import type { Actor } from '@merit/shared/domain/person';
import { mutationDef, type TableName } from '@merit/shared/mutations';
import type { Db } from '../../server/src/db/client';
import { visibleReview } from '../../server/src/reviews/visibility';
import { fromDb, tableSql } from '../../server/src/sync/tables';

export interface Made {
  deviceId: string;
  mutationId: number;
  name: string;
  args: unknown;
}

type Row = Record<string, unknown>;

/** The person's synced tables the fuzz compares, device against server (rejections: the inbox). */
export const FUZZ_TABLES = [
  'wins',
  'goals',
  'checkins',
  'notes',
  'feedback',
  'reviews',
  'rejections',
] as const satisfies readonly TableName[];
/** The tables whose rows only mutations make, so a replay of the accepted ones must rebuild them exactly. */
const REPLAYED = new Set<TableName>(['wins', 'goals', 'checkins', 'notes', 'feedback', 'reviews']);

/** The fields a person decided; the server's clock (`...At` times) and versions are not theirs. */
export const userFields = (row: Row): Row =>
  Object.fromEntries(Object.entries(row).filter(([k, v]) => k !== 'version' && !(k.endsWith('At') && typeof v === 'number')));

const byId = (a: Row, b: Row) => String(a.id).localeCompare(String(b.id));

/** The server's live rows of one person's space, as that person's pull gives them (S8: a review without the manager's side). */
export async function serverRows(db: Db, t: TableName, ownerId: string): Promise<Row[]> {
  const rows = await db.query<Row>(`select * from ${tableSql(t)} where owner_id = $1 and not deleted order by id`, [ownerId]);
  const out = rows.map((r) => fromDb(t, r));
  return t === 'reviews'
    ? out.flatMap((r): Row[] => {
        const v = visibleReview(r, ownerId);
        return v ? [v] : [];
      })
    : out;
}

/**
 * What the server does beside a rule, inside the push (S20, `server/src/sync/goal-links.ts`): a new check-in must
 * fit a live goal of its author and copies the goal's visibility; a goal whose visibility changes re-copies it.
 */
function linkGoal(state: Map<string, Row>, t: TableName, prev: Row | undefined, row: Row): boolean {
  if (t === 'checkins' && !prev) {
    const g = state.get(`goals:${String(row.goalId)}`) as Goal | undefined;
    if (!checkinFitsGoal(row as unknown as Checkin, g).ok) return false;
    row.goalVisibility = g?.visibility ?? 'private';
  }
  if (t === 'goals' && prev) {
    const after = row.deleted ? 'private' : row.visibility;
    for (const [k, c] of state)
      if (k.startsWith('checkins:') && c.goalId === row.id && !c.deleted) state.set(k, { ...c, goalVisibility: after });
  }
  return true;
}

/**
 * Replays, with the shared rules, every mutation the server applied, in the order it applied them, from the rows
 * that existed before (a launched review). If an accepted edit were lost or one applied twice, the replay and the
 * server's tables would differ.
 */
export async function replayApplied(
  db: Db,
  actor: Actor,
  made: Made[],
  initial: readonly { table: TableName; row: Row }[],
  /** How the server decided each mutation name, summed over the run, to print what the fuzz covered. */
  tally?: Map<string, { applied: number; rejected: number }>,
): Promise<{ tables: Partial<Record<TableName, Row[]>>; mismatches: string[] }> {
  const byKey = new Map(made.map((m) => [`${m.deviceId}:${m.mutationId}`, m]));
  const results = await db.query<{ device_id: string; mutation_id: number; status: string }>(
    `select r.device_id, r.mutation_id, r.status from mutation_result r join device d on d.id = r.device_id
     where d.person_id = $1 order by r.seq`,
    [actor.personId],
  );
  const state = new Map<string, Row>(initial.map((x) => [`${x.table}:${String(x.row.id)}`, x.row]));
  const mismatches: string[] = [];
  for (const r of results) {
    const m = byKey.get(`${r.device_id}:${r.mutation_id}`);
    if (!m) {
      mismatches.push(`server has ${r.device_id}:${r.mutation_id}, which no device made`);
      continue;
    }
    const seen = tally?.get(m.name) ?? { applied: 0, rejected: 0 };
    seen[r.status === 'applied' ? 'applied' : 'rejected'] += 1;
    tally?.set(m.name, seen);
    const def = mutationDef(m.name);
    if (!def || !REPLAYED.has(def.table)) continue;
    const parsed = def.args.safeParse(m.args);
    const key = parsed.success ? `${def.table}:${def.target(parsed.data)}` : '';
    const prev = state.get(key);
    const next = parsed.success ? def.apply(prev as never, parsed.data, { actor, now: 0, reports: [] }) : undefined;
    const row = next?.ok ? { ...(next.value as unknown as Row) } : undefined;
    const accepted = row !== undefined && linkGoal(state, def.table, prev, row);
    if (accepted !== (r.status === 'applied'))
      mismatches.push(`${m.name} ${r.device_id}:${r.mutation_id} was ${r.status} but replays ${accepted}`);
    if (accepted && row && r.status === 'applied') state.set(key, row);
  }
  const tables: Partial<Record<TableName, Row[]>> = {};
  for (const [k, row] of state) {
    const t = k.slice(0, k.indexOf(':')) as TableName;
    if (row.deleted) continue;
    const shown = t === 'reviews' ? visibleReview(row, actor.personId) : row;
    if (shown) tables[t] = [...(tables[t] ?? []), shown];
  }
  for (const rows of Object.values(tables)) rows.sort(byId);
  return { tables, mismatches };
}
