/** A tiny tRPC-over-HTTP client for specs that drive the server without a browser, as a browser would. */
export class Api {
  cookie = '';
  constructor(public base: string) {}

  private remember(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';')[0] ?? '';
      if (pair.includes('session')) this.cookie = pair;
    }
  }

  async mutation<T>(path: string, input: unknown): Promise<T> {
    const res = await fetch(`${this.base}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.base, cookie: this.cookie },
      body: JSON.stringify(input),
    });
    this.remember(res);
    return this.unwrap<T>(res);
  }

  async query<T>(path: string, input?: unknown): Promise<T> {
    const q = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const res = await fetch(`${this.base}/trpc/${path}${q}`, { headers: { cookie: this.cookie } });
    return this.unwrap<T>(res);
  }

  private async unwrap<T>(res: Response): Promise<T> {
    const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
    if (!res.ok || !body.result) throw new Error(`HTTP ${res.status}: ${body.error?.message ?? 'no result'}`);
    return body.result.data;
  }
}
