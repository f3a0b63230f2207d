import type { PullInput, PullOutput, PushInput, PushOutput } from '@merit/shared/sync/protocol';

/** How the engine reaches the server: tRPC in the app (lib/trpc.ts), a fake server in tests. */
export interface SyncTransport {
  push(input: PushInput): Promise<PushOutput>;
  pull(input: PullInput): Promise<PullOutput>;
  /** Calls `onPoke` whenever the server says data this person reads changed; returns the unsubscribe. */
  live?(onPoke: () => void): () => void;
}
