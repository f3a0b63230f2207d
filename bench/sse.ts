/**
 * A minimal reader of tRPC's server-sent events for `sync.live`, as a browser's EventSource would hold it.
 * tRPC sends `event: connected` first, then one unnamed `data:` event per yield; `sync.live` yields once
 * on subscribe (after it has joined the change bus) and then once per poke.
 */
export interface LiveStream {
  /** Unnamed data events so far; the first is the hello, so pokes = count - 1. */
  readonly count: number;
  /** Resolves with performance.now() of the event that takes `count` past `seen`; rejects after `timeoutMs`. */
  after(seen: number, timeoutMs: number): Promise<number>;
  close(): void;
}

/** `path` picks another subscription on the same wire (`cycles.live` with its input). */
export async function openLive(base: string, cookie: string, timeoutMs = 10_000, path = '/trpc/sync.live'): Promise<LiveStream> {
  const abort = new AbortController();
  const res = await fetch(`${base}${path}`, { headers: { cookie, accept: 'text/event-stream' }, signal: abort.signal });
  if (!res.ok || !res.body) throw new Error(`${path} answered HTTP ${res.status}`);
  const times: number[] = [];
  const waiters = new Set<() => void>();
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buf = '';
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      buf += value;
      for (let end = buf.indexOf('\n\n'); end >= 0; end = buf.indexOf('\n\n')) {
        const lines = buf.slice(0, end).split('\n');
        buf = buf.slice(end + 2);
        if (lines.some((l) => l.startsWith('data:')) && !lines.some((l) => l.startsWith('event:'))) {
          times.push(performance.now());
          for (const w of [...waiters]) w();
        }
      }
    }
  })();
  const stream: LiveStream = {
    get count() {
      return times.length;
    },
    after(seen, ms) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const t = times[seen];
          if (t === undefined) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(t);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no live event past ${seen} in ${ms} ms`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
    close: () => abort.abort(),
  };
  try {
    await stream.after(0, timeoutMs);
  } catch (e) {
    stream.close();
    throw e;
  }
  return stream;
}
