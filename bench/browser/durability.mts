import { MeritDb } from '@/db/db';

export type Durability = 'strict' | 'relaxed';

/**
 * Diagnostic only: a MeritDb whose mutate() transactions run relaxed, to tell the code's own cost from the
 * disk flush of strict durability (which the browser process does, outside the CPU throttle). The product
 * always commits the outbox strict (MeritDb.durable).
 */
class RelaxedMeritDb extends MeritDb {
  override get durable(): MeritDb {
    return this;
  }
}

/** The database mutate() benches write to: the product's (strict outbox commits) or the relaxed diagnostic. */
export const benchDb = (personId: string, durability: Durability): MeritDb =>
  durability === 'strict' ? new MeritDb(personId) : new RelaxedMeritDb(personId, { durability: 'relaxed' });
