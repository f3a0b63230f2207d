import type { Actor } from '@merit/shared/domain/person';
import type { PullInput, PushInput } from '@merit/shared/sync/protocol';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { MeritDb } from '@/db/db';
import { SyncEngine, type SyncTransport } from '@/sync/engine';
import type { Db } from '../../server/src/db/client';
import { type ChangeBus, createChangeBus } from '../../server/src/sync/bus';
import { callerAs } from '../../server/src/test/context';

export type Fault = 'ok' | 'drop-request' | 'drop-response' | 'duplicate' | 'delay';

/** What fetch throws when the network is down: the engine must treat it as "try again later". */
const networkDown = () => new TypeError('Failed to fetch');

/**
 * The server as the devices reach it. It keeps no state between requests (everything is in PostgreSQL),
 * so a restart is a new bus and new callers on the same database.
 */
export class TestServer {
  bus!: ChangeBus;
  constructor(readonly db: Db) {}
  async start() {
    this.bus = await createChangeBus(this.db);
  }
  async restart() {
    await this.bus.close();
    await this.start();
  }
  caller(actor: Actor) {
    return callerAs(this.db, this.bus, { id: actor.personId, role: actor.role });
  }
}

/**
 * One simulated device: its own IndexedDB, an engine instance, and a transport whose delivery the test
 * controls: drop the request, drop the response after the server committed, deliver twice, or hold a
 * push back and deliver it later (after newer ones).
 */
export class TestDevice {
  readonly db: MeritDb;
  engine: SyncEngine;
  fault: Fault = 'ok';
  readonly delayed: PushInput[] = [];

  constructor(
    readonly server: TestServer,
    readonly actor: Actor,
  ) {
    this.db = new MeritDb(actor.personId, { indexedDB: new IDBFactory(), IDBKeyRange });
    this.engine = this.newEngine();
  }

  /** The app was killed and opened again: a new engine, same database, nothing in memory kept. */
  restart() {
    this.engine = new SyncEngine({ db: this.db, actor: this.actor, transport: this.transport });
  }

  private newEngine(): SyncEngine {
    return new SyncEngine({ db: this.db, actor: this.actor, transport: this.transport });
  }

  async deliverDelayed() {
    for (const input of this.delayed.splice(0)) await this.server.caller(this.actor).sync.push(input);
  }

  readonly transport: SyncTransport = {
    push: (input) => this.deliver(input, (i: PushInput) => this.server.caller(this.actor).sync.push(i), true),
    pull: (input) => this.deliver(input, (i: PullInput) => this.server.caller(this.actor).sync.pull(i), false),
  };

  private async deliver<I, O>(input: I, send: (i: I) => Promise<O>, isPush: boolean): Promise<O> {
    const fault = this.fault;
    switch (fault) {
      case 'ok':
        return send(input);
      case 'drop-request':
        throw networkDown();
      case 'drop-response':
        await send(input);
        throw networkDown();
      case 'duplicate':
        await send(input);
        return send(input);
      case 'delay':
        if (!isPush) return send(input);
        this.delayed.push(structuredClone(input) as PushInput);
        throw networkDown();
    }
  }
}
