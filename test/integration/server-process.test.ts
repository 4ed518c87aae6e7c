import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { BlobStore, blobRoot } from '../../src/attachments/blob-store';
import { verifyPassword } from '../../src/accounts/passwords';
import { openDatabase, type Database } from '../../src/db/data-source';
import { buildCase, buildOrganization, buildUser } from '../support/factories';
import { pdf, pdfBomb } from '../fixtures/pdf';

/**
 * The compiled app as it runs in production: `node dist/src/server.js` and `node dist/src/cli.js`
 * as child processes on a temporary DATA_DIR (embedded database), driven over real sockets.
 */

// These processes always use the embedded database, so the CI pass on a PostgreSQL server
// (TEST_DATABASE_URL) would only repeat them: they run in the embedded pass.
const describeEmbedded = process.env.TEST_DATABASE_URL ? describe.skip : describe;
if (process.env.TEST_DATABASE_URL)
  console.warn('server-process: overgeslagen in de PostgreSQL-ronde (draait op de ingebouwde database)');

const ROOT = path.join(__dirname, '../..');
const SERVER = path.join(ROOT, 'dist/src/server.js');
const CLI = path.join(ROOT, 'dist/src/cli.js');
const ORGANIZATION = 'Woonstichting Procestest';

let dataDir: string;
let attachmentId: number;

/** Opens the embedded database in DATA_DIR (only while no server or CLI holds its lock). */
async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ dataDir, purpose: 'test' });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

