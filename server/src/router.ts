import { authRouter } from './auth/auth.router';
import { exportRouter } from './export/export.router';
import { peopleRouter } from './people/people.router';
import { setupRouter } from './setup/setup.router';
import { syncRouter } from './sync/sync.router';
import { router } from './trpc';

export const appRouter = router({
  setup: setupRouter,
  auth: authRouter,
  people: peopleRouter,
  sync: syncRouter,
  export: exportRouter,
});

export type AppRouter = typeof appRouter;
