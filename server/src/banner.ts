import type { Env } from './env';

/**
 * The block `npm start` ends with: where Merit is, what it stores in, and for the demo how to sign in. Plain
 * lines on stdout (not a JSON log line), so a person finds the address at a glance.
 */
export function startBanner(
  env: Pick<Env, 'host' | 'port' | 'publicUrl' | 'dataDir'>,
  db: 'pg' | 'pglite',
  demo: readonly string[],
): string {
  const host = env.host === '0.0.0.0' || env.host === '::' ? 'localhost' : env.host;
  const url = env.publicUrl ?? `http://${host}:${env.port}`;
  const lines = [
    '',
    `  Merit is running at ${url}`,
    `  Database: ${db === 'pg' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${env.dataDir}`}`,
    env.host === '0.0.0.0' || env.host === '::'
      ? '  Listening on every network interface (set HOST=127.0.0.1 to keep it on this machine).'
      : `  Listening on ${env.host} only.`,
  ];
  if (demo.length > 0) lines.push('', ...demo.map((l) => `  ${l}`));
  lines.push('', '  Stop with Ctrl-C.', '');
  return lines.join('\n');
}
