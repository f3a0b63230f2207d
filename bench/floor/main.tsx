// The floor for the initial-JS figure: the bare libraries Merit's first screen cannot do without.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import Dexie from 'dexie';
import { createRoot } from 'react-dom/client';

const db = new Dexie('floor');
db.version(1).stores({ t: 'id' });
const client = createTRPCClient({ links: [httpBatchLink({ url: '/trpc' })] });
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <QueryClientProvider client={new QueryClient()}>
      <p>{String(Boolean(db && client))}</p>
    </QueryClientProvider>,
  );
}
