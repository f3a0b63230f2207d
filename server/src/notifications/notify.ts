import type { NotificationKind } from '@merit/shared/domain/notification';
import { uuidv7 } from '@merit/shared/ids';
import type { Queryable } from '../db/client';
import { queuePushes } from '../push/sender';
import { bumpSpaces, type SpaceVersions } from '../sync/space-version';

export interface NewNotification {
  to: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
}

/**
 * Writes in-app notifications inside the caller's transaction: one `bumpSpaces` reserves a version per
 * notification in its recipient's space (rule S7), and one statement inserts the rows with those versions. A
 * caller that writes other rows in the same transaction passes the `versions` it bumped for all of them at once
 * (S60: one bump per transaction, so the space locks are taken in one order). The caller publishes the
 * recipients to the change bus after commit, so their devices pull.
 */
export async function notify(
  q: Queryable,
  items: readonly NewNotification[],
  now = Date.now(),
  versions?: SpaceVersions,
): Promise<string[]> {
  if (items.length === 0) return [];
  const v =
    versions ??
    (await bumpSpaces(
      q,
      items.map((n) => n.to),
    ));
  await q.query(
    `insert into notification (id, owner_id, kind, title, body, link, created_at, read, version, deleted)
     select id, owner_id, kind, title, body, link, $7, false, ver, false
       from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $8::bigint[])
         as x(id, owner_id, kind, title, body, link, ver)`,
    [
      items.map(() => uuidv7(now)),
      items.map((n) => n.to),
      items.map((n) => n.kind),
      items.map((n) => n.title),
      items.map((n) => n.body),
      items.map((n) => n.link),
      now,
      items.map((n) => v.take(n.to)),
    ],
  );
  // Every in-app notification also goes to the recipient's opted-in devices (web push), sent after commit.
  await queuePushes(
    q,
    items.map((n) => ({
      to: n.to,
      // One tag per kind and screen: a newer reminder about the same review replaces the older one on the phone.
      payload: { title: n.title.slice(0, 200), body: n.body.slice(0, 1000), url: n.link, tag: `${n.kind}:${n.link}` },
    })),
  );
  return [...new Set(items.map((n) => n.to))];
}
