import { uuidv7 } from '@merit/shared/ids';
import { type Mutation, PROTOCOL_VERSION } from '@merit/shared/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { callerAs, createPerson } from '../test/context';
import { openTestDb } from '../test/harness';
import { type ChangeBus, createChangeBus } from './bus';

let db: Db;
let bus: ChangeBus;

beforeAll(async () => {
  db = await openTestDb();
  bus = await createChangeBus(db);
});
afterAll(async () => {
  await bus.close();
  await db.close();
});

const P = PROTOCOL_VERSION;
const createWin = (id: number, winId: string, title: string): Mutation => ({
  id,
  name: 'win.create@1',
  args: { id: winId, title, date: '2026-11-20', visibility: 'private' },
  createdAt: Date.now(),
});

describe('conflicts (S16, S17)', () => {
  const update = (id: number, winId: string, patch: Record<string, unknown>, base?: string): Mutation => ({
    id,
    name: 'win.update@1',
    args: base === undefined ? { id: winId, patch } : { id: winId, patch, base: { description: base } },
    createdAt: 0,
  });

  it('edits of different fields on two devices both survive; overlapping description edits leave a conflict copy', async () => {
    const p = await createPerson(db);
    const c = callerAs(db, bus, p);
    const [phone, laptop] = [uuidv7(), uuidv7()];
    const winId = uuidv7();
    const base = 'Led the migration of billing to the new queue';
    await c.sync.push({
      protocol: P,
      deviceId: phone,
      mutations: [
        {
          id: 1,
          name: 'win.create@1',
          args: { id: winId, title: 'Billing', date: '2026-11-02', visibility: 'private', description: base },
          createdAt: 0,
        },
      ],
    });
    await c.sync.push({ protocol: P, deviceId: phone, mutations: [update(2, winId, { title: 'Billing migration' })] });
    await c.sync.push({ protocol: P, deviceId: laptop, mutations: [update(1, winId, { tags: ['infra'] })] });
    await c.sync.push({ protocol: P, deviceId: phone, mutations: [update(3, winId, { description: `${base} with zero downtime` }, base)] });
    const merged = await c.sync.push({
      protocol: P,
      deviceId: laptop,
      mutations: [update(2, winId, { description: 'Quietly led the migration of billing to the new queue' }, base)],
    });
    expect(merged.results[0]).toEqual({ id: 2, status: 'applied' });
    const clash = await c.sync.push({
      protocol: P,
      deviceId: laptop,
      mutations: [update(3, winId, { description: 'Something else entirely' }, base)],
    });
    expect(clash.results[0]).toMatchObject({ status: 'applied', code: 'CONFLICT' });
    const row = (
      await db.query<{ title: string; tags: string[]; description: string }>('select title, tags, description from win where id = $1', [
        winId,
      ])
    )[0];
    expect(row).toEqual({
      title: 'Billing migration',
      tags: ['infra'],
      description: 'Quietly led the migration of billing to the new queue with zero downtime',
    });
    const inbox = await db.query<{ code: string; args: { patch: { description: string } } }>(
      "select code, args from rejection where owner_id = $1 and code = 'CONFLICT'",
      [p.id],
    );
    expect(inbox.map((r) => r.args.patch.description)).toEqual(['Something else entirely']);
  });

  it('S17: an edit of a win deleted on another device is refused with its text kept, and the win stays deleted', async () => {
    const p = await createPerson(db);
    const c = callerAs(db, bus, p);
    const winId = uuidv7();
    const [a, b] = [uuidv7(), uuidv7()];
    await c.sync.push({ protocol: P, deviceId: a, mutations: [createWin(1, winId, 'To be deleted')] });
    await c.sync.push({ protocol: P, deviceId: a, mutations: [{ id: 2, name: 'win.delete@1', args: { id: winId }, createdAt: 0 }] });
    const out = await c.sync.push({ protocol: P, deviceId: b, mutations: [update(1, winId, { title: 'My careful rewrite' })] });
    expect(out.results[0]).toMatchObject({ status: 'rejected', code: 'DELETED' });
    const rows = await db.query<{ deleted: boolean }>('select deleted from win where id = $1', [winId]);
    expect(rows[0]?.deleted).toBe(true);
    const kept = await db.query<{ args: { patch: { title: string } } }>('select args from rejection where owner_id = $1', [p.id]);
    expect(kept.map((k) => k.args.patch.title)).toContain('My careful rewrite');
  });
});
