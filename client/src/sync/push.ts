import { LIMITS } from '@merit/shared/limits';
import type { MeritDb } from '@/db/db';
import type { SyncTransport } from './transport';

export interface PushContext {
  db: MeritDb;
  transport: SyncTransport;
  deviceId: string;
  protocol: number;
}

/** The server applies nothing we can send: it lacks mutations this device already dropped, or refuses the next one. */
export class PushStalledError extends Error {
  constructor(serverLast: number) {
    super(`The server stopped accepting changes from this device after change ${serverLast}.`);
    this.name = 'PushStalledError';
  }
}

/**
 * Sends the outbox in id order, in batches of at most LIMITS.pushBatchMax, starting after `ackedThrough`
 * (the last id the server confirmed to this engine); `limit` narrows the batches while the server keeps failing (S41). Entries are NOT deleted here: the pull that brings
 * their effects drops them in the same transaction, so nothing flickers (rule S13). The server answers its
 * last applied id; when that is below what we sent, the next batch starts right after it (a gap, or a batch
 * the server stopped early; rules S3, S4). Returns the server's last applied id.
 */
export async function pushOutbox(ctx: PushContext, ackedThrough: number, limit: number = LIMITS.pushBatchMax): Promise<number> {
  let from = ackedThrough + 1;
  let last = ackedThrough;
  for (;;) {
    const batch = await ctx.db.outbox.where('mutationId').aboveOrEqual(from).limit(limit).toArray();
    const first = batch[0];
    if (!first) return last;
    const out = await ctx.transport.push({
      protocol: ctx.protocol,
      deviceId: ctx.deviceId,
      mutations: batch.map((e) => ({ id: e.mutationId, name: e.name, args: e.args, createdAt: e.createdAt })),
    });
    last = out.lastMutationId;
    if (last >= first.mutationId) {
      from = last + 1;
      continue;
    }
    // The server applied none of the batch. Resend from its last id + 1 if we still hold that entry and
    // have not just tried it; otherwise retrying would loop forever.
    const next = last + 1;
    if (next >= first.mutationId || !(await ctx.db.outbox.where('mutationId').equals(next).count())) throw new PushStalledError(last);
    from = next;
  }
}
