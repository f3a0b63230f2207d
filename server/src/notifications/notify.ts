import type { NotificationKind } from '@merit/shared/domain/notification';
import { uuidv7 } from '@merit/shared/ids';
import type { Queryable } from '../db/client';
import { queuePushes } from '../push/sender';

export interface NewNotification {
  to: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
}

/**
 * Writes in-app notifications inside the caller's transaction: one statement bumps every recipient's space
 * once (rule S7) and one inserts the rows with those versions. The caller publishes the recipients to the
 * change bus after commit, so their devices pull.
 */
export async function notify(q: Queryable, items: readonly NewNotification[], now = Date.now()): Promise<string[]> {
  if (items.length === 0) return [];
  // A space's version may be bumped once per statement, so two notes to one person go in separate rounds.
  const rounds: NewNotification[][] = [];
  const seen = new Map<string, number>();
  for (const n of items) {
    const r = seen.get(n.to) ?? 0;
    seen.set(n.to, r + 1);
    const round = rounds[r] ?? [];
    round.push(n);
    rounds[r] = round;
  }
  for (const round of rounds) {
    await q.query(
      `with n as (select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])
                    as x(id, owner_id, kind, title, body, link)),
            b as (insert into space (id, version) select owner_id::text, 1 from n
                    on conflict (id) do update set version = space.version + 1 returning id, version)
       insert into notification (id, owner_id, kind, title, body, link, created_at, read, version, deleted)
       select n.id, n.owner_id, n.kind, n.title, n.body, n.link, $7, false, b.version, false from n join b on b.id = n.owner_id::text`,
      [
        round.map(() => uuidv7(now)),
        round.map((n) => n.to),
        round.map((n) => n.kind),
        round.map((n) => n.title),
        round.map((n) => n.body),
        round.map((n) => n.link),
        now,
      ],
    );
  }
  // Every in-app notification also goes to the recipient's opted-in devices (web push), sent after commit.
  await queuePushes(
    q,
    items.map((n) => ({
      to: n.to,
      // One tag per kind and screen: a newer reminder about the same review replaces the older one on the phone.
      payload: { title: n.title.slice(0, 200), body: n.body.slice(0, 1000), url: n.link, tag: `${n.kind}:${n.link}` },
    })),
  );
  return [...seen.keys()];
}
