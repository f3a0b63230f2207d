import { resolve } from 'node:path';

/** Every setting Merit reads, with its default. The README lists the same table. */
export interface Env {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** The origin people reach Merit at; set-password links and the same-origin check use it. */
  publicUrl: string | null;
  smtpUrl: string | null;
  mailFrom: string;
  demo: boolean;
  /** With the demo: a generated organisation of this many people instead of the small one (demo/large-org.ts). */
  demoPeople: number | null;
  logLevel: string;
  production: boolean;
  trustProxy: boolean;
  sessionIdleDays: number;
  sessionMaxDays: number;
  staticDir: string;
}

function num(v: string | undefined, fallback: number, name: string): number {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${v}"`);
  return n;
}

export function readEnv(e: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): Env {
  return {
    port: num(e.PORT, 8080, 'PORT'),
    host: e.HOST ?? '0.0.0.0',
    dataDir: resolve(e.DATA_DIR ?? './data'),
    databaseUrl: e.DATABASE_URL || null,
    publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, '') : null,
    smtpUrl: e.SMTP_URL || null,
    mailFrom: e.MAIL_FROM ?? 'Merit <merit@localhost>',
    demo: e.MERIT_DEMO === '1' || e.MERIT_DEMO === 'true' || argv.includes('--demo'),
    demoPeople: e.MERIT_DEMO_PEOPLE ? Math.max(20, Math.min(100_000, Number.parseInt(e.MERIT_DEMO_PEOPLE, 10) || 10_000)) : null,
    logLevel: e.LOG_LEVEL ?? 'info',
    production: e.NODE_ENV !== 'development' && e.NODE_ENV !== 'test',
    trustProxy: e.TRUST_PROXY === '1' || e.TRUST_PROXY === 'true',
    sessionIdleDays: num(e.SESSION_IDLE_DAYS, 30, 'SESSION_IDLE_DAYS'),
    sessionMaxDays: num(e.SESSION_MAX_DAYS, 90, 'SESSION_MAX_DAYS'),
    staticDir: resolve(e.STATIC_DIR ?? './dist/client'),
  };
}
