import { QueryClient } from '@tanstack/react-query';

/** Server-only data (auth, setup, people). Synced data never goes through here: it is read from Dexie. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: 1, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
