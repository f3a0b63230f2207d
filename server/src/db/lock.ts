import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Directories this process holds. The pid in the lock file cannot tell a second open in the same
 * process (a test, or a bug) from a stale lock left by a crashed process that had our pid.
 */
const held = new Set<string>();

/**
 * PGlite is a single-process database: two processes writing one data directory corrupt it. The lock
 * file holds the owner's pid; a stale lock (its process is gone) is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'merit.lock');
  if (held.has(path)) {
    throw new Error(`The data directory ${dataDir} is already in use by this Merit server. Set DATA_DIR to another directory.`);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(path);
      return () => {
        if (!held.delete(path)) return;
        rmSync(path, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new Error(
          `Another Merit server (pid ${pid}) is using the data directory ${dataDir}. Stop it first, or set DATA_DIR to another directory.`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}`);
}
