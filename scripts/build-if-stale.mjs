// Compiles TypeScript only when a source file is newer than the last build, so `npm start`
// works straight after `npm install` on a fresh clone and restarts stay fast.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const marker = join(root, 'dist', 'src', 'server.js');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const sources = ['src', 'migrations', 'bench'].map((d) => join(root, d)).filter(existsSync);
const sourceTime = Math.max(...sources.map(newestMtime), statSync(join(root, 'tsconfig.json')).mtimeMs);
const builtTime = existsSync(marker) ? statSync(marker).mtimeMs : 0;

if (sourceTime > builtTime) {
  process.stderr.write('Casusbank: TypeScript compileren…\n');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')],
    {
      stdio: 'inherit',
    },
  );
  // tsc skips unchanged outputs in incremental mode; touch the marker so the next check is cheap.
  const now = new Date();
  const { utimesSync } = await import('node:fs');
  if (existsSync(marker)) utimesSync(marker, now, now);
}
