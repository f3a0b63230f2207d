import { router, signedInProcedure } from '../trpc';
import { myRecord } from './my-record';

export const exportRouter = router({
  /** The caller's own rows of every synced table; no input, so nobody can ask for someone else's. */
  myRecord: signedInProcedure.query(({ ctx }) => myRecord(ctx.db, ctx.session)),
});
