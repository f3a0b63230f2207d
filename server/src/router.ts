import { authRouter } from './auth/auth.router';
import { exportRouter } from './export/export.router';
// goals (issue 5)
import { goalsRouter } from './goals/goals.router';
import { peopleRouter } from './people/people.router';
import { setupRouter } from './setup/setup.router';
import { syncRouter } from './sync/sync.router';
import { router } from './trpc';

export const appRouter = router({
  setup: setupRouter,
  auth: authRouter,
  people: peopleRouter,
  sync: syncRouter,
  // goals (issue 5)
  goals: goalsRouter,
  export: exportRouter,
});

export type AppRouter = typeof appRouter;
