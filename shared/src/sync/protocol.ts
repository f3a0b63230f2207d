import * as z from 'zod/mini';
import { ERROR_CODES } from '../errors';
import { LIMITS } from '../limits';
import type { TableName } from '../mutations';

/** Bumped when push or pull change shape; an older client is told to update and keeps its outbox. */
export const PROTOCOL_VERSION = 1;

export const MutationSchema = z.strictObject({
  /** Counts up per device: 1, 2, 3, ... (rule S3 in docs/SYNC.md). */
  id: z.int().check(z.positive()),
  name: z.string().check(z.maxLength(64)),
  args: z.unknown(),
  createdAt: z.number(),
});
export type Mutation = z.infer<typeof MutationSchema>;

export const PushInput = z.strictObject({
  protocol: z.int(),
  deviceId: z.uuid(),
  mutations: z.array(MutationSchema).check(z.maxLength(LIMITS.pushBatchMax)),
});
export type PushInput = z.infer<typeof PushInput>;
/**
 * What the text rule (S44) leaves to the push itself: each mutation's name and args are checked on their own,
 * so one hostile mutation is refused into the inbox by itself and never fails the whole push (S40).
 */
export const PUSH_CHECKED_PER_MUTATION: readonly (readonly string[])[] = [
  ['mutations', '*', 'args'],
  ['mutations', '*', 'name'],
];

export const PushResult = z.object({
  id: z.number(),
  status: z.enum(['applied', 'rejected', 'duplicate']),
  code: z.optional(z.enum(ERROR_CODES)),
  message: z.optional(z.string()),
});
export type PushResult = z.infer<typeof PushResult>;
export interface PushOutput {
  lastMutationId: number;
  results: PushResult[];
}

export const PullInput = z.strictObject({
  protocol: z.int(),
  deviceId: z.uuid(),
  // A version per readable space (about 48 characters each): room for about 20,000 spaces inside the body limit.
  cursor: z.nullable(z.string().check(z.maxLength(1_000_000))),
  limit: z.optional(z.int().check(z.positive(), z.maximum(LIMITS.pullPageMax))),
});
export type PullInput = z.infer<typeof PullInput>;

/** A row to put, or `row: null` for a tombstone: deleted, or no longer visible to this person. */
export interface Change {
  table: TableName;
  id: string;
  row: Record<string, unknown> | null;
}
export interface PullOutput {
  cursor: string;
  lastMutationId: number;
  /** The device must drop its copy of every synced table before applying these changes. */
  reset: boolean;
  hasMore: boolean;
  changes: Change[];
}

/** The cursor is opaque to the client: a version per space it reads (rule S7). */
export type SpaceCursor = Record<string, number>;
export function encodeCursor(c: SpaceCursor): string {
  return JSON.stringify(c);
}
export function decodeCursor(s: string | null): SpaceCursor | null {
  if (s === null) return null;
  try {
    const v: unknown = JSON.parse(s);
    if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
    const out: SpaceCursor = {};
    for (const [k, n] of Object.entries(v)) if (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0) out[k] = n;
    return out;
  } catch {
    return null;
  }
}
