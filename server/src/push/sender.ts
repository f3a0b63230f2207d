import webpush from 'web-push';
import type { Db, Queryable } from '../db/client';
import type { Env } from '../env';
import { vapidKeys, vapidSubject } from './vapid';

export const PUSH_CHANNEL = 'merit_push';
const BATCH = 50;
const MAX_ATTEMPTS = 5;
/** Phones offline longer than a day get the in-app notification (and e-mail) instead. */
const TTL_SECONDS = 86_400;

/** What the service worker shows (public/push-sw.js): kept under the ~4 KB push services carry. */
export interface PushPayload {
  title: string;
  body: string;
  url: string;
  tag: string;
}

/**
 * Queues a push of each notification to every device its recipient opted in on, in the caller's
 * transaction (notify.ts), and wakes the senders when that commits (NOTIFY is delivered on commit).
 */
export async function queuePushes(q: Queryable, items: readonly { to: string; payload: PushPayload }[]): Promise<void> {
  if (items.length === 0) return;
  const rows = await q.query(
    `insert into push_queue (subscription_id, payload)
     select s.id, x.payload from unnest($1::uuid[], $2::text[]) as x(person_id, payload)
       join push_subscription s on s.person_id = x.person_id
     returning id`,
    [items.map((i) => i.to), items.map((i) => JSON.stringify(i.payload))],
  );
  if (rows.length > 0) await q.query('select pg_notify($1, $2)', [PUSH_CHANNEL, '']);
}

interface Claimed {
  id: number;
  payload: string;
  attempts: number;
  subscription_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

/**
 * Sends what is queued, from any server process: each batch is claimed with SKIP LOCKED and pushed
 * back a few minutes, so a process that dies mid-send leaves the rows for another to retry. The
 * push itself is made by web-push (aes128gcm, VAPID) and sent with fetch.
 */
export async function drainPushQueue(
  db: Db,
  env: Pick<Env, 'publicUrl' | 'mailFrom'>,
  log: (m: string) => void = () => undefined,
): Promise<number> {
  const keys = await vapidKeys(db);
  const vapidDetails = { subject: vapidSubject(env), publicKey: keys.publicKey, privateKey: keys.privateKey };
  let sent = 0;
  for (;;) {
    const batch = await db.query<Claimed>(
      `with c as (select id from push_queue where next_at <= now() order by id limit ${BATCH} for update skip locked)
       update push_queue q set attempts = q.attempts + 1, next_at = now() + make_interval(mins => 2 * (q.attempts + 1))
         from c, push_subscription s where q.id = c.id and s.id = q.subscription_id
       returning q.id, q.payload, q.attempts, q.subscription_id, s.endpoint, s.p256dh, s.auth`,
    );
    if (batch.length === 0) return sent;
    for (const job of batch) {
      const outcome = await sendOne(job, vapidDetails).catch((e: unknown) => {
        log(`push failed: ${e instanceof Error ? e.message : String(e)}`);
        return 'retry' as const;
      });
      if (outcome === 'sent') {
        sent++;
        await db.query('delete from push_queue where id = $1', [job.id]);
      } else if (outcome === 'gone') {
        // The push service says this subscription no longer exists (404/410): forget the device.
        await db.query('delete from push_subscription where id = $1', [job.subscription_id]);
      } else if (job.attempts >= MAX_ATTEMPTS) {
        await db.query('delete from push_queue where id = $1', [job.id]);
      }
    }
  }
}

async function sendOne(job: Claimed, vapidDetails: { subject: string; publicKey: string; privateKey: string }) {
  const req = webpush.generateRequestDetails({ endpoint: job.endpoint, keys: { p256dh: job.p256dh, auth: job.auth } }, job.payload, {
    vapidDetails,
    TTL: TTL_SECONDS,
    contentEncoding: 'aes128gcm',
  });
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = String(v);
  const r = await fetch(req.endpoint, {
    method: 'POST',
    headers,
    body: req.body ? new Uint8Array(req.body) : null,
    signal: AbortSignal.timeout(10_000),
  });
  if (r.status === 404 || r.status === 410) return 'gone' as const;
  if (r.ok) return 'sent' as const;
  throw new Error(`push service answered ${r.status}`);
}

/** Each server process: send when a commit NOTIFYs, and every minute for retries. Returns a stop function. */
export async function startPushSender(db: Db, env: Env, log: (m: string) => void): Promise<() => Promise<void>> {
  await vapidKeys(db);
  let running: Promise<unknown> = Promise.resolve();
  let again = false;
  const kick = () => {
    if (again) return;
    again = true;
    running = running.then(async () => {
      again = false;
      await drainPushQueue(db, env, log).catch((e: unknown) => log(`push queue: ${e instanceof Error ? e.message : String(e)}`));
    });
  };
  const unlisten = await db.listen(PUSH_CHANNEL, kick);
  const timer = setInterval(kick, 60_000);
  timer.unref();
  kick();
  return async () => {
    clearInterval(timer);
    await unlisten();
    await running;
  };
}
