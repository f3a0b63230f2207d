import type { Actor } from '@merit/shared/domain/person';
import { uuidv7 } from '@merit/shared/ids';
import { storable } from '@merit/shared/text-rule';
import type { MeritDb, OutboxEntry } from '@/db/db';
import { applyEntry, replay } from './rebase';

/** Failed pushes in a row, the server otherwise reachable, before the first entry is set aside (S41). */
export const SET_ASIDE_AFTER = 3;

/**
 * Sets aside the outbox entry the server keeps failing on (S41), in ONE transaction: the entry is replaced, under
 * the same mutation id, by `inbox.setAside@1` holding its name and arguments (made storable), so the server sees no
 * gap and files it in the person's inbox ("could not be sent", with apply again / copy / discard); the record it
 * touched goes back to its server copy plus the entries still pending on it; the inbox row shows at once.
 */
export async function setAside(db: MeritDb, actor: Actor, deviceId: string, entry: OutboxEntry): Promise<void> {
  const d = db.durable;
  const target = d.syncTable(entry.table);
  const inbox = d.syncTable('rejections');
  await d.transaction('rw', [target, inbox, d.outbox, d.shadows], async () => {
    const id = uuidv7();
    const stand = {
      name: 'inbox.setAside@1',
      args: { id, deviceId, mutationId: entry.mutationId, name: entry.name.slice(0, 64), args: storable(entry.args) },
      createdAt: entry.createdAt,
    };
    const filed = applyEntry(undefined, stand, actor);
    if (!filed.ok) throw new Error(filed.error.message);
    await d.outbox.put({ ...entry, ...stand, table: 'rejections', target: id });
    await inbox.put(filed.value);
    await d.shadows.put({ table: 'rejections', id, row: null });
    // The record the entry touched: its server copy plus what is still pending on it, without the entry.
    const shadow = await d.shadows.get([entry.table, entry.target]);
    const pending = (await d.outbox.orderBy('mutationId').toArray()).filter((e) => e.table === entry.table && e.target === entry.target);
    const view = replay(shadow?.row ?? null, pending, actor);
    if (view) await target.put(view);
    else await target.delete(entry.target);
    if (pending.length === 0) await d.shadows.delete([entry.table, entry.target]);
  });
}
