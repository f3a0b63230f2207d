import type { AppRouter } from '@merit/server/router';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import type { SyncTransport } from '@/sync/transport';

export { type ErrorInfo, errorCode } from './errors';

/** The one tRPC client: subscriptions over server-sent events, everything else batched over HTTP. */
export const trpc = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === 'subscription',
      true: httpSubscriptionLink({ url: '/trpc' }),
      false: httpBatchLink({ url: '/trpc', maxURLLength: 2000, fetch: (u, o) => fetch(u, { ...o, credentials: 'same-origin' }) }),
    }),
  ],
});

/** The sync engine's way to the server. `live` pokes the engine; the engine pulls (rule S10). */
export const trpcTransport: SyncTransport = {
  push: (input) => trpc.sync.push.mutate(input),
  pull: (input) => trpc.sync.pull.query(input),
  live: (onPoke) => {
    // Errors end the stream; the 60 s poll and the focus/online triggers keep the device in sync meanwhile.
    const sub = trpc.sync.live.subscribe(undefined, { onData: () => onPoke(), onError: () => {} });
    return () => sub.unsubscribe();
  },
};