const childEnv = (extra: Record<string, string> = {}) => ({
  ...process.env,
  NODE_ENV: 'development',
  DATA_DIR: dataDir,
  DATABASE_URL: '',
  MEILI_URL: '',
  PORT: '0',
  LOG_LEVEL: 'info',
  ...extra,
});

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Resolves when the process has exited, with everything it wrote. */
function collect(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Starts the compiled server on DATA_DIR and waits (at most a minute) until it says it is running. */
async function startServer(): Promise<{ server: ChildProcess; finished: Promise<Finished> }> {
  const server = spawn(process.execPath, [SERVER], { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  const finished = collect(server);
  let output = '';
  server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 60_000;
  while (!output.includes('draait op') && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { server, finished };
}

/** Runs a CLI command, with `input` on stdin (empty: nothing piped in). */
function cli(args: string[], input = ''): Promise<Finished> {
  const child = spawn(process.execPath, [CLI, ...args], { env: childEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
  const done = collect(child);
  child.stdin!.end(input);
  return done;
}

/** The one organisation of this DATA_DIR (tests below list the organisations by name). */
async function organizationId(ds: Database['dataSource']): Promise<number> {
  return (await ds.query(`SELECT id FROM organizations WHERE name = $1`, [ORGANIZATION]))[0].id;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  // The compiled app: `npm start` builds the same way when the sources are newer than dist/.
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-if-stale.mjs')], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'casusbank-process-'));
  // A database as a crash leaves it: an attachment whose text extraction never ran ('pending').
  attachmentId = await withDatabase(async ({ dataSource: ds }) => {
    const organization = await buildOrganization(ds, { name: ORGANIZATION });
    const author = await buildUser(ds, { organizationId: organization.id });
    const caseId = await buildCase(ds, author);
    const file = path.join(dataDir, 'upload.pdf');
    writeFileSync(file, pdf('Tekst van voor de herstart 8812'));
    const blob = await new BlobStore(blobRoot(dataDir)).putFile(file);
    const [row] = await ds.query(
      `INSERT INTO attachments (case_id, blob_sha256, filename, mime_type, size_bytes, extraction_status, uploaded_by_id)
       VALUES ($1, $2, 'verslag.pdf', 'application/pdf', $3, 'pending', $4) RETURNING id`,
      [caseId, blob.sha256, blob.size, author.id],
    );
    return row.id as number;
  });
}, 240_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describeEmbedded('the compiled server process', () => {
  it('lets a slow request finish after SIGTERM, exits 0, and extracted the pending attachment at start', async () => {
    const server = spawn(process.execPath, [SERVER], { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const finished = collect(server);
    let output = '';
    server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${output}`)), 60_000);
        server.stdout!.on('data', () => {
          const match = /Casusbank draait op http:\/\/localhost:(\d+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(Number(match[1]));
          }
        });
      });

      // A request whose body arrives slowly: it is in flight when SIGTERM comes.
      const body = 'email=iemand%40example.nl&password=een-wachtwoord-van-lengte&_csrf=geen';
      const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = http.request(
          {
            port,
            method: 'POST',
            path: '/inloggen',
            headers: {
              'Content-Type': 'application/x-www-form-urlencoded',
              'Content-Length': Buffer.byteLength(body),
            },
          },
          (res) => {
            let text = '';
            res.on('data', (d: Buffer) => (text += d.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          },
        );
        req.on('error', reject);
        req.write(body.slice(0, 20));
        setTimeout(() => {
          server.kill('SIGTERM');
          // Still running a second later: it waits for the request.
          setTimeout(() => {
            if (server.exitCode !== null) reject(new Error('the server exited with a request in flight'));
            req.end(body.slice(20));
          }, 1000);
        }, 300);
      });
      const { status, text } = await response;
      expect(status).toBe(403); // the whole answer: the CSRF page for a token we made up
      expect(text).toContain('Het formulier is verlopen');
      expect(text.trimEnd().endsWith('</html>')).toBe(true);

      const { code } = await finished;
      expect(code).toBe(0);
      expect(output).toMatch(/"msg":"stopped"/);
    } finally {
      if (server.exitCode === null) server.kill('SIGKILL');
      await finished;
    }

    // Started with an attachment left pending: the compiled worker extracted its text.
    const [row] = await withDatabase((db) =>
      db.dataSource.query(`SELECT extraction_status, extracted_text FROM attachments WHERE id = $1`, [
        attachmentId,
      ]),
    );
    expect(row.extraction_status).toBe('extracted');
    expect(row.extracted_text).toContain('Tekst van voor de herstart 8812');
  });

  it('prints only the failure, and exits 1, when its port is taken', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const { port } = taken.address() as net.AddressInfo;
    try {
      const child = spawn(process.execPath, [SERVER], {
        env: childEnv({ PORT: String(port), LOG_LEVEL: 'info' }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const { code, stdout, stderr } = await collect(child);
      expect(code).toBe(1);
      expect(stdout).not.toContain('draait op');
      expect(stdout).not.toContain('is gestart');
      expect(stderr.trimEnd().split('\n')).toEqual([
        `Poort ${port} is al in gebruik; kies een andere met PORT=…`,
      ]);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('prints one clear line and exits 1 when the database cannot be reached at start', async () => {
    const port = await closedPort();
    const child = spawn(process.execPath, [SERVER], {
      env: childEnv({ DATABASE_URL: `postgres://casusbank@127.0.0.1:${port}/casusbank` }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const { code, stdout, stderr } = await collect(child);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual([
      `Database niet bereikbaar (127.0.0.1:${port}/casusbank): de verbinding wordt geweigerd (draait de server op die poort?). Controleer DATABASE_URL en of PostgreSQL draait.`,
    ]);
  });
});

describeEmbedded('a decompression bomb in the compiled server', () => {
  it('extracting a PDF that inflates to 1 GiB keeps the server under 600 MB and marks the file', async () => {
    const bombId = await withDatabase(async ({ dataSource: ds }) => {
      const author = await buildUser(ds, { organizationId: await organizationId(ds) });
      const caseId = await buildCase(ds, author);
      const file = path.join(dataDir, 'bom.pdf');
      writeFileSync(file, pdfBomb(1024));
      const blob = await new BlobStore(blobRoot(dataDir)).putFile(file);
      const [row] = await ds.query(
        `INSERT INTO attachments (case_id, blob_sha256, filename, mime_type, size_bytes, extraction_status, uploaded_by_id)
         VALUES ($1, $2, 'bom.pdf', 'application/pdf', $3, 'pending', $4) RETURNING id`,
        [caseId, blob.sha256, blob.size, author.id],
      );
      return row.id as number;
    });
    const server = spawn(process.execPath, [SERVER], { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const finished = collect(server);
    let output = '';
    server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    let peak = 0;
    const sampler = setInterval(() => {
      try {
        const pages = Number(readFileSync(`/proc/${server.pid}/statm`, 'utf8').split(' ')[1]);
        peak = Math.max(peak, pages * 4096);
      } catch {
        /* exited */
      }
    }, 10);
    try {
      // The server extracts attachments left pending at start; wait for the bomb's outcome.
      const deadline = Date.now() + 60_000;
      while (!output.includes('attachment text extraction failed') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      server.kill('SIGTERM');
      expect((await finished).code).toBe(0);
    } finally {
      clearInterval(sampler);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    console.log(`bomb test: peak RSS of the compiled server ${Math.round(peak / 1024 / 1024)} MB`);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(600 * 1024 * 1024);
    const [row] = await withDatabase((db) =>
      db.dataSource.query(`SELECT extraction_status, extraction_error FROM attachments WHERE id = $1`, [
        bombId,
      ]),
    );
    expect(row).toEqual({ extraction_status: 'failed', extraction_error: 'bestand te groot of te complex' });
  }, 120_000);
});

describeEmbedded('the search indexer lease after kill -9', () => {
  it('a restarted server on the same DATA_DIR takes it at once, not after the dead one expires', async () => {
    const caseId = await withDatabase(async ({ dataSource: ds }) => {
      const author = await buildUser(ds, { organizationId: await organizationId(ds) });
      const id = await buildCase(ds, author);
      // As a process killed with -9 leaves it: its lease still 30 s to run, a change waiting.
      await ds.query(
        `UPDATE search_indexer_lease SET holder = '999999-dood', until = now() + interval '30 seconds'`,
      );
      await ds.query(`DELETE FROM search_outbox`);
      await ds.query(`INSERT INTO search_outbox (case_id, reason) VALUES ($1, 'change')`, [id]);
      return id;
    });
    const { server, finished } = await startServer();
    try {
      await new Promise((resolve) => setTimeout(resolve, 3000)); // far less than the 30 s
      server.kill('SIGTERM');
      expect((await finished).code).toBe(0);
    } finally {
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    const { lease, waiting } = await withDatabase(async ({ dataSource: ds }) => ({
      lease: (await ds.query(`SELECT holder FROM search_indexer_lease`))[0].holder as string,
      waiting: await ds.query(`SELECT id FROM search_outbox WHERE case_id = $1`, [caseId]),
    }));
    expect(lease).toMatch(new RegExp(`^${server.pid}-`));
    expect(waiting).toEqual([]);
  }, 90_000);
});

describeEmbedded('upload temp files left by a crash', () => {
  const tmp = () => path.join(dataDir, 'tmp');
  const leave = (name: string, ageMs: number) => {
    mkdirSync(tmp(), { recursive: true });
    const file = path.join(tmp(), name);
    writeFileSync(file, Buffer.alloc(1024 * 1024));
    const when = new Date(Date.now() - ageMs);
    utimesSync(file, when, when);
  };

  it('are removed when the server starts', async () => {
    for (let i = 0; i < 3; i++) leave(`upload-na-kill-${i}`, 1000);
    const { server, finished } = await startServer();
    try {
      expect(readdirSync(tmp())).toEqual([]);
      server.kill('SIGTERM');
      expect((await finished).code).toBe(0);
    } finally {
      if (server.exitCode === null) server.kill('SIGKILL');
    }
  }, 90_000);

  it('are removed by gc-blobs once older than its grace period', async () => {
    leave('upload-oud', 2 * 60 * 60 * 1000);
    leave('upload-jong', 1000);
    const run = await cli(['gc-blobs']);
    expect(run.code).toBe(0);
    expect(readdirSync(tmp())).toEqual(['upload-jong']);
  });
});

describeEmbedded('bootstrapping production from an empty database', () => {
  let emptyDir: string;
  beforeAll(() => {
    emptyDir = mkdtempSync(path.join(os.tmpdir(), 'casusbank-leeg-'));
  });
  afterAll(() => rmSync(emptyDir, { recursive: true, force: true }));
  const prodCli = (args: string[], input = '') => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: childEnv({
        NODE_ENV: 'production',
        DATA_DIR: emptyDir,
        SESSION_SECRET: 's'.repeat(40),
        PUBLIC_URL: 'https://casusbank.example.nl',
      }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const done = collect(child);
    child.stdin!.end(input);
    return done;
  };

  it("README's first-admin command creates the organisation; org:create and org:list manage the rest", async () => {
    const first = await prodCli(
      [
        'user:create',
        '--email',
        'beheer@kenniscentrum.nl',
        '--name',
        'Eerste Beheerder',
        '--org',
        'Kenniscentrum',
        '--role',
        'admin',
      ],
      'drie paarden in de wei bij Zwolle\n',
    );
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Organisatie "Kenniscentrum" aangemaakt (kennisinstituut)');
    expect(first.stdout).toMatch(/Account \d+ aangemaakt voor beheer@kenniscentrum\.nl \(admin\)\./);

    const created = await prodCli([
      'org:create',
      '--name',
      'Woonstichting De Vaart',
      '--kind',
      'woningcorporatie',
    ]);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(
      /Organisatie \d+ aangemaakt: Woonstichting De Vaart \(woningcorporatie\)\./,
    );
    const duplicate = await prodCli(['org:create', '--name', 'woonstichting de vaart', '--kind', 'overig']);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('Er bestaat al een organisatie met deze naam.');
    const badKind = await prodCli(['org:create', '--name', 'Iets', '--kind', 'bank']);
    expect(badKind.code).toBe(1);
    expect(badKind.stderr).toContain('--kind moet een van');

    const list = await prodCli(['org:list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/Kenniscentrum \(kennisinstituut, 1 account\(s\)\)/);
    expect(list.stdout).toMatch(/Woonstichting De Vaart \(woningcorporatie, 0 account\(s\)\)/);

    // Once organisations exist, an unknown one is a typo, not a new organisation.
    const typo = await prodCli([
      'user:create',
      '--email',
      'lid@devaart.nl',
      '--name',
      'Lid',
      '--org',
      'Woonstichting De Vaartt',
      '--role',
      'practitioner',
    ]);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('Onbekende organisatie "Woonstichting De Vaartt"');
  }, 120_000);
});

describeEmbedded('Meilisearch keys and secrets at start-up', () => {
  const production = {
    NODE_ENV: 'production',
    SESSION_SECRET: 'a'.repeat(64),
    PUBLIC_URL: 'https://casusbank.example.nl',
    MEILI_URL: 'http://127.0.0.1:7700',
    MEILI_ADMIN_KEY: 'indexer-key',
    MEILI_SEARCH_KEY: 'search-key',
  };
  const start = (extra: Record<string, string>) =>
    collect(spawn(process.execPath, [SERVER], { env: childEnv(extra), stdio: ['ignore', 'pipe', 'pipe'] }));

  it('the server refuses the master key, and the example placeholders, before anything starts', async () => {
    const master = await start({ ...production, MEILI_MASTER_KEY: 'the-master-key-0123456789' });
    expect(master.code).toBe(1);
    expect(master.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^Configuratiefout: MEILI_MASTER_KEY hoort niet bij de app/),
    ]);
    const placeholder = await start({ SESSION_SECRET: 'change-me-session-secret-of-at-least-32-characters' });
    expect(placeholder.code).toBe(1);
    expect(placeholder.stderr).toMatch(/^Configuratiefout: SESSION_SECRET is nog de voorbeeldwaarde/);
  });

  it('meili:keys needs only MEILI_URL and the master key, and says which is missing', async () => {
    // No database and no app settings: the compose step gets nothing else.
    const child = spawn(process.execPath, [CLI, 'meili:keys'], {
      env: { PATH: process.env.PATH ?? '', MEILI_URL: 'http://127.0.0.1:7700' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const { code, stdout, stderr } = await collect(child);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual([
      'Configuratiefout: MEILI_MASTER_KEY is verplicht voor meili:keys',
    ]);
  });
});

describeEmbedded('the CLI for accounts', () => {
  const hashOf = (email: string) =>
    withDatabase(async (db) => {
      const [row] = await db.dataSource.query(`SELECT password_hash, roles FROM users WHERE email = $1`, [
        email,
      ]);
      return row as { password_hash: string; roles: string[] };
    });

  it('user:create takes the password from stdin and prints no password', async () => {
    const password = 'een-wachtwoord-uit-de-pijp';
    const run = await cli(
      [
        'user:create',
        '--email',
        'beheer@procestest.nl',
        '--name',
        'Beheer Procestest',
        '--org',
        ORGANIZATION,
        '--role',
        'admin',
        '--role',
        'curator',
      ],
      `${password}\n`,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Account \d+ aangemaakt voor beheer@procestest\.nl \(admin, curator\)\.$/m);
    expect(run.stdout).not.toContain(password);
    expect(run.stdout).not.toContain('Wachtwoord');
    const row = await hashOf('beheer@procestest.nl');
    expect(row.roles).toEqual(['admin', 'curator']);
    expect(await verifyPassword(row.password_hash, password)).toBe(true);
  });

  it('user:create generates a password when none is piped in, and prints it exactly once', async () => {
    const run = await cli([
      'user:create',
      '--email',
      'expert@procestest.nl',
      '--name',
      'Expert',
      '--org',
      ORGANIZATION,
      '--role',
      'expert',
    ]);
    expect(run.code).toBe(0);
    const shown = [...run.stdout.matchAll(/Wachtwoord \(wordt niet opnieuw getoond\): (\S+)/g)].map(
      (m) => m[1],
    );
    expect(shown).toHaveLength(1);
    expect(shown[0].length).toBeGreaterThanOrEqual(20);
    expect(await verifyPassword((await hashOf('expert@procestest.nl')).password_hash, shown[0])).toBe(true);
  });

  it('user:create refuses a weak password, an unknown organisation and a duplicate address', async () => {
    const weak = await cli(
      [
        'user:create',
        '--email',
        'zwak@procestest.nl',
        '--name',
        'Zwak',
        '--org',
        ORGANIZATION,
        '--role',
        'expert',
      ],
      'welkom123456\n',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('veelgebruikte wachtwoorden');
    const org = await cli([
      'user:create',
      '--email',
      'org@procestest.nl',
      '--name',
      'Org',
      '--org',
      'Bestaat Niet',
      '--role',
      'expert',
    ]);
    expect(org.code).toBe(1);
    expect(org.stderr).toContain(
      `Onbekende organisatie "Bestaat Niet". Bestaande organisaties: ${ORGANIZATION}.`,
    );
    const duplicate = await cli([
      'user:create',
      '--email',
      'BEHEER@procestest.nl',
      '--name',
      'Dubbel',
      '--org',
      ORGANIZATION,
      '--role',
      'expert',
    ]);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('Er bestaat al een account met dit e-mailadres.');
    expect(await hashOf('zwak@procestest.nl')).toBeUndefined();
    expect(await hashOf('org@procestest.nl')).toBeUndefined();
  });

  it('user:password sets a piped password, or generates and prints one once', async () => {
    const piped = await cli(
      ['user:password', '--email', 'beheer@procestest.nl'],
      'een-nieuw-wachtwoord-via-stdin\n',
    );
    expect(piped.code).toBe(0);
    expect(piped.stdout).toContain('Nieuw wachtwoord gezet voor beheer@procestest.nl');
    expect(piped.stdout).not.toContain('een-nieuw-wachtwoord-via-stdin');
    expect(
      await verifyPassword(
        (await hashOf('beheer@procestest.nl')).password_hash,
        'een-nieuw-wachtwoord-via-stdin',
      ),
    ).toBe(true);

    const generated = await cli(['user:password', '--email', 'beheer@procestest.nl']);
    expect(generated.code).toBe(0);
    const shown = [...generated.stdout.matchAll(/Wachtwoord \(wordt niet opnieuw getoond\): (\S+)/g)].map(
      (m) => m[1],
    );
    expect(shown).toHaveLength(1);
    expect(await verifyPassword((await hashOf('beheer@procestest.nl')).password_hash, shown[0])).toBe(true);

    const unknown = await cli(['user:password', '--email', 'niemand@procestest.nl']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Geen account met e-mailadres niemand@procestest.nl.');
  });
});

describeEmbedded('the CLI for maintenance', () => {
  it('vacuum cleans up the whole database and refreshes the planner statistics', async () => {
    const reltuples = () =>
      withDatabase(async (db) => {
        const [row] = await db.dataSource.query(`SELECT reltuples FROM pg_class WHERE relname = 'users'`);
        return Number(row.reltuples);
      });
    expect(await reltuples()).toBe(-1); // never vacuumed or analysed: PGlite has no autovacuum

    const run = await cli(['vacuum']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Database opgeruimd in \d+\.\d s: [\d.]+ MB → [\d.]+ MB\.$/m);
    expect(await reltuples()).toBeGreaterThanOrEqual(1);
  });
});
