import type { Actor } from '@merit/shared/domain/person';
import type { Rejection } from '@merit/shared/domain/rejection';
import { parse } from '@merit/shared/errors';
import { uuidv7 } from '@merit/shared/ids';
import { mutationDef, type TableName } from '@merit/shared/mutations';
import type { Change, PullInput, PullOutput, PushInput, PushOutput, PushResult } from '@merit/shared/sync/protocol';
import type { SyncRow } from '@/db/db';
import type { SyncTransport } from '../transport';

interface Stored {
  table: TableName;
  row: SyncRow;
}

/** A fault the test queues for the next push or pull. `after-commit`: the server applies, the answer is lost. */
export type Fault = Error | 'after-commit';

/**
 * A tiny in-memory server for ONE person, following docs/SYNC.md S3-S9 closely enough to test the client:
 * per-device ordered, idempotent push; rejections stored as rows; one version counter as the cursor; pages.
 */
export class FakeServer {
  readonly rows = new Map<string, Stored>();
  readonly devices = new Map<string, { last: number; results: Map<number, PushResult> }>();
  readonly pushes: PushInput[] = [];
  version = 0;
  pageLimit = 1000;
  /** Applies at most this many mutations of the next push, as if an infrastructure error stopped the batch. */
  stopAfter: number | null = null;
  readonly faults: { push: Fault[]; pull: Fault[] } = { push: [], pull: [] };
  /** Runs before each pull is answered: lets a test write on the device mid-sync. */
  beforePull: (() => Promise<void>) | null = null;

  constructor(
    readonly actor: Actor,
    readonly now: () => number = Date.now,
  ) {}

  push(input: PushInput): PushOutput {
    this.pushes.push(input);
    const device = this.device(input.deviceId);
    const results: PushResult[] = [];
    let budget = this.stopAfter ?? Number.POSITIVE_INFINITY;
    this.stopAfter = null;
    for (const m of input.mutations) {
      const known = device.results.get(m.id);
      if (m.id <= device.last && known) {
        results.push({ ...known, status: 'duplicate' });
        continue;
      }
      if (m.id !== device.last + 1 || budget-- <= 0) break;
      const result = this.apply(input.deviceId, m.id, m.name, m.args);
      device.last = m.id;
      device.results.set(m.id, result);
      results.push(result);
    }
    return { lastMutationId: device.last, results };
  }

  pull(input: PullInput): PullOutput {
    const from = input.cursor === null ? 0 : Number(input.cursor);
    const changed = [...this.rows.values()].filter((s) => s.row.version > from).sort((a, b) => a.row.version - b.row.version);
    const page = changed.slice(0, this.pageLimit);
    const changes: Change[] = page.map((s) => ({ table: s.table, id: s.row.id, row: s.row.deleted ? null : { ...s.row } }));
    const hasMore = changed.length > page.length;
    const cursor = String(hasMore ? (page.at(-1)?.row.version ?? from) : this.version);
    return { cursor, lastMutationId: this.device(input.deviceId).last, reset: input.cursor === null, hasMore, changes };
  }

  /** The engine's view of this server, with the queued faults applied. */
  transport(): SyncTransport {
    return {
      push: async (input) => {
        const fault = this.faults.push.shift();
        if (fault instanceof Error) throw fault;
        const out = this.push(structuredClone(input));
        if (fault === 'after-commit') throw new TypeError('Failed to fetch');
        return structuredClone(out);
      },
      pull: async (input) => {
        await this.beforePull?.();
        const fault = this.faults.pull.shift();
        if (fault instanceof Error) throw fault;
        const out = this.pull(input);
        if (fault === 'after-commit') throw new TypeError('Failed to fetch');
        return structuredClone(out);
      },
    };
  }

  /** Live rows of a table (tombstones and deleted rows left out), sorted by id, for convergence checks. */
  live(table: TableName): SyncRow[] {
    return [...this.rows.values()]
      .filter((s) => s.table === table && !s.row.deleted)
      .map((s) => s.row)
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  private device(id: string) {
    const d = this.devices.get(id) ?? { last: 0, results: new Map<number, PushResult>() };
    this.devices.set(id, d);
    return d;
  }

  private apply(deviceId: string, mutationId: number, name: string, args: unknown): PushResult {
    const def = mutationDef(name);
    if (!def) return this.reject(deviceId, mutationId, name, args, 'UNKNOWN_MUTATION', `Unknown mutation ${name}`);
    const parsed = parse(def.args, args);
    if (!parsed.ok) return this.reject(deviceId, mutationId, name, args, parsed.error.code, parsed.error.message);
    const id = def.target(parsed.value);
    const prev = this.rows.get(`${def.table}/${id}`)?.row;
    const r = def.apply(prev, parsed.value, { actor: this.actor, now: this.now() });
    if (!r.ok) return this.reject(deviceId, mutationId, name, args, r.error.code, r.error.message);
    this.rows.set(`${def.table}/${id}`, { table: def.table, row: { ...r.value, version: ++this.version } });
    return { id: mutationId, status: 'applied' };
  }

  private reject(deviceId: string, mutationId: number, name: string, args: unknown, code: Rejection['code'], message: string): PushResult {
    const row: Rejection = {
      id: uuidv7(),
      ownerId: this.actor.personId,
      deviceId,
      mutationId,
      name,
      args,
      code,
      message,
      createdAt: this.now(),
      dismissed: false,
      version: ++this.version,
      deleted: false,
    };
    this.rows.set(`rejections/${row.id}`, { table: 'rejections', row });
    return { id: mutationId, status: 'rejected', code, message };
  }
}
