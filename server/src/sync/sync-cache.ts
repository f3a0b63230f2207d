import type { Queryable } from '../db/client';
import { readableSpaces } from './spaces';

/** What a pull needs before it reads any row: who owns the device, what it has applied, what its person reads. */
export interface DeviceState {
  /** The device's owner, or null for a device that never pushed. */
  ownerId: string | null;
  lastMutationId: number;
  /** The readable spaces (spaces.ts) and the committed version of each. */
  spaces: string[];
  versions: Map<string, number>;
}

/** Entries older than this are read again: the bound when a NOTIFY from another process is lost. */
export const SYNC_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

/**
 * The readable spaces come from `readableSpaces` (spaces.ts, the one place that says who reads what); then
 * ONE statement reads the device and the space versions, so both come from the same snapshot: an answer
 * never acknowledges a mutation whose rows it does not count yet (S13).
 */
export async function readDeviceState(q: Queryable, deviceId: string, personId: string): Promise<DeviceState> {
  const spaces = await readableSpaces(q, personId);
  const rows = await q.query<{ owner: string | null; last: number | null; versions: Record<string, number> | string | null }>(
    `select (select person_id::text from device where id = $1) as owner,
            (select last_mutation_id from device where id = $1) as last,
            (select json_object_agg(id, version) from space where id = any($2)) as versions`,
    [deviceId, spaces],
  );
  const r = rows[0];
  const raw = typeof r?.versions === 'string' ? (JSON.parse(r.versions) as Record<string, number>) : (r?.versions ?? {});
  return {
    ownerId: r?.owner ?? null,
    lastMutationId: Number(r?.last ?? 0),
    spaces,
    versions: new Map(Object.entries(raw).map(([id, v]) => [id, Number(v)])),
  };
}

/**
 * An in-process cache of `DeviceState`, kept fresh by the change bus: every commit that touches a space is
 * published (locally at once, to other processes by NOTIFY), and forgets every entry that reads it. So an
 * empty pull whose cursor is current answers from memory. An entry is stored only when no change was heard
 * while it was read (`epoch`), so a read that raced a commit never outlives it.
 */
export class SyncCache {
  private epoch = 0;
  private readonly entries = new Map<string, { personId: string; state: DeviceState; at: number }>();

  /** The state of a device as `personId` sees it: from memory when fresh, else from one SQL statement. */
  async get(q: Queryable, deviceId: string, personId: string): Promise<DeviceState> {
    const hit = this.entries.get(deviceId);
    if (hit && hit.personId === personId && Date.now() - hit.at < SYNC_CACHE_MS) return hit.state;
    const epoch = this.epoch;
    const at = Date.now();
    const state = await readDeviceState(q, deviceId, personId);
    // A device that never pushed is cached like any other, so a pull-only device is as cheap (issue 16). Its first
    // push is still seen at once: it forgets the device here, and that push writes to a space this device reads
    // (a row, or the rejection in its owner's own space), so every other process forgets it on the NOTIFY.
    if (epoch === this.epoch) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(deviceId, { personId, state, at });
    }
    return state;
  }

  /** Spaces changed (or a person's reporting line did: their id is their space's): forget who reads them. */
  changed(spaces: readonly string[]): void {
    this.epoch++;
    if (spaces.length === 0) return;
    const set = new Set(spaces);
    for (const [deviceId, e] of this.entries) {
      if (set.has(e.personId) || e.state.spaces.some((s) => set.has(s))) this.entries.delete(deviceId);
    }
  }

  forgetDevice(deviceId: string): void {
    this.epoch++;
    this.entries.delete(deviceId);
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
  }
}
