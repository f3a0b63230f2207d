import type { Db } from '../db/client';
import { seedLargeOrg } from './large-org';
import { DEMO_PASSWORD } from './people';

/** `MERIT_DEMO_PEOPLE=10000 npm start -- --demo`: the generated organisation, and who to sign in as. */
export async function seedLarge(db: Db, people: number, log: (line: string) => void = console.log): Promise<void> {
  const t0 = Date.now();
  const org = await seedLargeOrg(db, people);
  if (!org) {
    log('Demo data was not seeded: this database already has people in it.');
    return;
  }
  log(`Generated "Large Co" with ${org.people} people in ${((Date.now() - t0) / 1000).toFixed(1)} s. Password ${DEMO_PASSWORD} for:`);
  log(`  HR admin: ${org.hrEmail}`);
  for (const m of org.wideManagers) log(`  manager of ${m.span}: ${m.email}`);
}
