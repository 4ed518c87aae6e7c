import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireDataDirLock, DataDirLockedError } from '../../src/db/data-dir-lock';

describe('DATA_DIR lock (PGlite has none of its own)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'casusbank-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second holder with a clear message while the first one runs, and allows it after release', () => {
    const release = acquireDataDirLock(dir, 'server');
    expect(() => acquireDataDirLock(dir, 'cli migrate')).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir, 'cli migrate')).toThrow(/in gebruik door proces \d+ \(server/);
    release();
    expect(existsSync(path.join(dir, 'casusbank.lock'))).toBe(false);
    acquireDataDirLock(dir, 'cli migrate')();
  });

  it('refuses while another live process holds it, and takes over the lock of a process that died', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    await new Promise((r) => child.once('spawn', r));
    writeFileSync(path.join(dir, 'casusbank.lock'), JSON.stringify({ pid: child.pid, purpose: 'server' }));
    expect(() => acquireDataDirLock(dir, 'cli')).toThrow(/in gebruik door proces/);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const release = acquireDataDirLock(dir, 'cli');
    release();
  });
});
