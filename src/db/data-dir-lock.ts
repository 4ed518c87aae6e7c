import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {}

/** Lock files this process holds (a lock with our own pid may also be a stale one from a container's PID 1). */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite puts no lock on its data directory, and two processes writing one directory corrupt it.
 * Every process that opens the embedded database (server, CLI) takes this lock file first.
 * A lock left by a process that no longer exists is taken over.
 */
export function acquireDataDirLock(dataDir: string, purpose: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'casusbank.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, purpose, since: new Date().toISOString() }));
      closeSync(fd);
      heldHere.add(file);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        heldHere.delete(file);
        try {
          const holder = JSON.parse(readFileSync(file, 'utf8')) as { pid: number };
          if (holder.pid === process.pid) rmSync(file, { force: true });
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid?: number; purpose?: string; since?: string } = {};
      try {
        holder = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        /* unreadable: treat as stale */
      }
      const heldByUs = holder.pid === process.pid && heldHere.has(file);
      if (heldByUs || (holder.pid && holder.pid !== process.pid && isAlive(holder.pid))) {
        throw new DataDirLockedError(
          `De ingebouwde database in ${dataDir} is in gebruik door proces ${holder.pid} (${holder.purpose ?? 'onbekend'}, sinds ${holder.since ?? '?'}). ` +
            `Stop dat proces eerst, of gebruik DATABASE_URL met een PostgreSQL-server om met meerdere processen te werken.`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new DataDirLockedError(`Kon het slot ${file} niet nemen.`);
}
