import { uuidv7 } from '@merit/shared/ids';
import { PROTOCOL_VERSION, type PullOutput, type PushOutput } from '@merit/shared/sync/protocol';
import { Api } from '../test/support/api';
import { type RunningServer, startServer } from '../test/support/server';

export const OWNER = { orgName: 'Bench Co', name: 'Bea Bench', email: 'bea@bench.test', password: 'bench-password-1' };

/** One device of a signed-in person talking to the real server over HTTP, as the client's engine does. */
export class Device {
  readonly id = uuidv7();
  cursor: string | null = null;
  next = 1;
  constructor(readonly api: Api) {}

  async pushWin(title: string): Promise<string> {
    const winId = uuidv7();
    const mutation = {
      id: this.next,
      name: 'win.create@1',
      args: { id: winId, title, date: '2026-11-20', visibility: 'private' },
      createdAt: 0,
    };
    const out = await this.api.mutation<PushOutput>('sync.push', { protocol: PROTOCOL_VERSION, deviceId: this.id, mutations: [mutation] });
    if (out.lastMutationId !== this.next) throw new Error(`push stopped at ${out.lastMutationId}`);
    this.next++;
    return winId;
  }

  /** Pulls every page; returns the ids of the changed records. */
  async pull(): Promise<string[]> {
    const ids: string[] = [];
    for (;;) {
      // A POST, as the client's link sends it (docs/SYNC.md S6).
      const page = await this.api.mutation<PullOutput>('sync.pull', { protocol: PROTOCOL_VERSION, deviceId: this.id, cursor: this.cursor });
      for (const c of page.changes) ids.push(c.id);
      this.cursor = page.cursor;
      if (!page.hasMore) return ids;
    }
  }
}

/** The built server on a fresh database, set up by OWNER, who is signed in on the returned Api. */
export async function startSignedIn(env: Record<string, string> = {}): Promise<{ server: RunningServer; api: Api }> {
  const server = await startServer(env);
  try {
    const api = new Api(server.url);
    await api.mutation('setup.create', OWNER);
    return { server, api };
  } catch (e) {
    await server.stop();
    throw e;
  }
}

/** A second session of the same person: another device signs in with the same password. */
export async function signInAgain(server: RunningServer): Promise<Api> {
  const api = new Api(server.url);
  await api.mutation('auth.signIn', { email: OWNER.email, password: OWNER.password });
  return api;
}
