import type { Db } from './client';
import { migrationsFrom, runMigrations } from './migrate-run';

const files = import.meta.glob<string>('./migrations/*.sql', { query: '?raw', import: 'default', eager: true });

/** Versioned SQL, applied in name order at start, each in its own transaction, at most once. */
export const MIGRATIONS = migrationsFrom(files);

export function migrate(db: Db): Promise<string[]> {
  return runMigrations(db, MIGRATIONS);
}
