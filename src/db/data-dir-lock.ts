import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {}

/** Lock files this process holds (a lock with our own pid may also be a stale one from a container's PID 1). */
const heldHere = new Set<string>();

/** A lock file younger than this that cannot be read is being written by its owner: held. */
const YOUNG_MS = 10_000;

interface Holder {
  pid?: number;
  purpose?: string;
  since?: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): Holder | null {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as Holder;
    return typeof holder.pid === 'number' ? holder : null;
  } catch {
    return null;
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return Infinity;
  }
}

/** Creates `target` as a hard link to the complete `source`: atomic, and fails with EEXIST when taken. */
function linkInPlace(source: string, target: string): boolean {
  try {
    linkSync(source, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * PGlite puts no lock on its data directory, and two processes writing one directory corrupt it.
 * Every process that opens the embedded database (server, CLI) takes this lock file first.
 * The owner is written to a file of its own first and then linked into place, so the lock file
 * never exists half-written. A lock left by a process that no longer exists is taken over by one
 * process only: the one that creates the takeover marker.
 */
export function acquireDataDirLock(dataDir: string, purpose: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'casusbank.lock');
  const mine = `${file}.${process.pid}.${Date.now()}`;
  const owner = { pid: process.pid, purpose, since: new Date().toISOString() };
  writeFileSync(mine, JSON.stringify(owner));
  try {
    if (!linkInPlace(mine, file)) {
      const holder = readHolder(file);
      const heldByUs = holder?.pid === process.pid && heldHere.has(file);
      const alive = holder?.pid !== undefined && holder.pid !== process.pid && isAlive(holder.pid);
      if (heldByUs || alive || (!holder && ageMs(file) < YOUNG_MS)) throw lockedBy(dataDir, holder);
      takeOverStale(file, mine, holder, dataDir);
    }
  } finally {
    rmSync(mine, { force: true });
  }
  heldHere.add(file);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(file);
    if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
  };
  process.once('exit', release);
  return release;
}

/** Replaces a stale lock, if this process is the one that gets the takeover marker. */
function takeOverStale(file: string, mine: string, stale: Holder | null, dataDir: string): void {
  const marker = `${file}.takeover`;
  if (ageMs(marker) > YOUNG_MS) rmSync(marker, { force: true }); // a takeover that crashed
  let fd: number;
  try {
    fd = openSync(marker, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw lockedBy(dataDir, stale);
    throw error;
  }
  try {
    writeSync(fd, String(process.pid));
    closeSync(fd);
    // Still the same stale lock? (Another process may have replaced it before we got the marker.)
    if (JSON.stringify(readHolder(file)) !== JSON.stringify(stale)) throw lockedBy(dataDir, readHolder(file));
    rmSync(file, { force: true });
    if (!linkInPlace(mine, file)) throw lockedBy(dataDir, readHolder(file));
  } finally {
    rmSync(marker, { force: true });
  }
}

function lockedBy(dataDir: string, holder: Holder | null): DataDirLockedError {
  return new DataDirLockedError(
    `De ingebouwde database in ${dataDir} is in gebruik door proces ${holder?.pid ?? '?'} (${holder?.purpose ?? 'onbekend'}, sinds ${holder?.since ?? '?'}). ` +
      `Stop dat proces eerst, of gebruik DATABASE_URL met een PostgreSQL-server om met meerdere processen te werken.`,
  );
}
