import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');

/** The benchmark itself, tiny, so it never rots. Figures are printed, not asserted. */
describe('npm run bench (smoke)', () => {
  it('runs end to end with --cases 200 --duration 2 and writes its results', () => {
    execFileSync(process.execPath, [path.join(root, 'scripts/build-if-stale.mjs')], { stdio: 'inherit' });
    const out = mkdtempSync(path.join(os.tmpdir(), 'casusbank-bench-out-'));
    try {
      // On the CI's PostgreSQL pass the benchmark runs against that server.
      const server = process.env.TEST_DATABASE_URL ? ['--database-url', process.env.TEST_DATABASE_URL] : [];
      const run = spawnSync(
        process.execPath,
        [path.join(root, 'dist/bench/run.js'), '--cases', '200', '--duration', '2', '--out', out, ...server],
        { encoding: 'utf8', timeout: 240_000 },
      );
      if (run.status !== 0) throw new Error(`bench failed (${run.status}):\n${run.stderr}\n${run.stdout}`);
      console.log(run.stdout);
      const [file] = readdirSync(out);
      const report = JSON.parse(readFileSync(path.join(out, file), 'utf8'));
      expect(report.cases).toBe(200);
      expect(report.scenarios.map((s: { name: string }) => s.name)).toEqual([
        'ceiling (/account)',
        'browse /casussen',
        'search /casussen?q=',
        'api /api/search',
        'case page + related',
        'search, one at a time',
      ]);
      expect(report.searchEngine).toBe('embedded');
      expect(report.freshness.edits).toBe(50);
      expect(run.stdout).toContain('% ceiling');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 300_000);

  it('explains its options with --help and refuses an unknown engine', () => {
    const help = spawnSync(process.execPath, [path.join(root, 'dist/bench/run.js'), '--help'], {
      encoding: 'utf8',
    });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--engine NAAM');
    const wrong = spawnSync(process.execPath, [path.join(root, 'dist/bench/run.js'), '--engine', 'solr'], {
      encoding: 'utf8',
    });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('Onbekende zoekmachine "solr"');
  });
});
