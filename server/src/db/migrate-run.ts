import type { Db } from './client';

export interface Migration {
  version: string;
  name: string;
  sql: string;
}

/** Orders migration files (`0001_init.sql`...) by name; `version` is the number in front. */
export function migrationsFrom(files: Record<string, string>): Migration[] {
  return Object.entries(files)
    .map(([path, sql]) => ({ version: path.replace(/^.*\/(\d+)_.*$/, '$1'), name: path.replace(/^.*\//, ''), sql }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Applies each migration not yet recorded, in its own transaction, at most once. Used at start
 * (migrate.ts) and by the build, which ships a PGlite cluster already migrated (server/vite.config.ts).
 */
export async function runMigrations(db: Db, migrations: readonly Migration[]): Promise<string[]> {
  await db.query(
    'create table if not exists schema_migration (version text primary key, name text not null, applied_at timestamptz not null default now())',
  );
  const applied: string[] = [];
  for (const m of migrations) {
    const done = await db.tx(async (q) => {
      // Two server processes starting at once on one PostgreSQL: the advisory lock makes the second wait.
      if (db.kind === 'pg') await q.query('select pg_advisory_xact_lock(727274)');
      const seen = await q.query('select 1 from schema_migration where version = $1', [m.version]);
      if (seen.length > 0) return false;
      for (const stmt of splitSql(m.sql)) await q.query(stmt);
      await q.query('insert into schema_migration (version, name) values ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.name);
  }
  return applied;
}

/** Splits on semicolons that end a line; migrations keep one statement per `;\n`. */
function splitSql(sql: string): string[] {
  return sql
    .split(/;\s*\n/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}
