import { uuidv7 } from '@merit/shared/ids';
import type { MeritDb, MetaKey, MetaValues } from './db';

export async function getMeta<K extends MetaKey>(db: MeritDb, key: K): Promise<MetaValues[K] | undefined> {
  const row = await db.meta.get(key);
  return row?.value as MetaValues[K] | undefined;
}

export async function setMeta<K extends MetaKey>(db: MeritDb, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value });
}

/** The device id (the server's "client group"): made once, on first use, and kept for the life of the database. */
export function ensureDeviceId(db: MeritDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const id = await getMeta(db, 'deviceId');
    if (id) return id;
    const fresh = uuidv7();
    await setMeta(db, 'deviceId', fresh);
    return fresh;
  });
}
