import type { Actor } from '@merit/shared/domain/person';
import type { Win } from '@merit/shared/domain/win';
import { mutationDef } from '@merit/shared/mutations';
import type { Db } from '../../server/src/db/client';
import { fromDb } from '../../server/src/sync/tables';

export interface Made {
  deviceId: string;
  mutationId: number;
  name: string;
  args: unknown;
}

/** The fields a person typed; timestamps and versions are the server's. */
export const userFields = (w: Win) => ({
  id: w.id,
  title: w.title,
  description: w.description,
  date: w.date,
  tags: w.tags,
  visibility: w.visibility,
});

export async function serverWins(db: Db, ownerId: string): Promise<Win[]> {
  const rows = await db.query<Record<string, unknown>>('select * from win where owner_id = $1 and not deleted order by id', [ownerId]);
  return rows.map((r) => fromDb('wins', r) as unknown as Win);
}

/**
 * Replays, with the shared rules, every mutation the server applied, in the order it applied them. If an
 * accepted edit were lost or one applied twice, the replay and the server's table would differ.
 */
export async function replayApplied(db: Db, actor: Actor, made: Made[]): Promise<{ wins: Win[]; mismatches: string[] }> {
  const byKey = new Map(made.map((m) => [`${m.deviceId}:${m.mutationId}`, m]));
  const results = await db.query<{ device_id: string; mutation_id: number; status: string }>(
    `select r.device_id, r.mutation_id, r.status from mutation_result r join device d on d.id = r.device_id
     where d.person_id = $1 order by r.seq`,
    [actor.personId],
  );
  const state = new Map<string, Win>();
  const mismatches: string[] = [];
  for (const r of results) {
    const m = byKey.get(`${r.device_id}:${r.mutation_id}`);
    if (!m) {
      mismatches.push(`server has ${r.device_id}:${r.mutation_id}, which no device made`);
      continue;
    }
    const def = mutationDef(m.name);
    if (def?.table !== 'wins') continue;
    const parsed = def.args.safeParse(m.args);
    if (!parsed.success) continue;
    const id = def.target(parsed.data);
    const next = def.apply(state.get(id) as never, parsed.data, { actor, now: 0 });
    if (next.ok !== (r.status === 'applied'))
      mismatches.push(`${m.name} ${r.device_id}:${r.mutation_id} was ${r.status} but replays ${next.ok}`);
    if (next.ok && r.status === 'applied') state.set(id, next.value as Win);
  }
  const wins = [...state.values()].filter((w) => !w.deleted).sort((a, b) => a.id.localeCompare(b.id));
  return { wins, mismatches };
}
