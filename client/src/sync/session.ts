import { deletePersonDb, type MeritDb } from '@/db/db';
import { errorCode } from '@/lib/errors';

/** Changes on this device the server has not confirmed: the sign-out warning shows this number. */
export function pendingCount(db: MeritDb): Promise<number> {
  return db.outbox.count();
}

/**
 * Signs out on a shared device (rule S15). The caller has already warned about pending changes and stopped
 * the engine. The local data is wiped whatever the server says, because leaving it on a shared device is the
 * worse outcome. Offline or an already-ended session is fine; any other server failure is thrown AFTER the
 * wipe, so the UI can say the server session may still be open.
 */
export async function signOutAndWipe(db: MeritDb, personId: string, serverSignOut: () => Promise<unknown>): Promise<void> {
  let failure: unknown = null;
  try {
    await serverSignOut();
  } catch (e) {
    const info = errorCode(e);
    if (!info.network && info.trpc !== 'UNAUTHORIZED') failure = e;
  }
  db.closeAll();
  await deletePersonDb(personId);
  if (failure !== null) throw failure;
}
