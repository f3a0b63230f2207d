import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID provider (the oidc-provider package) on loopback, for tests: server tests drive it
 * over HTTP, the e2e spec through Chromium. Its login page asks only for an e-mail of `accounts`
 * (no password: the provider's own checks are not what Merit tests); consent is granted at once.
 */
export interface TestAccount {
  email: string;
  emailVerified: boolean;
  name?: string;
}

export interface TestProvider {
  issuer: string;
  /** Keyed by the login typed on the provider's page (also the `sub`). */
  accounts: Map<string, TestAccount>;
  close(): Promise<void>;
}

export interface TestProviderOptions {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  port?: number;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Test identity provider</title><style>body{font:16px system-ui,sans-serif;margin:0;background:#1e293b;color:#0f172a}
main{max-width:340px;margin:64px auto;background:#fff;border-radius:12px;padding:24px}label{display:block;margin:16px 0 6px;font-weight:600}
input{width:100%;box-sizing:border-box;font:inherit;padding:10px;border:1px solid #94a3b8;border-radius:8px}
button{margin-top:16px;width:100%;font:inherit;font-weight:600;padding:12px;border:0;border-radius:8px;background:#2563eb;color:#fff}
p.err{color:#b91c1c}</style></head><body><main><h1>Acme ID</h1>${body}</main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let raw = '';
  for await (const chunk of req) raw += String(chunk);
  return new URLSearchParams(raw);
}

export async function startTestProvider(opts: TestProviderOptions): Promise<TestProvider> {
  const accounts = new Map<string, TestAccount>();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        redirect_uris: opts.redirectUris,
        post_logout_redirect_uris: opts.postLogoutRedirectUris ?? [],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    async findAccount(_ctx, id) {
      const a = accounts.get(id);
      if (!a) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, email: a.email, email_verified: a.emailVerified, name: a.name ?? id }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['merit-test-provider-cookie-key'] },
  });

  async function interaction(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      if (req.method === 'POST' && path.endsWith('/login')) {
        const login = (await readForm(req)).get('login')?.trim() ?? '';
        if (accounts.has(login)) {
          await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
          return;
        }
      }
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        page(`<form method="post" action="/interaction/${esc(details.uid)}/login">
<label for="login">Work e-mail</label><input id="login" name="login" autocomplete="username" autofocus>
<button type="submit">Continue</button></form>`),
      );
      return;
    }
    const accountId = details.session?.accountId;
    if (!accountId) throw new Error('consent without a login');
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  const callback = provider.callback();
  server.on('request', (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith('/interaction/')) {
      interaction(req, res, path).catch((e: unknown) => {
        res.statusCode = 500;
        res.end(String(e));
      });
      return;
    }
    callback(req, res);
  });
  return {
    issuer,
    accounts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
