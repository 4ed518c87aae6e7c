/**
 * npm run bench [-- --cases N] [-- --database-url URL] [-- --duration S]
 *
 * Generates a Dutch corpus, imports it through the import path users have, starts the app as a
 * separate process, and loads it on loopback with autocannon as a logged-in member. Prints one
 * table and writes bench/results/<date>-<cases>.json. Nothing here is asserted: it measures.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { hashPassword } from '../src/accounts/passwords';
import { CONTENT_FIELDS } from '../src/cases/cases.service';
import { openDatabase } from '../src/db/data-source';
import { PROJECT_ROOT } from '../src/paths';
import { queryMix } from './corpus';
import { BENCH_EMAIL, BENCH_SEED, loadBenchCorpus } from './load-corpus';
import { formatTable, ms1, type Scenario } from './report';

const BENCH_PASSWORD = 'benchmark-wachtwoord-lang-genoeg';

/** autocannon's own default, stated: a request slower than this counts as an error (kind "timeout"). */
const REQUEST_TIMEOUT_SECONDS = 10;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function dirSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirSize(p) : statSync(p).size;
  }
  return total;
}

function peakRssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '10000' },
      'database-url': { type: 'string' },
      duration: { type: 'string', default: '20' },
      seed: { type: 'string', default: String(BENCH_SEED) },
      out: { type: 'string' },
    },
  });
  const caseCount = Number(values.cases);
  const duration = Number(values.duration);
  const work = mkdtempSync(path.join(os.tmpdir(), 'casusbank-bench-'));
  // Also when a step fails: no app left running, no corpus copy left in the temp directory.
  let running: ChildProcess | undefined;
  process.on('exit', () => {
    if (running && running.exitCode === null) running.kill('SIGKILL');
    rmSync(work, { recursive: true, force: true });
  });
  const dataDir = path.join(work, 'data');
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (values['database-url']) {
    const name = `casusbank_bench_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: values['database-url'] });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(values['database-url']);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const c = new Client({ connectionString: values['database-url'] });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const log = (s: string) => process.stderr.write(`${s}\n`);

  // 1–2. Corpus and import through the users' import path.
  log(`Corpus van ${caseCount} casussen genereren en importeren…`);
  const db = await openDatabase({ databaseUrl, dataDir, purpose: 'bench import' });
  const loaded = await loadBenchCorpus(db.dataSource, {
    cases: caseCount,
    seed: Number(values.seed),
    passwordHash: await hashPassword(BENCH_PASSWORD),
  });
  const ids = loaded.cases;
  const importPerSecond = Math.round((loaded.imported / loaded.importMs) * 1000);
  await db.close();

  // 3. Start the app as its own process.
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    SESSION_SECRET: 'b'.repeat(48),
    PUBLIC_URL: 'https://casusbank.bench.invalid',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  const start = async (): Promise<{ child: ChildProcess; readyMs: number }> => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist/src/server.js')], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    running = child;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server stopte met code ${child.exitCode}`);
      try {
        if ((await fetch(`${base}/readyz`)).ok) return { child, readyMs: Math.round(performance.now() - t0) };
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const stop = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });

  log('App starten en de zoekindex laten bijwerken…');
  // From the app's start until the indexer has applied the import's outbox entries. The app
  // starts indexing at once, and on the embedded database a batch holds the event loop, so the
  // first /readyz may only answer after a batch: the clock starts at the spawn (start included).
  const indexStart = performance.now();
  let { child } = await start();
  let lastReport = 0;
  for (;;) {
    // A poll can meet a keep-alive socket the app closes just then (its timers run late while a
    // batch holds the event loop): that is no answer, so ask again.
    const ready = (await fetch(`${base}/readyz`)
      .then((r) => r.json())
      .catch(() => ({ checks: {} }))) as { checks: { searchBacklog?: { size: number } } };
    const size = ready.checks.searchBacklog?.size;
    if (size === 0) break;
    if (size !== undefined && performance.now() - lastReport > 15_000) {
      lastReport = performance.now();
      log(`  zoekindex: nog ${size} te verwerken`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const indexSeconds = (performance.now() - indexStart) / 1000;

  // Cold start with the corpus present.
  await stop(child);
  const restarted = await start();
  child = restarted.child;
  const coldStartMs = restarted.readyMs;

  // Log in as a member. Production cookies are Secure: tell the app we came through HTTPS.
  const proto = { 'x-forwarded-proto': 'https' };
  const loginPage = await fetch(`${base}/inloggen`, { headers: proto });
  const preCookie = loginPage.headers.getSetCookie()[0].split(';')[0];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await loginPage.text())![1];
  const login = await fetch(`${base}/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...proto, cookie: preCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: BENCH_EMAIL, password: BENCH_PASSWORD, _csrf: csrf }),
  });
  if (login.status !== 303) throw new Error(`inloggen mislukt: ${login.status}`);
  const cookie = login.headers.getSetCookie()[0].split(';')[0];
  const headers = { ...proto, cookie };

  const queries = queryMix();
  const published = ids.filter((c) => c.status === 'published').map((c) => c.id);
  const casePages = Array.from(
    { length: 60 },
    (_, i) => `/casussen/${published[(i * 9973) % published.length]}`,
  );
  // The case-page scenario is meant to exercise related cases: check the pages show some.
  let relatedShown = 0;
  for (const page of casePages) {
    const html = await (await fetch(`${base}${page}`, { headers })).text();
    const section = html.slice(html.indexOf('id="verwant-titel"'), html.indexOf('id="reflecties-titel"'));
    relatedShown += (section.match(/href="\/casussen\/\d+"/g) ?? []).length;
  }
  if (relatedShown === 0) throw new Error('de casuspagina’s tonen geen vergelijkbare casussen');
  const scenarios: Array<{ name: string; paths: string[] }> = [
    { name: 'ceiling (/account)', paths: ['/account'] },
    {
      name: 'browse /casussen',
      paths: [
        '/casussen',
        '/casussen?pagina=2',
        '/casussen?thema=incasso',
        '/casussen?rol=verhuurder&jaar=2020',
      ],
    },
    { name: 'search /casussen?q=', paths: queries.map((q) => `/casussen?${q}`) },
    { name: 'api /api/search', paths: queries.map((q) => `/api/search?${q}`) },
    { name: 'case page + related', paths: casePages },
  ];

  const load = async (paths: string[], seconds: number, during?: () => Promise<void>) => {
    const latencies: number[] = [];
    const statuses: Record<number, number> = {};
    const errorKinds: Record<string, number> = {};
    let i = 0;
    const options = {
      url: base,
      connections: 10,
      duration: seconds,
      timeout: REQUEST_TIMEOUT_SECONDS,
      headers,
      requests: [{ setupRequest: (req: any) => ({ ...req, path: paths[i++ % paths.length] }) }],
    };
    const count = (kind: string) => (errorKinds[kind] = (errorKinds[kind] ?? 0) + 1);
    const run = new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
      instance.on('response', (_client, status, _bytes, time) => {
        latencies.push(time);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status < 200 || status > 299) count(`HTTP ${status}`);
      });
      instance.on('reqError', (error: Error & { code?: string }) => {
        count(/timed out/i.test(error.message) ? 'timeout' : (error.code ?? error.message));
      });
    });
    const [result] = await Promise.all([run, during?.()]);
    // Requests still queued in the app (PGlite answers one statement at a time) must not slow the next scenario.
    await settle();
    latencies.sort((a, b) => a - b);
    return {
      requests: result.requests.total,
      rps: Math.round(result.requests.average),
      p50: ms1(percentile(latencies, 50)),
      p95: ms1(percentile(latencies, 95)),
      p99: ms1(percentile(latencies, 99)),
      // autocannon's `errors` already includes its timeouts (adding `timeouts` again counted them twice).
      errors: result.errors + result.non2xx,
      errorKinds,
      statuses,
    };
  };
  /** Waits until the app answers a database round trip quickly again. */
  const settle = async () => {
    for (let tries = 0; tries < 600; tries++) {
      const t0 = performance.now();
      await fetch(`${base}/readyz`).catch(() => undefined);
      if (performance.now() - t0 < 100) return;
    }
  };

  // 4. Freshness: edits while the search load runs; commit → findable.
  const freshness: number[] = [];
  const ownCases = ids.filter((c) => c.author === BENCH_EMAIL && c.status === 'published').map((c) => c.id);
  const edits = async () => {
    for (let n = 0; n < 50; n++) {
      const id = ownCases[n % ownCases.length];
      const token = `versheid${n}x${randomBytes(3).toString('hex')}`;
      const current = (await (await fetch(`${base}/api/cases/${id}`, { headers })).json()) as Record<
        string,
        any
      >;
      const form = new URLSearchParams({ _csrf: '', version: String(current.version), action: 'save' });
      const editPage = await (await fetch(`${base}/casussen/${id}/bewerken`, { headers })).text();
      form.set('_csrf', /name="_csrf" value="([^"]+)"/.exec(editPage)![1]);
      // The case form's fields, as the export format holds them; the title gets the token.
      for (const key of CONTENT_FIELDS) {
        const value = current[key];
        if (key === 'tags') form.set(key, (value ?? []).join(', '));
        else if (Array.isArray(value)) for (const v of value) form.append(key, v);
        else form.set(key, value == null ? '' : String(value));
      }
      form.set('title', `${String(current.title).slice(0, 150)} ${token}`);
      const saved = await fetch(`${base}/casussen/${id}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
      });
      if (saved.status !== 303) throw new Error(`bewerken mislukt: ${saved.status}`);
      const committed = performance.now();
      for (;;) {
        const found = (await (
          await fetch(`${base}/api/search?q=${token}&perPage=1`, { headers })
        ).json()) as { total: number };
        if (found.total > 0) break;
        if (performance.now() - committed > 30_000) throw new Error('bewerking niet gevonden binnen 30 s');
        await new Promise((r) => setTimeout(r, 10));
      }
      freshness.push(performance.now() - committed);
      await new Promise((r) => setTimeout(r, Math.max(0, (duration * 1000) / 60 - 50)));
    }
  };

  log('Opwarmen…');
  for (const s of scenarios) await load(s.paths, Math.min(3, duration));
  const results: Scenario[] = [];
  for (const s of scenarios) {
    log(`Belasten: ${s.name} (${duration} s)…`);
    const r = await load(s.paths, duration, s.name.startsWith('search') ? edits : undefined);
    results.push({ name: s.name, ...r, ofCeiling: null });
  }
  const ceiling = results[0].rps;
  for (const r of results) r.ofCeiling = ceiling ? Math.round((r.rps / ceiling) * 100) : null;
  const rss = peakRssMb(child.pid!);
  await stop(child);

  let dbBytes: number;
  if (databaseUrl) {
    const c = new Client({ connectionString: databaseUrl });
    await c.connect();
    dbBytes = Number((await c.query(`SELECT pg_database_size(current_database()) AS n`)).rows[0].n);
    await c.end();
  } else {
    dbBytes = dirSize(path.join(dataDir, 'pg'));
  }
  freshness.sort((a, b) => a - b);

  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    database: databaseUrl ? 'postgresql' : 'embedded (PGlite)',
    cases: caseCount,
    durationSeconds: duration,
    connections: 10,
    requestTimeoutSeconds: REQUEST_TIMEOUT_SECONDS,
    queries: queries.length,
    casePages: { pages: casePages.length, relatedShown },
    import: {
      casesPerSecond: importPerSecond,
      seconds: loaded.importMs / 1000,
      /** From starting the app until the search backlog of the import is empty (start-up included). */
      indexBacklogDrainedSeconds: Math.round(indexSeconds * 10) / 10,
    },
    scenarios: results,
    freshness: {
      edits: freshness.length,
      p50Ms: Math.round(percentile(freshness, 50)),
      p95Ms: Math.round(percentile(freshness, 95)),
    },
    resources: { peakRssMb: rss, databaseMb: Math.round(dbBytes / 2 ** 20), coldStartMs },
  };

  console.log(
    `\nCasusbank benchmark — ${caseCount} casussen, ${report.database}, ${duration} s per scenario, 10 verbindingen`,
  );
  console.log(formatTable(results));
  const failures = results.filter((r) => r.errors > 0);
  for (const r of failures)
    console.log(
      `fouten bij ${r.name}: ${Object.entries(r.errorKinds)
        .map(([k, n]) => `${k} × ${n}`)
        .join(', ')}`,
    );
  console.log(
    `import: ${importPerSecond} casussen/s (${report.import.seconds.toFixed(1)} s); zoekindex bijgewerkt ${report.import.indexBacklogDrainedSeconds} s na de start van de app`,
  );
  console.log(
    `versheid (${freshness.length} bewerkingen tijdens zoeklast): p50 ${report.freshness.p50Ms} ms, p95 ${report.freshness.p95Ms} ms`,
  );
  console.log(
    `piek-RSS app: ${rss} MB; database: ${report.resources.databaseMb} MB; koude start tot /readyz: ${coldStartMs} ms`,
  );

  const outDir = values.out ?? path.join(PROJECT_ROOT, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  const file = path.join(
    outDir,
    `${report.date.slice(0, 10)}-${caseCount}${databaseUrl ? '-postgresql' : ''}.json`,
  );
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`resultaten: ${path.relative(process.cwd(), file)}`);

  await dropDatabase?.();
  rmSync(work, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
