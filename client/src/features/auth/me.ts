import { describeError, errorCode } from '@/lib/errors';

/** `Me` lives in lib/ (features never import each other); kept here so older imports still resolve. */
export type { Me } from '@/lib/me';

/** Words for a failed sign-in, set-password or setup: the server's reason when it gave one. */
export function authErrorWords(e: unknown): string {
  const info = errorCode(e);
  if (info.network) return 'Cannot reach Merit. Signing in needs a connection; try again when you are online.';
  if (info.trpc === 'UNAUTHORIZED') return info.domain?.message ?? 'Email or password is wrong.';
  if (info.domain?.code === 'VALIDATION') return info.domain.message;
  return describeError(e);
}
