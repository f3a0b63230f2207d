import { describe, expect, it } from 'vitest';
import { withScratchPg } from '../bench/scratch-pg';
import { Device, OWNER } from '../bench/session';
import { type LiveStream, openLive } from '../bench/sse';
import { Api } from './support/api';
import { type RunningServer, startServer } from './support/server';

/** Long enough for a loaded 2-core box; a poke that never crosses processes still fails. */
const POKE_WAIT_MS = 2000;

describe('S10: a poke crosses server processes through PostgreSQL LISTEN/NOTIFY', () => {
  it('a push on process A pokes the same person on process B, and not an unrelated person', async () => {
    await withScratchPg('merit_live_spec', async (url) => {
      const servers: RunningServer[] = [];
      const streams: LiveStream[] = [];
      try {
        // One after the other: both run the migrations at start, and the second must find them done.
        const a = await startServer({ DATABASE_URL: url });
        servers.push(a);
        const b = await startServer({ DATABASE_URL: url });
        servers.push(b);

        const owner = new Api(a.url);
        await owner.mutation('setup.create', OWNER);
        const { setPasswordUrl } = await owner.mutation<{ setPasswordUrl: string }>('people.add', {
          name: 'Otto Other',
          email: 'otto@bench.test',
          department: 'Sales',
          role: 'employee',
        });
        // Otto reports to nobody and manages nobody: he reads only his own space.
        const other = new Api(b.url);
        await other.mutation('auth.setPassword', {
          token: new URL(setPasswordUrl).hash.replace('#token=', ''),
          password: 'otto-password-1',
        });

        // Sessions live in the database: the owner's cookie from process A is good on process B.
        const ownerLive = await openLive(b.url, owner.cookie);
        streams.push(ownerLive);
        const otherLive = await openLive(b.url, other.cookie);
        streams.push(otherLive);

        const ownerSeen = ownerLive.count;
        const otherSeen = otherLive.count;
        await new Device(owner).pushWin('Crossed processes');
        await ownerLive.after(ownerSeen, POKE_WAIT_MS);

        // Otto's own push, also through A, pokes him on B. Notifications arrive in commit order, so had the
        // owner's change leaked to Otto, its poke would be here before this one.
        const otherOnA = new Api(a.url);
        otherOnA.cookie = other.cookie;
        await new Device(otherOnA).pushWin('Otto on A');
        await otherLive.after(otherSeen, POKE_WAIT_MS);

        expect(otherLive.count - otherSeen).toBe(1);
        expect(ownerLive.count - ownerSeen).toBe(1);
      } finally {
        for (const s of streams) s.close();
        await Promise.all(servers.map((s) => s.stop()));
      }
    });
  });
});
