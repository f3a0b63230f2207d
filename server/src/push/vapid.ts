import webpush from 'web-push';
import type { Queryable } from '../db/client';
import type { Env } from '../env';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/**
 * The server's VAPID key pair, made on first start and kept in the database, so every server process
 * signs with the same key and subscriptions survive restarts. Two processes starting at once: the
 * second insert does nothing and both read the first one's keys.
 */
export async function vapidKeys(q: Queryable): Promise<VapidKeys> {
  const read = async () =>
    (await q.query<{ public_key: string; private_key: string }>('select public_key, private_key from push_key where id = 1'))[0];
  let row = await read();
  if (!row) {
    const k = webpush.generateVAPIDKeys();
    await q.query('insert into push_key (id, public_key, private_key) values (1, $1, $2) on conflict (id) do nothing', [
      k.publicKey,
      k.privateKey,
    ]);
    row = await read();
  }
  if (!row) throw new Error('no VAPID keys after creating them');
  return { publicKey: row.public_key, privateKey: row.private_key };
}

/** Who the push services may contact about this server (VAPID `sub`): an https PUBLIC_URL, else the sender address. */
export function vapidSubject(env: Pick<Env, 'publicUrl' | 'mailFrom'>): string {
  if (env.publicUrl?.startsWith('https://')) return env.publicUrl;
  const address = /<([^>]+)>/.exec(env.mailFrom)?.[1] ?? env.mailFrom;
  return `mailto:${address.trim()}`;
}

/** The push services browsers use. A subscription elsewhere is refused: the server must not POST to any URL a client names. */
const PUSH_HOSTS = [
  /^fcm\.googleapis\.com$/,
  /(^|\.)push\.services\.mozilla\.com$/,
  /(^|\.)notify\.windows\.com$/,
  /(^|\.)push\.apple\.com$/,
];
const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])$/;

export function allowedEndpoint(endpoint: string, env: Pick<Env, 'production'>): boolean {
  let u: URL;
  try {
    u = new URL(endpoint);
  } catch {
    return false;
  }
  if (u.protocol === 'https:' && PUSH_HOSTS.some((h) => h.test(u.hostname))) return true;
  // Tests run a push service on loopback; a production server never posts to itself.
  return !env.production && LOOPBACK.test(u.hostname);
}
