import type { FastifyInstance } from 'fastify';

export const MERIT = 'http://merit.test';
export const CLIENT = { clientId: 'merit-test', clientSecret: 'a-test-client-secret-that-is-long-enough' };

/**
 * A browser for the sign-in dance: keeps cookies per origin and follows redirects by hand, sending
 * requests for Merit's origin to the Fastify app (inject) and everything else over loopback HTTP.
 */
export class FlowBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  constructor(private readonly app: FastifyInstance) {}

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(origin)?.get(name);
  }

  setCookie(origin: string, name: string, value: string): void {
    const m = this.jar.get(origin) ?? new Map<string, string>();
    m.set(name, value);
    this.jar.set(origin, m);
  }

  private store(origin: string, setCookies: string[]): void {
    for (const c of setCookies) {
      const [pair] = c.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = /max-age=0/i.test(c) || value === '';
      const m = this.jar.get(origin) ?? new Map<string, string>();
      if (expired) m.delete(name);
      else m.set(name, value);
      this.jar.set(origin, m);
    }
  }

  private header(origin: string): string {
    return [...(this.jar.get(origin) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** One request, no redirect followed: the status, the Location and the body. */
  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const u = new URL(url);
    const method = init.method ?? 'GET';
    const body = init.form ? new URLSearchParams(init.form).toString() : undefined;
    const headers: Record<string, string> = { cookie: this.header(u.origin) };
    if (body) headers['content-type'] = 'application/x-www-form-urlencoded';
    if (u.origin === MERIT) {
      const r = await this.app.inject({
        method: method as 'GET',
        url: `${u.pathname}${u.search}`,
        headers,
        ...(body ? { payload: body } : {}),
      });
      const sc = r.headers['set-cookie'];
      this.store(u.origin, sc === undefined ? [] : Array.isArray(sc) ? sc : [String(sc)]);
      const loc = r.headers.location;
      return { status: r.statusCode, location: typeof loc === 'string' ? new URL(loc, MERIT).toString() : null, body: r.body };
    }
    const r = await fetch(url, { method, headers, redirect: 'manual', ...(body ? { body } : {}) });
    this.store(u.origin, r.headers.getSetCookie());
    const loc = r.headers.get('location');
    return { status: r.status, location: loc ? new URL(loc, url).toString() : null, body: await r.text() };
  }

  /** Follows redirects from `url` until one leads to `stopAt` (not requested) or a page answers. */
  async follow(url: string, stopAt?: string) {
    let next = url;
    for (let i = 0; i < 20; i++) {
      if (stopAt && next.startsWith(stopAt)) return { status: 0, location: next, body: '' };
      const r = await this.request(next);
      if (!r.location || r.status < 300 || r.status >= 400) return { ...r, location: next };
      next = r.location;
    }
    throw new Error('too many redirects');
  }

  /**
   * From Merit's start to the callback URL the provider sends the browser to, typing `login` on the
   * provider's page. The callback itself is not requested: the test decides what to do with it.
   */
  async callbackUrl(login: string): Promise<string> {
    const start = await this.request(`${MERIT}/auth/oidc/start`);
    if (!start.location) throw new Error(`start did not redirect: ${start.status} ${start.body}`);
    const loginPage = await this.follow(start.location);
    const action = /action="([^"]+)"/.exec(loginPage.body)?.[1];
    if (!action) throw new Error(`no login form: ${loginPage.body.slice(0, 300)}`);
    const posted = await this.request(new URL(action, loginPage.location).toString(), { method: 'POST', form: { login } });
    if (!posted.location) throw new Error(`login refused: ${posted.status}`);
    const end = await this.follow(posted.location, `${MERIT}/auth/oidc/callback`);
    return end.location;
  }
}
