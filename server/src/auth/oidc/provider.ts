import * as client from 'openid-client';
import type { OidcSettings } from '../../env';

/** Plain HTTP is allowed only for a provider on this machine (a test provider, a local Keycloak). */
const LOOPBACK = /^http:\/\/(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])(:\d+)?(\/|$)/;

export const isLoopbackHttp = (url: string) => LOOPBACK.test(url);

/**
 * The provider's discovered configuration, fetched on first use rather than at start (a provider that
 * is down must not keep Merit from starting), then kept; a failed discovery is tried again next time.
 * Discovery checks that the document's `issuer` is exactly OIDC_ISSUER, and every ID token's `iss` is
 * then checked against it.
 */
export class OidcProvider {
  private config: Promise<client.Configuration> | null = null;

  constructor(readonly settings: OidcSettings) {}

  configuration(): Promise<client.Configuration> {
    if (!this.config) {
      const s = this.settings;
      const auth = s.clientSecret ? client.ClientSecretBasic(s.clientSecret) : client.None();
      const pending = client.discovery(
        new URL(s.issuer),
        s.clientId,
        s.clientSecret ?? undefined,
        auth,
        isLoopbackHttp(s.issuer) ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
      );
      pending.catch(() => {
        if (this.config === pending) this.config = null;
      });
      this.config = pending;
    }
    return this.config;
  }

  /** RP-initiated logout: the provider's end-session URL, when it offers one. */
  async endSessionUrl(idToken: string, postLogoutRedirect: string): Promise<string | null> {
    const config = await this.configuration().catch(() => null);
    if (!config?.serverMetadata().end_session_endpoint) return null;
    return client
      .buildEndSessionUrl(config, {
        id_token_hint: idToken,
        post_logout_redirect_uri: postLogoutRedirect,
        client_id: this.settings.clientId,
      })
      .toString();
  }
}

const providers = new Map<string, OidcProvider>();

/** One provider object per configuration in this process, so discovery runs once. */
export function oidcProvider(settings: OidcSettings | null): OidcProvider | null {
  if (!settings) return null;
  const key = `${settings.issuer} ${settings.clientId}`;
  let p = providers.get(key);
  if (!p) {
    p = new OidcProvider(settings);
    providers.set(key, p);
  }
  return p;
}
