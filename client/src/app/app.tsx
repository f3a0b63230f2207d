import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { ToastProvider } from '@/ui/toast';
import { PwaPrompt } from './pwa-prompt';
import { createQueryClient } from './query-client';
import { Session } from './session';
import { Splash } from './status-screens';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <Suspense fallback={<Splash />}>
          <Session />
        </Suspense>
        <PwaPrompt />
      </ToastProvider>
    </QueryClientProvider>
  );
}
