import { uuidv7 } from '@merit/shared/ids';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SyncEngine } from './engine';
import { mutate } from './mutate';
import { makeActor, makeDeviceDb } from './testing/factories';
import { FakeServer } from './testing/fake-server';

const trpcError = (code: string, domain?: { code: string; message: string }) =>
  Object.assign(new Error(code), { name: 'TRPCClientError', data: domain ? { code, domain } : { code } });

function device() {
  const actor = makeActor();
  const db = makeDeviceDb(actor.personId);
  const server = new FakeServer(actor);
  const engine = new SyncEngine({ db, actor, transport: server.transport() });
  const createWins = async (n: number) => {
    for (let i = 0; i < n; i++)
      await mutate(db, actor, 'win.create@1', { id: uuidv7(), title: `Win ${i}`, date: '2025-02-01', visibility: 'private' });
  };
  return { actor, db, server, engine, createWins };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('SyncEngine (docs/SYNC.md)', () => {
  it('S14: pushes then pulls; the outbox empties and the rows carry server versions', async () => {
    const { db, server, engine, createWins } = device();
    await createWins(3);
    await engine.syncOnce();
    expect(engine.getStatus()).toMatchObject({ phase: 'idle', error: null, initialSync: null });
    expect(engine.getStatus().lastSyncedAt).toEqual(expect.any(Number));
    expect(await db.outbox.count()).toBe(0);
    expect(await db.shadows.count()).toBe(0);
    expect((await db.wins.toArray()).map((w) => w.version).sort()).toEqual([1, 2, 3]);
    expect(server.live('wins')).toHaveLength(3);
  });

  it('S3: sends the outbox in order in batches of at most 100', async () => {
    const { server, engine, createWins } = device();
    await createWins(150);
    await engine.syncOnce();
    expect(server.pushes.map((p) => p.mutations.map((m) => m.id))).toEqual([
      Array.from({ length: 100 }, (_, i) => i + 1),
      Array.from({ length: 50 }, (_, i) => i + 101),
    ]);
  });

  it('S3/S4: a batch the server stopped early is resent from its last id + 1', async () => {
    const { db, server, engine, createWins } = device();
    await createWins(5);
    server.stopAfter = 2;
    await engine.syncOnce();
    expect(server.pushes.map((p) => p.mutations[0]?.id)).toEqual([1, 3]);
    expect(server.live('wins')).toHaveLength(5);
    expect(await db.outbox.count()).toBe(0);
  });

  it('S3: a gap answer (the server lost what it had confirmed) resends from its last id + 1', async () => {
    const { db, server, engine, createWins } = device();
    await createWins(3);
    server.faults.pull.push(new TypeError('Failed to fetch'));
    await engine.syncOnce();
    expect(await db.outbox.count()).toBe(3);
    // The server is restored from a backup taken before the push: it no longer has mutations 1-3.
    server.devices.clear();
    server.rows.clear();
    await createWins(1);
    await engine.syncOnce();
    expect(server.pushes.map((p) => p.mutations.map((m) => m.id))).toEqual([[1, 2, 3], [4], [1, 2, 3, 4]]);
    expect(server.live('wins')).toHaveLength(4);
    expect(await db.outbox.count()).toBe(0);
  });

  it('S3: a lost push answer is resent and answered as duplicates, applied once', async () => {
    const { db, server, engine, createWins } = device();
    await createWins(2);
    server.faults.push.push('after-commit');
    await engine.syncOnce();
    expect(engine.getStatus().phase).toBe('error');
    await engine.syncOnce();
    expect(server.live('wins')).toHaveLength(2);
    expect(server.version).toBe(2);
    expect(await db.wins.count()).toBe(2);
    expect(engine.getStatus().phase).toBe('idle');
  });

  it('S14: UNAUTHORIZED keeps the outbox, shows signed-out and stops retrying until retry()', async () => {
    const { db, server, engine, createWins } = device();
    await createWins(2);
    server.faults.push.push(trpcError('UNAUTHORIZED'));
    engine.start();
    await vi.waitFor(() => expect(engine.getStatus().phase).toBe('signed-out'));
    engine.requestSync();
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 300));
    expect(server.pushes).toHaveLength(0);
    expect(await db.outbox.count()).toBe(2);

    engine.retry();
    await vi.waitFor(() => expect(engine.getStatus().phase).toBe('idle'));
    expect(await db.outbox.count()).toBe(0);
    engine.stop();
  });

  it('S10/S14: retry() from the error state opens the live subscription again (one at a time) and syncs', async () => {
    const { server, engine, createWins } = device();
    const transport = server.transport();
    const pokes: (() => void)[] = [];
    const unsubscribed: number[] = [];
    const live = new SyncEngine({
      db: engine.db,
      actor: engine.actor,
      transport: {
        ...transport,
        live: (fn) => {
          const n = pokes.push(fn);
          return () => unsubscribed.push(n);
        },
      },
    });
    await createWins(1);
    server.faults.push.push(trpcError('UNAUTHORIZED'));
    live.start();
    await vi.waitFor(() => expect(live.getStatus().phase).toBe('signed-out'));
    expect(pokes).toHaveLength(1);

    live.retry();
    await vi.waitFor(() => expect(live.getStatus().phase).toBe('idle'));
    expect(pokes).toHaveLength(2);
    expect(unsubscribed).toEqual([1]);

    // The new subscription is the one that works: a poke on it syncs the next change.
    const before = server.pushes.length;
    await createWins(1);
    pokes[1]?.();
    await vi.waitFor(() => expect(server.pushes.length).toBe(before + 1));
    live.stop();
    expect(unsubscribed).toEqual([1, 2]);
  });

  it('S11: an outdated protocol shows update-required and keeps the outbox', async () => {
    const { db, server, engine, createWins } = device();
    await createWins(1);
    server.faults.push.push(trpcError('PRECONDITION_FAILED', { code: 'UPDATE_REQUIRED', message: 'Update' }));
    await engine.syncOnce();
    expect(engine.getStatus().phase).toBe('update-required');
    expect(await db.outbox.count()).toBe(1);
  });

  it('S10: unreachable server: offline when the browser is offline, an error with words when it thinks it is online', async () => {
    const { server, engine } = device();
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    server.faults.pull.push(new TypeError('Failed to fetch'));
    await engine.syncOnce();
    expect(engine.getStatus().phase).toBe('offline');
    onLine.mockReturnValue(true);
    server.faults.pull.push(new TypeError('Failed to fetch'));
    await engine.syncOnce();
    expect(engine.getStatus()).toMatchObject({ phase: 'error', error: expect.stringMatching(/Cannot reach Merit/) });
  });

  it('a full disk while applying a pull is an error that says so; nothing of the page is kept', async () => {
    const { db, engine, createWins } = device();
    await createWins(2);
    const full = new DOMException('disk full', 'QuotaExceededError');
    vi.spyOn(db.syncTable('wins'), 'put').mockRejectedValue(full);
    vi.spyOn(db.syncTable('wins'), 'bulkPut').mockRejectedValue(full);
    await engine.syncOnce();
    expect(engine.getStatus()).toMatchObject({ phase: 'error', error: expect.stringMatching(/storage space/) });
    expect(await db.outbox.count()).toBe(2);
    expect(await db.meta.get('cursor')).toBeUndefined();
  });

  it('S13: a write made while the pull is in flight stays visible and queued', async () => {
    const { db, actor, server, engine, createWins } = device();
    await createWins(1);
    const late = uuidv7();
    server.beforePull = async () => {
      server.beforePull = null;
      await mutate(db, actor, 'win.create@1', { id: late, title: 'Typed during sync', date: '2025-02-02', visibility: 'private' });
    };
    await engine.syncOnce();
    expect((await db.wins.get(late))?.title).toBe('Typed during sync');
    expect((await db.outbox.toArray()).map((e) => e.mutationId)).toEqual([2]);
  });

  it('reports snapshot progress while the first pull pages in, and clears it after', async () => {
    const other = device();
    await other.createWins(5);
    await other.engine.syncOnce();
    const actor = other.actor;
    const db = makeDeviceDb(actor.personId);
    other.server.pageLimit = 2;
    const engine = new SyncEngine({ db, actor, transport: other.server.transport() });
    const seen: number[] = [];
    engine.subscribe(() => {
      const s = engine.getStatus().initialSync;
      if (s) seen.push(s.done);
    });
    await engine.syncOnce();
    expect(seen).toEqual([2, 4, 5]);
    expect(engine.getStatus().initialSync).toBeNull();
    expect(await db.wins.count()).toBe(5);
  });

  it('S10: requestSync is debounced, live pokes trigger a sync, and stop() removes every trigger', async () => {
    const { server, engine, createWins } = device();
    let poke = () => {};
    const unsubscribe = vi.fn();
    const transport = server.transport();
    const pushed = vi.spyOn(transport, 'push');
    const live = new SyncEngine({
      db: engine.db,
      actor: engine.actor,
      transport: {
        ...transport,
        live: (fn) => {
          poke = fn;
          return unsubscribe;
        },
      },
    });
    await createWins(1);
    live.start();
    await vi.waitFor(() => expect(pushed).toHaveBeenCalledTimes(1));
    await createWins(1);
    live.requestSync();
    live.requestSync();
    live.requestSync();
    await vi.waitFor(() => expect(pushed).toHaveBeenCalledTimes(2));
    await new Promise((r) => setTimeout(r, 250));
    expect(pushed).toHaveBeenCalledTimes(2);

    await createWins(1);
    poke();
    await vi.waitFor(() => expect(pushed).toHaveBeenCalledTimes(3));

    live.stop();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
    await createWins(1);
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('focus'));
    live.requestSync();
    await new Promise((r) => setTimeout(r, 250));
    expect(pushed).toHaveBeenCalledTimes(3);
  });

  it('S41: a push the server keeps failing on is narrowed to its first entry, which is set aside; the queue behind it lands', async () => {
    const actor = makeActor();
    const db = makeDeviceDb(actor.personId);
    const server = new FakeServer(actor);
    const inner = server.transport();
    // The server fails every push that carries the poison win, and answers pulls: it is up.
    const transport = {
      ...inner,
      push: async (input: Parameters<typeof inner.push>[0]) => {
        if (input.mutations.some((m) => m.name === 'win.create@1' && JSON.stringify(m.args).includes('POISON')))
          throw trpcError('INTERNAL_SERVER_ERROR');
        return inner.push(input);
      },
    };
    const engine = new SyncEngine({ db, actor, transport });
    const titles = ['One', 'Two', 'POISON pill', 'Four', 'Five'];
    for (const title of titles) await mutate(db, actor, 'win.create@1', { id: uuidv7(), title, date: '2025-02-01', visibility: 'private' });
    let rounds = 0;
    while ((await db.outbox.count()) > 0 && rounds < 20) {
      await engine.syncOnce();
      rounds++;
    }
    expect(await db.outbox.count()).toBe(0);
    // 100 -> 10 -> 1 (the two before it land), then three failures of the poison alone, then the stand-in goes through.
    expect(rounds).toBeLessThanOrEqual(8);
    expect(
      server
        .live('wins')
        .map((w) => (w as { title: string }).title)
        .sort(),
    ).toEqual(['Five', 'Four', 'One', 'Two']);
    const inbox = await db.rejections.toArray();
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ code: 'NOT_SENT', name: 'win.create@1', mutationId: 3, args: { title: 'POISON pill' } });
    // Kept locally as an inbox item, not as a win that will never sync.
    expect((await db.wins.toArray()).map((w) => w.title).sort()).toEqual(['Five', 'Four', 'One', 'Two']);
    expect(server.pushes.flatMap((p) => p.mutations.filter((m) => m.name === 'inbox.setAside@1').map((m) => m.id))).toEqual([3]);
  });

  it('S41: an unreachable server (the pull fails too) never sets anything aside', async () => {
    const { db, server, engine, createWins } = device();
    await createWins(2);
    for (let i = 0; i < 6; i++) {
      server.faults.push.push(trpcError('INTERNAL_SERVER_ERROR'));
      server.faults.pull.push(new TypeError('Failed to fetch'));
      await engine.syncOnce();
    }
    expect(await db.outbox.count()).toBe(2);
    expect(await db.rejections.count()).toBe(0);
    await engine.syncOnce();
    expect(server.live('wins')).toHaveLength(2);
  });
});
