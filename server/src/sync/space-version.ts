import type { Queryable } from '../db/client';

/**
 * The new versions of the spaces one bump reserved: `get(space)` is the space's last version after the bump,
 * and `take(space)` hands out `last - n + 1 ... last` one by one, in the order the caller writes its rows (S7).
 */
export class SpaceVersions extends Map<string, number> {
  private readonly handed = new Map<string, number>();

  constructor(
    ends: Iterable<readonly [string, number]>,
    private readonly counts: ReadonlyMap<string, number>,
  ) {
    super(ends);
  }

  /** The next reserved version of `space`; a write the bump did not count is a bug, not a quiet re-bump. */
  take(space: string): number {
    const end = this.get(space);
    const n = this.counts.get(space) ?? 0;
    const used = this.handed.get(space) ?? 0;
    if (end === undefined || used >= n) throw new Error(`no version reserved for another write to space ${space}`);
    this.handed.set(space, used + 1);
    return end - n + used + 1;
  }
}

/** How many versions each space needs: one per row written to it (a list names a space once per row). */
export function countSpaces(spaces: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of spaces) counts.set(s, (counts.get(s) ?? 0) + 1);
  return counts;
}

/**
 * THE space-version bump: every server write of a synced row, in push and outside it (launch, deadlines,
 * participants, reopen, notifications, the demo seed), reserves its versions here and nowhere else.
 *
 * Lock order (S60): the bump row-locks every space it names in ONE statement, in byte order of the space id
 * (`collate "C"`, the order JavaScript's sort gives these ASCII ids), so two transactions that bump overlapping
 * spaces queue on the first space they share and never each hold one the other waits for. A transaction calls it
 * once, after taking every lock on the rows it writes, with every space it will write to (including the
 * notifications it sends), and then holds those space locks until commit (S7: a pull never sees N+1 before N).
 */
export async function bumpSpaces(q: Queryable, spaces: ReadonlyMap<string, number> | Iterable<string>): Promise<SpaceVersions> {
  const counts = spaces instanceof Map ? (spaces as ReadonlyMap<string, number>) : countSpaces(spaces as Iterable<string>);
  const ids = [...counts.keys()].filter((id) => (counts.get(id) ?? 0) > 0).sort();
  if (ids.length === 0) return new SpaceVersions([], counts);
  const rows = await q.query<{ id: string; version: number }>(
    `insert into space (id, version) select id, n from unnest($1::text[], $2::bigint[]) as s(id, n) order by id collate "C"
     on conflict (id) do update set version = space.version + excluded.version returning id, version`,
    [ids, ids.map((id) => counts.get(id) ?? 0)],
  );
  const out = new SpaceVersions(
    rows.map((r) => [r.id, Number(r.version)] as const),
    counts,
  );
  for (const id of ids) if (!out.has(id)) throw new Error(`space version bump returned nothing for ${id}`);
  return out;
}

/** One write to one space: its new version (a `bumpSpaces` of one). */
export async function bumpSpace(q: Queryable, space: string): Promise<number> {
  return (await bumpSpaces(q, [space])).take(space);
}
