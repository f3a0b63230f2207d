import { afterEach, describe, expect, it, vi } from 'vitest';
import { electLeader } from './leader';
import { INITIAL_STATUS } from './status';

/** A minimal Web Locks: exclusive locks granted in request order, released when the callback's promise settles. */
function fakeLocks() {
  const queues = new Map<string, (() => void)[]>();
  const request = (name: string, opts: { signal?: AbortSignal }, cb: () => Promise<void>) =>
    new Promise<void>((resolve, reject) => {
      const queue = queues.get(name) ?? [];
      queues.set(name, queue);
      const grant = () => {
        void cb().then(() => {
          queue.shift();
          queue[0]?.();
          resolve();
        });
      };
      // Aborting only cancels a request still waiting; a held lock is released by its callback.
      opts.signal?.addEventListener('abort', () => {
        const i = queue.indexOf(grant);
        if (i <= 0) return;
        queue.splice(i, 1);
        reject(new DOMException('aborted', 'AbortError'));
      });
      queue.push(grant);
      if (queue.length === 1) grant();
    });
  return { request };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const handlers = () => ({ onLead: vi.fn(), onRequest: vi.fn(), onStatus: vi.fn() });

describe('one tab leads sync (docs/SYNC.md S10)', () => {
  it('without Web Locks every engine leads (tests, old browsers)', async () => {
    const h = handlers();
    const l = electLeader('merit-sync-solo', h);
    await vi.waitFor(() => expect(h.onLead).toHaveBeenCalledTimes(1));
    expect(l.isLeader()).toBe(true);
    l.stop();
  });

  it('with Web Locks one tab leads; the next takes over when it stops; followers forward requests and hear the status', async () => {
    vi.stubGlobal('navigator', { ...navigator, locks: fakeLocks() });
    const a = handlers();
    const b = handlers();
    const tabA = electLeader('merit-sync-p1', a);
    const tabB = electLeader('merit-sync-p1', b);
    await vi.waitFor(() => expect(a.onLead).toHaveBeenCalledTimes(1));
    expect(tabB.isLeader()).toBe(false);

    tabB.forward();
    await vi.waitFor(() => expect(a.onRequest).toHaveBeenCalledTimes(1));
    tabA.publish({ ...INITIAL_STATUS, phase: 'offline' });
    await vi.waitFor(() => expect(b.onStatus).toHaveBeenCalledWith(expect.objectContaining({ phase: 'offline' })));

    tabA.stop();
    await vi.waitFor(() => expect(b.onLead).toHaveBeenCalledTimes(1));
    expect(tabB.isLeader()).toBe(true);
    tabB.stop();
  });
});
