import { describeError, errorCode } from '@/lib/errors';
import type { trpc } from '@/lib/trpc';

/** The signed-in person as the server describes them (docs/API.md, `Me`). */
export type Me = Awaited<ReturnType<typeof trpc.auth.signIn.mutate>>;

/** Words for a failed sign-in, set-password or setup: the server's reason when it gave one. */
export function authErrorWords(e: unknown): string {
  const info = errorCode(e);
  if (info.network) return 'Cannot reach Merit. Signing in needs a connection; try again when you are online.';
  if (info.trpc === 'UNAUTHORIZED') return info.domain?.message ?? 'Email or password is wrong.';
  if (info.domain?.code === 'VALIDATION') return info.domain.message;
  return describeError(e);
}
