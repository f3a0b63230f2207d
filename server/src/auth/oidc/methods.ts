import type { Queryable } from '../../db/client';
import type { Env } from '../../env';
import { oidcProvider } from './provider';

export interface SignInMethods {
  /** The provider's button, or null when OIDC is not configured. */
  sso: { label: string; startUrl: string } | null;
  /** False with SSO_ONLY=1: the password form is for HR break-glass accounts only. */
  passwords: boolean;
}

export function signInMethods(env: Pick<Env, 'oidc' | 'ssoOnly'>): SignInMethods {
  return {
    sso: env.oidc ? { label: env.oidc.buttonLabel, startUrl: '/auth/oidc/start' } : null,
    passwords: !env.ssoOnly,
  };
}

/** RP-initiated logout for a session that came from the provider, when the provider offers it. */
export async function providerLogoutUrl(q: Queryable, env: Pick<Env, 'oidc'>, tokenHash: string, origin: string): Promise<string | null> {
  const provider = oidcProvider(env.oidc);
  if (!provider) return null;
  const rows = await q.query<{ oidc_id_token: string | null }>('select oidc_id_token from session where token_hash = $1', [tokenHash]);
  const idToken = rows[0]?.oidc_id_token;
  return idToken ? provider.endSessionUrl(idToken, `${origin}/`) : null;
}
