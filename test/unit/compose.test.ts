import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CONFIG_ENV_NAMES } from '../../src/config';

// Checks the production files (docker-compose.yml, .env.example, Dockerfile) against the code:
// nobody can run Docker on the development machines, so these are read and checked as text.

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const KNOWN = new Set<string>(CONFIG_ENV_NAMES);
const SECRETS = ['POSTGRES_PASSWORD', 'MEILI_MASTER_KEY', 'SESSION_SECRET'];

type Service = {
  image?: string;
  build?: unknown;
  profiles?: string[];
  command?: unknown;
  environment?: unknown;
  volumes?: unknown;
  depends_on?: unknown;
  healthcheck?: { test?: unknown };
};
type Compose = { services: Record<string, Service>; volumes?: Record<string, unknown> };

/** A service's environment as name → value, from the map form or the list form (`NAME=value`, `NAME`). */
export function environmentOf(service: Pick<Service, 'environment'>): Map<string, string | undefined> {
  const env = new Map<string, string | undefined>();
  const block = service.environment;
  if (block === undefined || block === null) return env;
  if (Array.isArray(block)) {
    for (const entry of block) {
      const text = String(entry);
      const eq = text.indexOf('=');
      if (eq === -1) env.set(text.trim(), undefined);
      else env.set(text.slice(0, eq).trim(), text.slice(eq + 1));
    }
  } else if (typeof block === 'object') {
    for (const [name, value] of Object.entries(block as Record<string, unknown>)) {
      env.set(name, value === null || value === undefined ? undefined : String(value));
    }
  } else {
    throw new Error(`environment must be a list or a map, got ${typeof block}`);
  }
  return env;
}

/** A service's volume mounts as [source, target] pairs, from the short or the long syntax. */
function mountsOf(service: Service): Array<[string, string]> {
  const volumes = Array.isArray(service.volumes) ? service.volumes : [];
  return volumes.map((v: unknown): [string, string] => {
    if (typeof v === 'string') {
      const [source, target] = v.split(':');
      return [source, target];
    }
    const long = v as { source?: string; target?: string };
    return [String(long.source), String(long.target)];
  });
}

/** depends_on as service → condition, from the list or the map form. */
function dependsOn(service: Service): Map<string, string> {
  const deps = service.depends_on;
  if (Array.isArray(deps)) return new Map(deps.map((d) => [String(d), 'service_started']));
  if (deps && typeof deps === 'object') {
    return new Map(
      Object.entries(deps as Record<string, { condition?: string } | null>).map(([name, d]) => [
        name,
        d?.condition ?? 'service_started',
      ]),
    );
  }
  return new Map();
}

/** Variables set in an env file (`NAME=value` lines, comments and blanks skipped). */
function envFileValues(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(line);
    if (match) values.set(match[1], match[2].trim().replace(/^(['"])(.*)\1$/, '$2'));
  }
  return values;
}

/** Every `${NAME…}` interpolation in the compose text (`$${…}` is an escaped literal, skipped). */
function interpolatedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(match[1]);
  return names;
}

/** Dockerfile instructions of the last stage, with line continuations joined and comments dropped. */
function finalStage(text: string): Array<{ op: string; args: string }> {
  const joined = text
    .split(/\r?\n/)
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\r?\n/g, ' ');
  const instructions = joined
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [, op, args] = /^(\S+)\s*(.*)$/.exec(line)!;
      return { op: op.toUpperCase(), args };
    });
  const lastFrom = instructions.map((i) => i.op).lastIndexOf('FROM');
  return instructions.slice(lastFrom);
}

const composeText = read('docker-compose.yml');
const compose = parse(composeText) as Compose;
const services = compose.services ?? {};
const app = services.app;
const appEnv = app ? environmentOf(app) : new Map<string, string | undefined>();
const envExample = envFileValues(read('.env.example'));
const dockerfile = read('Dockerfile');

describe('environmentOf', () => {
  it('reads the map form and the list form alike', () => {
    const fromMap = environmentOf({ environment: { A: 'x=y', B: 3, C: null } });
    const fromList = environmentOf({ environment: ['A=x=y', 'B=3', 'C'] });
    expect([...fromMap]).toEqual([
      ['A', 'x=y'],
      ['B', '3'],
      ['C', undefined],
    ]);
    expect([...fromList]).toEqual([...fromMap]);
    expect(environmentOf({}).size).toBe(0);
  });
});

