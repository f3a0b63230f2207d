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
  /** Milliseconds between keep-alive pings on a live stream (SSE); 0 sends none. */
  ssePingMs: number;
  /** When set, `/metrics` answers only a request carrying `Authorization: Bearer <token>`. */
  metricsToken: string | null;
  /** Single sign-on through an OpenID Connect provider; null when OIDC_ISSUER is unset. */
  oidc: OidcSettings | null;
  /** SSO_ONLY=1: passwords work only for HR accounts flagged as break-glass. */
  ssoOnly: boolean;
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  /** Unset for a public client (PKCE alone). */
  clientSecret: string | null;
  buttonLabel: string;
}

function readOidc(e: NodeJS.ProcessEnv): OidcSettings | null {
  if (!e.OIDC_ISSUER) return null;
  if (!e.OIDC_CLIENT_ID) throw new Error('OIDC_CLIENT_ID must be set with OIDC_ISSUER');
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET || null,
    buttonLabel: e.OIDC_BUTTON_LABEL || 'Sign in with your company account',
  };
}

function num(v: string | undefined, fallback: number, name: string): number {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${v}"`);
  return n;
}

export function readEnv(e: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): Env {
  const demo = e.MERIT_DEMO === '1' || e.MERIT_DEMO === 'true' || argv.includes('--demo');
  return {
    port: num(e.PORT, 8080, 'PORT'),
    // The demo's password is published: it stays on this machine unless HOST says otherwise.
    host: e.HOST ?? (demo ? '127.0.0.1' : '0.0.0.0'),
    dataDir: resolve(e.DATA_DIR ?? './data'),
    databaseUrl: e.DATABASE_URL || null,
    publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, '') : null,
    smtpUrl: e.SMTP_URL || null,
    mailFrom: e.MAIL_FROM ?? 'Merit <merit@localhost>',
    demo,
    demoPeople: e.MERIT_DEMO_PEOPLE ? Math.max(20, Math.min(100_000, Number.parseInt(e.MERIT_DEMO_PEOPLE, 10) || 10_000)) : null,
    logLevel: e.LOG_LEVEL ?? 'info',
    production: e.NODE_ENV !== 'development' && e.NODE_ENV !== 'test',
    trustProxy: e.TRUST_PROXY === '1' || e.TRUST_PROXY === 'true',
    sessionIdleDays: num(e.SESSION_IDLE_DAYS, 30, 'SESSION_IDLE_DAYS'),
    sessionMaxDays: num(e.SESSION_MAX_DAYS, 90, 'SESSION_MAX_DAYS'),
    staticDir: resolve(e.STATIC_DIR ?? './dist/client'),
    ssePingMs: num(e.SSE_PING_MS, 25_000, 'SSE_PING_MS'),
    metricsToken: e.METRICS_TOKEN || null,
    ...identity(e),
  };
}

function identity(e: NodeJS.ProcessEnv): Pick<Env, 'oidc' | 'ssoOnly'> {
  const oidc = readOidc(e);
  const ssoOnly = e.SSO_ONLY === '1' || e.SSO_ONLY === 'true';
  // Passwords off with no provider would leave only break-glass HR able to sign in: almost surely a mistake.
  if (ssoOnly && !oidc) throw new Error('SSO_ONLY needs OIDC_ISSUER and OIDC_CLIENT_ID');
  return { oidc, ssoOnly };
}
