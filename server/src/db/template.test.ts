import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from './migrate';
import { makeTemplate, openPglite } from './pglite';

describe('the PGlite template the build ships (a first start without initdb)', () => {
  it('fills a new data directory with a migrated cluster, and leaves an existing one alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'merit-template-'));
    const template = join(dir, 'template.tgz');
    writeFileSync(template, await makeTemplate(MIGRATIONS));

    const first = await openPglite(join(dir, 'pg'), template);
    expect(await migrate(first)).toEqual([]);
    const versions = await first.query<{ version: string }>('select version from schema_migration order by version');
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    await first.query("insert into org (id, name) values (1, 'Kept Co')");
    await first.close();

    // The directory now holds a cluster: opening it again must not overwrite it from the template.
    const again = await openPglite(join(dir, 'pg'), template);
    expect(await again.query('select name from org')).toEqual([{ name: 'Kept Co' }]);
    await again.close();
    // initdb, the migrations and two opens: slow on a loaded 2-core box.
  }, 120_000);
});