describe('docker-compose.yml', () => {
  it('has the services db, search and app, and the one-off meili-keys step', () => {
    expect(Object.keys(services).sort()).toEqual(['app', 'db', 'meili-keys', 'search']);
    expect(app.build).toBeDefined();
  });

  it('gives the app only environment variables that src/config.ts reads', () => {
    expect(appEnv.size).toBeGreaterThan(0);
    const unknown = [...appEnv.keys()].filter((name) => !KNOWN.has(name));
    expect(unknown).toEqual([]);
  });

  it('gives the app its database, search engine, session secret and data directory', () => {
    for (const name of ['DATABASE_URL', 'MEILI_URL', 'SESSION_SECRET', 'DATA_DIR']) {
      expect([name, appEnv.get(name)?.trim() || undefined]).toEqual([name, expect.any(String)]);
    }
    expect(appEnv.get('NODE_ENV')).toBe('production');
    expect(appEnv.get('DATABASE_URL')).toMatch(/^postgres(ql)?:\/\/casusbank:.+@db:5432\/casusbank$/);
    expect(appEnv.get('MEILI_URL')).toBe('http://search:7700');
  });

  it('gives the master key only to Meilisearch and the meili-keys step, the app its two scoped keys', () => {
    const holders = Object.entries(services)
      .filter(([, service]) => environmentOf(service).has('MEILI_MASTER_KEY'))
      .map(([name]) => name)
      .sort();
    expect(holders).toEqual(['meili-keys', 'search']);
    for (const name of holders)
      expect(environmentOf(services[name]).get('MEILI_MASTER_KEY')).toMatch(/^\$\{MEILI_MASTER_KEY:?\?/);
    // No literal key in the file: the app's keys come from .env (empty until the step has run).
    expect(appEnv.get('MEILI_ADMIN_KEY')).toMatch(/^\$\{MEILI_ADMIN_KEY(:?-|:?\?[^}]*)?\}$/);
    expect(appEnv.get('MEILI_SEARCH_KEY')).toMatch(/^\$\{MEILI_SEARCH_KEY(:?-|:?\?[^}]*)?\}$/);
  });

  it('runs `cli meili:keys` as a one-off step that `docker compose up` does not start', () => {
    const keys = services['meili-keys'];
    expect(keys.profiles ?? []).not.toHaveLength(0);
    expect([keys.command].flat().join(' ')).toMatch(/dist\/src\/cli\.js meili:keys$/);
    expect(environmentOf(keys).get('MEILI_URL')).toBe('http://search:7700');
    expect(dependsOn(keys).get('search')).toBe('service_healthy');
  });

  it('keeps DATA_DIR on the appdata volume', () => {
    expect(mountsOf(app)).toContainEqual(['appdata', appEnv.get('DATA_DIR')]);
  });

  it('runs a pinned Meilisearch v1 release in production mode', () => {
    const match = /^(?:docker\.io\/)?getmeili\/meilisearch:v1\.(\d+)(?:\.\d+)?$/.exec(
      services.search.image ?? '',
    );
    expect(match).not.toBeNull();
    // The ranking rules name attributeRank/wordPosition (v1.36); reindex swaps with `rename` (v1.18).
    expect(Number(match![1])).toBeGreaterThanOrEqual(36);
    const env = environmentOf(services.search);
    expect(env.get('MEILI_ENV')).toBe('production');
    expect(env.get('MEILI_NO_ANALYTICS')).toBe('true');
    expect(mountsOf(services.search)).toContainEqual(['meilidata', '/meili_data']);
  });

  it('runs PostgreSQL 16 with its data on the pgdata volume', () => {
    expect(services.db.image).toMatch(
      /^(?:docker\.io\/)?(?:library\/)?postgres:16(?:\.\d+)*(?:-[a-z0-9.]+)?$/,
    );
    const env = environmentOf(services.db);
    expect(env.get('POSTGRES_DB')).toBe('casusbank');
    expect(env.get('POSTGRES_USER')).toBe('casusbank');
    expect(env.get('POSTGRES_PASSWORD')).toMatch(/^\$\{POSTGRES_PASSWORD/);
    expect(mountsOf(services.db)).toContainEqual(['pgdata', '/var/lib/postgresql/data']);
  });

  it('declares the three named volumes', () => {
    expect(Object.keys(compose.volumes ?? {})).toEqual(
      expect.arrayContaining(['pgdata', 'meilidata', 'appdata']),
    );
  });

  it('starts the app once db is healthy and search has started (PostgreSQL answers meanwhile)', () => {
    const deps = dependsOn(app);
    expect(deps.get('db')).toBe('service_healthy');
    expect(deps.get('search')).toBe('service_started');
    expect(services.db.healthcheck?.test).toBeDefined();
    expect(services.search.healthcheck?.test).toBeDefined();
  });

  it('checks PostgreSQL over TCP, not the socket that answers during first-boot setup', () => {
    const test = [services.db.healthcheck?.test].flat().map(String);
    expect(test).toContain('pg_isready');
    expect(test[test.indexOf('-h') + 1]).toBe('127.0.0.1');
  });

  it('takes its secrets from .env without a fallback value', () => {
    for (const secret of SECRETS) {
      const uses = [...composeText.matchAll(new RegExp(`\\$\\{${secret}([^}]*)\\}`, 'g'))].map((m) => m[1]);
      expect([secret, uses.length > 0]).toEqual([secret, true]);
      // `${NAME:?message}` or `${NAME?message}` stops compose when unset; `:-default` would ship a known secret.
      for (const use of uses) expect([secret, use]).toEqual([secret, expect.stringMatching(/^:?\?/)]);
    }
  });
});

