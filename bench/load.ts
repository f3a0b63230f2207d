import { Agent, request } from 'node:http';
import { percentile } from './support';

export interface LoadOptions {
  /** A loopback URL; the same request is sent again and again (a GET, or a POST of `body` as JSON). */
  url: string;
  body?: string;
  headers?: Record<string, string>;
  connections: number;
  durationMs: number;
  /** A hard cap on requests, so a fast server cannot make the loop run away. */
  maxRequests: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/**
 * A closed-loop load generator like `autocannon -c N -d T` without pipelining: N keep-alive connections,
 * each sending its next request when the previous answer has been read. Plain node:http, because fetch's
 * per-request cost would eat the CPU the server under test needs on a 2-core box.
 */
export async function load(o: LoadOptions): Promise<LoadResult> {
  const target = new URL(o.url);
  if (target.hostname !== '127.0.0.1') throw new Error('load runs against loopback only');
  const agent = new Agent({ keepAlive: true, maxSockets: o.connections });
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const t0 = performance.now();
  const until = t0 + o.durationMs;
  const once = () =>
    new Promise<void>((resolve) => {
      const start = performance.now();
      const post = o.body !== undefined;
      const headers = post ? { ...o.headers, 'content-type': 'application/json', origin: target.origin } : o.headers;
      const req = request(target, { agent, headers, method: post ? 'POST' : 'GET' }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) latencies.push(performance.now() - start);
          else errors++;
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(o.body);
    });
  const worker = async () => {
    while (performance.now() < until && sent < o.maxRequests) {
      sent++;
      await once();
    }
  };
  await Promise.all(Array.from({ length: o.connections }, worker));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  return {
    requests: latencies.length,
    errors,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}
