import type { AppRouter } from '@merit/server/router';
import { createTRPCClient, httpBatchLink, httpLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import type { SyncTransport } from '@/sync/transport';

export { type ErrorInfo, errorCode } from './errors';

const sameOrigin: typeof fetch = (u, o) => fetch(u, { ...o, credentials: 'same-origin' });

/**
 * The one tRPC client: subscriptions over server-sent events; `sync.pull` alone as a POST, because its cursor
 * holds a version per space the person reads and outgrows any URL (a manager with 32 reports did; docs/SYNC.md
 * S6); everything else batched over HTTP.
 */
export const trpc = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === 'subscription',
      true: httpSubscriptionLink({ url: '/trpc' }),
      false: splitLink({
        condition: (op) => op.path === 'sync.pull',
        true: httpLink({ url: '/trpc', methodOverride: 'POST', fetch: sameOrigin }),
        false: httpBatchLink({ url: '/trpc', maxURLLength: 2000, fetch: sameOrigin }),
      }),
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
