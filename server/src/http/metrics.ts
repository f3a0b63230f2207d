import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Prometheus text exposition, hand-rolled (a registry library would be the only dependency for it).
 * One instance per app, never module state, so tests and several apps in a process do not mix counts.
 */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

interface Histogram {
  buckets: number[];
  sum: number;
  count: number;
}

const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labels = (l: Record<string, string>) =>
  `{${Object.entries(l)
    .map(([k, v]) => `${k}="${esc(v)}"`)
    .join(',')}}`;

export class Metrics {
  private readonly requests = new Map<string, { route: string; status: string; h: Histogram }>();
  private readonly pushes = new Map<string, number>();
  private readonly started = Date.now();

  constructor(private readonly dbKind: 'pglite' | 'pg') {}

  observeRequest(route: string, status: number, seconds: number): void {
    const key = `${route} ${status}`;
    let r = this.requests.get(key);
    if (!r) {
      r = { route, status: String(status), h: { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 } };
      this.requests.set(key, r);
    }
    BUCKETS.forEach((b, i) => {
      if (seconds <= b) r.h.buckets[i] = (r.h.buckets[i] ?? 0) + 1;
    });
    r.h.sum += seconds;
    r.h.count += 1;
  }

  countPush(status: string, n = 1): void {
    this.pushes.set(status, (this.pushes.get(status) ?? 0) + n);
  }

  render(): string {
    const mem = process.memoryUsage();
    const out: string[] = [
      '# HELP process_uptime_seconds Seconds since the server process started.',
      '# TYPE process_uptime_seconds gauge',
      `process_uptime_seconds ${process.uptime().toFixed(3)}`,
      '# HELP merit_app_uptime_seconds Seconds since this app instance was built.',
      '# TYPE merit_app_uptime_seconds gauge',
      `merit_app_uptime_seconds ${((Date.now() - this.started) / 1000).toFixed(3)}`,
      '# HELP process_resident_memory_bytes Resident set size.',
      '# TYPE process_resident_memory_bytes gauge',
      `process_resident_memory_bytes ${mem.rss}`,
      '# HELP nodejs_heap_used_bytes V8 heap in use.',
      '# TYPE nodejs_heap_used_bytes gauge',
      `nodejs_heap_used_bytes ${mem.heapUsed}`,
      '# HELP nodejs_heap_total_bytes V8 heap reserved.',
      '# TYPE nodejs_heap_total_bytes gauge',
      `nodejs_heap_total_bytes ${mem.heapTotal}`,
      '# HELP merit_db_info The database behind this server.',
      '# TYPE merit_db_info gauge',
      `merit_db_info${labels({ kind: this.dbKind })} 1`,
      '# HELP http_requests_total HTTP requests answered, by route and status.',
      '# TYPE http_requests_total counter',
    ];
    const reqs = [...this.requests.values()].sort((a, b) => `${a.route}${a.status}`.localeCompare(`${b.route}${b.status}`));
    for (const r of reqs) out.push(`http_requests_total${labels({ route: r.route, status: r.status })} ${r.h.count}`);
    out.push('# HELP http_request_duration_seconds Time to answer an HTTP request.', '# TYPE http_request_duration_seconds histogram');
    for (const r of reqs) {
      const l = { route: r.route, status: r.status };
      BUCKETS.forEach((b, i) => {
        out.push(`http_request_duration_seconds_bucket${labels({ ...l, le: String(b) })} ${r.h.buckets[i] ?? 0}`);
      });
      out.push(`http_request_duration_seconds_bucket${labels({ ...l, le: '+Inf' })} ${r.h.count}`);
      out.push(`http_request_duration_seconds_sum${labels(l)} ${r.h.sum.toFixed(6)}`);
      out.push(`http_request_duration_seconds_count${labels(l)} ${r.h.count}`);
    }
    out.push(
      '# HELP merit_sync_push_mutations_total Mutations answered by sync.push, by status (error: a whole push call failed).',
      '# TYPE merit_sync_push_mutations_total counter',
    );
    for (const status of ['applied', 'rejected', 'duplicate', 'error']) {
      out.push(`merit_sync_push_mutations_total${labels({ status })} ${this.pushes.get(status) ?? 0}`);
    }
    return `${out.join('\n')}\n`;
  }
}

const digest = (v: string) => createHash('sha256').update(v).digest();

/**
 * Whether a request may read `/metrics`: anyone when no `METRICS_TOKEN` is set (a private network), else only
 * `Authorization: Bearer <token>`, compared in constant time so the answer's timing tells nothing of the token.
 */
export function metricsAllowed(token: string | null, authorization: string | undefined): boolean {
  if (token === null) return true;
  const m = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  return m?.[1] !== undefined && timingSafeEqual(digest(m[1].trim()), digest(token));
}
