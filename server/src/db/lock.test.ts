import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open';

describe('the PGlite data directory lock', () => {
  it('refuses a second server on the same data directory, with a clear message, until the first lets go', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'merit-lock-'));
    const first = await openDatabase({ databaseUrl: null, dataDir });
    await expect(openDatabase({ databaseUrl: null, dataDir })).rejects.toThrow(/data directory .* is already in use/);
    // The refused attempt must not have taken the lock away from the first.
    await expect(openDatabase({ databaseUrl: null, dataDir })).rejects.toThrow(/already in use/);
    await first.db.close();
    first.release();
    const again = await openDatabase({ databaseUrl: null, dataDir });
    expect(await again.db.query('select 1 as one')).toEqual([{ one: 1 }]);
    await again.db.close();
    again.release();
  });

  it('refuses a data directory another live process holds, and takes over a stale lock', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'merit-lock-'));
    writeFileSync(join(dataDir, 'merit.lock'), String(process.ppid));
    await expect(openDatabase({ databaseUrl: null, dataDir })).rejects.toThrow(
      `Another Merit server (pid ${process.ppid}) is using the data directory`,
    );
    // A pid far above any real one: the process that wrote it is gone.
    writeFileSync(join(dataDir, 'merit.lock'), '4194000');
    const opened = await openDatabase({ databaseUrl: null, dataDir });
    await opened.db.close();
    opened.release();
  });
});