describe('.env.example', () => {
  it('documents every variable docker-compose.yml interpolates', () => {
    const names = interpolatedNames(composeText);
    for (const secret of SECRETS) expect(names).toContain(secret);
    const missing = [...names].filter((name) => !envExample.has(name));
    expect(missing).toEqual([]);
  });

  it('leaves the secrets empty, so nobody runs with a published example value', () => {
    for (const secret of [...SECRETS, 'MEILI_ADMIN_KEY', 'MEILI_SEARCH_KEY']) {
      expect([secret, envExample.get(secret)]).toEqual([secret, '']);
    }
  });
});

describe('Dockerfile', () => {
  const stage = finalStage(dockerfile);

  it('builds and runs on Node 22 (20 is past its end of life) in more than one stage', () => {
    const froms = dockerfile.split(/\r?\n/).filter((line) => /^\s*FROM\s/i.test(line));
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) expect(from).toMatch(/\snode:22-bookworm-slim\b/);
    // `npm ci` refuses the lockfile made on the development machines (see the Dockerfile's comment).
    const runs = dockerfile.split(/\r?\n/).filter((line) => !/^\s*#/.test(line));
    expect(runs.join('\n')).toMatch(/\bnpm install\b/);
    expect(runs.join('\n')).not.toMatch(/\bnpm ci\b/);
  });

  it('runs the app as a user other than root', () => {
    const users = stage.filter((i) => i.op === 'USER').map((i) => i.args.split(':')[0].trim());
    expect(users.length).toBeGreaterThan(0);
    expect(['root', '0']).not.toContain(users[users.length - 1]);
  });

  it('has a health check', () => {
    const checks = stage.filter((i) => i.op === 'HEALTHCHECK');
    expect(checks).toHaveLength(1);
    expect(checks[0].args).toMatch(/\bCMD\b/);
    expect(checks[0].args).toContain('/healthz');
  });

  it('starts the compiled server and sets only known environment variables', () => {
    expect(stage.filter((i) => i.op === 'CMD').pop()?.args).toMatch(/dist\/src\/server\.js/);
    const names = stage
      .filter((i) => i.op === 'ENV')
      .flatMap((i) => [...i.args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=/g)].map((m) => m[1]));
    expect(names).toEqual(expect.arrayContaining(['NODE_ENV', 'DATA_DIR', 'PORT']));
    expect(names.filter((name) => !KNOWN.has(name))).toEqual([]);
  });
});
