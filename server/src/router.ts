import { auditRouter } from './audit/audit.router';
import { authRouter } from './auth/auth.router';
import { breakGlassRouter } from './auth/break-glass.router';
import { cyclesRouter, reviewsHrRouter } from './cycles/cycles.router';
import { exportRouter } from './export/export.router';
// goals (issue 5)
import { goalsRouter } from './goals/goals.router';
import { peopleRouter } from './people/people.router';
import { pushRouter } from './push/push.router';
import { scimTokensRouter } from './scim/scim-tokens';
import { setupRouter } from './setup/setup.router';
import { syncRouter } from './sync/sync.router';
import { questionBankRouter, templatesRouter } from './templates/templates.router';
import { router } from './trpc';

export const appRouter = router({
  setup: setupRouter,
  auth: authRouter,
  people: peopleRouter,
  sync: syncRouter,
  // goals (issue 5)
  goals: goalsRouter,
  // HR side of review cycles
  templates: templatesRouter,
  questionBank: questionBankRouter,
  cycles: cyclesRouter,
  reviews: reviewsHrRouter,
  audit: auditRouter,
  export: exportRouter,
  // identity (issue 13)
  breakGlass: breakGlassRouter,
  scimTokens: scimTokensRouter,
  push: pushRouter,
});

export type AppRouter = typeof appRouter;
