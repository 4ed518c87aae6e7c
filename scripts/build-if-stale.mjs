// Compiles TypeScript only when a source file is newer than the last build, so `npm start`
// works straight after `npm install` on a fresh clone and restarts stay fast. swc (a dev
// dependency, the same settings Jest uses) transpiles in a second or two; type checking is
// `npm run typecheck`'s job. Without swc (a production install), tsc builds, as `npm run build`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const marker = join(root, 'dist', 'src', 'server.js');

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

// One build at a time: two processes starting together (the test passes, a start beside a bench)
// must not run code a build is still writing. A lock left by a killed build is waited out (2 min).
const lock = join(root, 'dist', '.build-lock');
mkdirSync(join(root, 'dist'), { recursive: true });
for (let waited = 0; ; waited += 100) {
  try {
    mkdirSync(lock);
    break;
  } catch {
    if (waited > 120_000) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
try {
  const sources = ['src', 'migrations', 'bench']
    .map((d) => join(root, d))
    .filter(existsSync)
    .flatMap(tsFiles);
  const sourceTime = Math.max(
    ...sources.map((f) => statSync(f).mtimeMs),
    statSync(join(root, 'tsconfig.json')).mtimeMs,
  );
  const builtTime = existsSync(marker) ? statSync(marker).mtimeMs : 0;

  function loadSwc() {
    try {
      return createRequire(import.meta.url)('@swc/core');
    } catch {
      return null;
    }
  }

  if (sourceTime > builtTime) {
    const started = Date.now();
    const swc = loadSwc();
    if (swc) {
      process.stderr.write(
        `Casusbank: ${sources.length} TypeScript-bestanden omzetten naar JavaScript (swc)… `,
      );
      await Promise.all(
        sources.map(async (file) => {
          const out = join(root, 'dist', relative(root, file)).replace(/\.ts$/, '.js');
          const { code, map } = await swc.transformFile(file, {
            jsc: {
              parser: { syntax: 'typescript', decorators: true },
              transform: { legacyDecorator: true, decoratorMetadata: true },
              target: 'es2022',
            },
            // import() stays a real dynamic import, as with tsc: ESM-only packages load through it.
            module: { type: 'commonjs', ignoreDynamic: true },
            sourceMaps: true,
            outputPath: out,
          });
          mkdirSync(dirname(out), { recursive: true });
          writeFileSync(out, `${code}\n//# sourceMappingURL=${out.split('/').pop()}.map\n`);
          if (map) writeFileSync(`${out}.map`, map);
        }),
      );
    } else {
      process.stderr.write('Casusbank: TypeScript compileren (tsc, kan een halve minuut duren)… ');
      execFileSync(
        process.execPath,
        [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')],
        { stdio: 'inherit' },
      );
    }
    process.stderr.write(`klaar in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
    // tsc skips unchanged outputs in incremental mode; touch the marker so the next check is cheap.
    const now = new Date();
    if (existsSync(marker)) utimesSync(marker, now, now);
  }
} finally {
  rmSync(lock, { recursive: true, force: true });
}
