import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
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

  it('is taken by exactly one of three processes starting in the same millisecond, 20 rounds in a row', async () => {
    // The module as plain CommonJS, so each contender starts in milliseconds (no TypeScript loader).
    const lockModule = path.join(dir, 'data-dir-lock.js');
    const source = readFileSync(path.join(__dirname, '../../src/db/data-dir-lock.ts'), 'utf8');
    writeFileSync(
      lockModule,
      ts.transpileModule(source, {
        compilerOptions: {
          module: ts.ModuleKind.CommonJS,
          target: ts.ScriptTarget.ES2022,
          esModuleInterop: true,
        },
      }).outputText,
    );
    const lockDir = path.join(dir, 'data');
    const contender = `
      const { acquireDataDirLock, DataDirLockedError } = require(${JSON.stringify(lockModule)});
      const [dir, at] = process.argv.slice(1);
      while (Date.now() < Number(at)) {} // start together
      try { acquireDataDirLock(dir, 'wedstrijd'); process.stdout.write('won'); }
      catch (e) { process.stdout.write(e instanceof DataDirLockedError ? 'lost' : 'error ' + e); }
      // Hold it until every contender has tried (a slow start on a loaded machine must not find it released).
      const done = require('node:path').join(dir, 'done');
      const until = Date.now() + 30000;
      const wait = () => (require('node:fs').existsSync(done) || Date.now() > until ? undefined : setTimeout(wait, 20));
      wait();`;
    let answered = () => {};
    const run = (at: number) =>
      new Promise<string>((resolve) => {
        const child = spawn(process.execPath, [
          '-r',
          require.resolve('tsx/cjs'),
          '-e',
          contender,
          dir,
          String(at),
        ]);
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          answered();
        });
        child.on('close', () => resolve(out));
      });
    for (let round = 0; round < 20; round++) {
      rmSync(lockDir, { recursive: true, force: true });
      mkdirSync(lockDir);
      // Every other round starts from a stale lock (a process that died), to be taken over once.
      if (round % 2 === 1) {
        writeFileSync(
          path.join(dir, 'casusbank.lock'),
          JSON.stringify({ pid: 2 ** 22 + 1, purpose: 'dood' }),
        );
      }
      const doneFile = path.join(dir, 'done');
      rmSync(doneFile, { force: true });
      let answers = 0;
      answered = () => {
        if (++answers === 3) writeFileSync(doneFile, ''); // all have tried: the winner may let go
      };
      const at = Date.now() + 400;
      const results = await Promise.all([0, 1, 2].map(() => run(at)));
      expect({ round, results: results.sort() }).toEqual({ round, results: ['lost', 'lost', 'won'] });
    }
  }, 120_000);

  it('treats a young lock file it cannot read as held (its owner is still writing it)', () => {
    writeFileSync(path.join(dir, 'casusbank.lock'), '');
    expect(() => acquireDataDirLock(dir, 'cli')).toThrow(DataDirLockedError);
  });
});
