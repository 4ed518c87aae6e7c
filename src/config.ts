import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Every environment variable the app reads, in one place (the compose test checks these names). */
export const CONFIG_ENV_NAMES = [
  'NODE_ENV',
  'PORT',
  'DATABASE_URL',
  'DATA_DIR',
  'MEILI_URL',
  'MEILI_MASTER_KEY',
  'MEILI_ADMIN_KEY',
  'MEILI_SEARCH_KEY',
  'SEARCH_ENGINE',
  'SESSION_SECRET',
  'LOG_LEVEL',
  'UPLOAD_MAX_MB',
  'SMTP_URL',
  'MAIL_FROM',
  'PUBLIC_URL',
  'SEARCH_INSIGHT_MIN_COUNT',
  'DRAFT_RETENTION_MONTHS',
  'DRAFT_REMOVAL_MONTHS',
] as const;

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Settings that hold a secret: a value still containing "change-me" (an example's placeholder) is refused. */
const SECRET_NAMES = [
  'SESSION_SECRET',
  'DATABASE_URL',
  'MEILI_MASTER_KEY',
  'MEILI_ADMIN_KEY',
  'MEILI_SEARCH_KEY',
] as const;
const PLACEHOLDER = /change-?me/i;

/** A whole number of months (retention of drafts). */
function months(fallback: number, min: number) {
  return z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'moet een aantal maanden zijn' })
      .int({ error: 'moet een geheel aantal maanden zijn' })
      .min(min, { error: `moet minstens ${min} zijn` })
      .max(120, { error: 'mag hoogstens 120 zijn' })
      .default(fallback),
  );
}

const schema = z
  .object({
    NODE_ENV: z.preprocess(
      emptyToUndefined,
      z
        .enum(['development', 'production', 'test'], { error: 'moet development, production of test zijn' })
        .default('development'),
    ),
    PORT: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: 'moet een getal zijn' })
        .int({ error: 'moet een geheel getal zijn' })
        .min(0, { error: 'moet tussen 0 en 65535 liggen' })
        .max(65535, { error: 'moet tussen 0 en 65535 liggen' })
        .default(3000),
    ),
    DATABASE_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, { error: 'moet beginnen met postgres:// of postgresql://' })
        .optional(),
    ),
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
    MEILI_URL: z.preprocess(emptyToUndefined, z.url({ error: 'moet een geldige URL zijn' }).optional()),
    // Read only by `cli meili:keys` (parseMeiliKeysEnv); the app itself refuses it in production.
    MEILI_MASTER_KEY: z.preprocess(emptyToUndefined, z.string().optional()),
    MEILI_ADMIN_KEY: z.preprocess(emptyToUndefined, z.string().optional()),
    MEILI_SEARCH_KEY: z.preprocess(emptyToUndefined, z.string().optional()),
    SEARCH_ENGINE: z.preprocess(
      emptyToUndefined,
      z.enum(['embedded', 'postgres'], { error: 'moet embedded of postgres zijn' }).default('embedded'),
    ),
    SESSION_SECRET: z.preprocess(
      emptyToUndefined,
      z.string().min(32, { error: 'moet minstens 32 tekens lang zijn' }).optional(),
    ),
    LOG_LEVEL: z.preprocess(
      emptyToUndefined,
      z
        .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
          error: 'moet fatal, error, warn, info, debug, trace of silent zijn',
        })
        .default('info'),
    ),
    UPLOAD_MAX_MB: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: 'moet een getal zijn' })
        .positive({ error: 'moet groter dan 0 zijn' })
        .max(1024, { error: 'mag hoogstens 1024 zijn' })
        .default(25),
    ),
    SEARCH_INSIGHT_MIN_COUNT: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: 'moet een getal zijn' })
        .int({ error: 'moet een geheel getal zijn' })
        .min(2, { error: 'moet minstens 2 zijn (één lid is altijd herkenbaar)' })
        .max(1000, { error: 'mag hoogstens 1000 zijn' })
        .default(3),
    ),
    SMTP_URL: z.preprocess(emptyToUndefined, z.string().optional()),
    MAIL_FROM: z.preprocess(emptyToUndefined, z.string().default('Casusbank <noreply@casusbank.local>')),
    PUBLIC_URL: z.preprocess(
      emptyToUndefined,
      z
        .url({ protocol: /^https?$/, error: 'moet een geldige http(s)-URL zijn' })
        .transform((url) => url.replace(/\/+$/, ''))
        .optional(),
    ),
    DRAFT_RETENTION_MONTHS: months(12, 1),
    DRAFT_REMOVAL_MONTHS: months(2, 0),
  })
  .superRefine((env, ctx) => {
    for (const name of SECRET_NAMES) {
      if (env[name] && PLACEHOLDER.test(env[name]))
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: 'is nog de voorbeeldwaarde ("change-me…"); vul een eigen, willekeurige waarde in',
        });
    }
    if (env.NODE_ENV === 'production' && env.MEILI_URL) {
      // The web process searches with a search-only key and indexes with a key scoped to cases*.
      if (env.MEILI_MASTER_KEY)
        ctx.addIssue({
          code: 'custom',
          path: ['MEILI_MASTER_KEY'],
          message:
            'hoort niet bij de app: alleen `cli meili:keys` gebruikt de hoofdsleutel; geef de app MEILI_ADMIN_KEY en MEILI_SEARCH_KEY',
        });
      for (const name of ['MEILI_ADMIN_KEY', 'MEILI_SEARCH_KEY'] as const)
        if (!env[name])
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message:
              'is verplicht als MEILI_URL is gezet in productie (maak de sleutels met `npm run cli -- meili:keys`)',
          });
    }
    if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'is verplicht als NODE_ENV=production',
      });
    }
    // Links in invitations and e-mails must not come from the request's Host header (injection).
    if (env.NODE_ENV === 'production' && !env.PUBLIC_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_URL'],
        message:
          'is verplicht als NODE_ENV=production (het adres waarop leden de site bereiken, bijv. https://casusbank.example.nl)',
      });
    }
  });

export interface Config {
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  databaseUrl?: string;
  dataDir: string;
  meiliUrl?: string;
  /** Indexer key: an admin key scoped to the cases* indexes. Never the master key. */
  meiliAdminKey?: string;
  /** Search-only key for the web requests. */
  meiliSearchKey?: string;
  /** Without Meilisearch: the embedded engine (one process, index in DATA_DIR) or PostgreSQL full text. */
  searchEngine: 'embedded' | 'postgres';
  sessionSecret: string;
  logLevel: string;
  uploadMaxBytes: number;
  /** Search insight shows a query only when at least this many members searched it in the month. */
  searchInsightMinCount: number;
  smtpUrl?: string;
  mailFrom: string;
  publicUrl?: string;
  /** Drafts untouched this long: the author is reminded (default 12 months). */
  draftRetentionMonths: number;
  /** … and this long after the reminder, still untouched, they are removed (default 2). */
  draftRemovalMonths: number;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Ongeldige configuratie:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment; throws ConfigError with one line per problem. Has no side effects. */
export function parseConfig(
  env: NodeJS.ProcessEnv,
): Omit<Config, 'sessionSecret'> & { sessionSecret?: string } {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'configuratie');
      const value = env[name];
      const shown = value !== undefined && !/SECRET|KEY|URL/.test(name) ? ` (nu: "${value}")` : '';
      return `${name} ${issue.message}${shown}`;
    });
    throw new ConfigError(problems);
  }
  const e = result.data;
  return {
    env: e.NODE_ENV,
    isProduction: e.NODE_ENV === 'production',
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    meiliUrl: e.MEILI_URL,
    meiliAdminKey: e.MEILI_ADMIN_KEY,
    meiliSearchKey: e.MEILI_SEARCH_KEY,
    searchEngine: e.SEARCH_ENGINE,
    sessionSecret: e.SESSION_SECRET,
    logLevel: e.LOG_LEVEL,
    uploadMaxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
    searchInsightMinCount: e.SEARCH_INSIGHT_MIN_COUNT,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: e.PUBLIC_URL,
    draftRetentionMonths: e.DRAFT_RETENTION_MONTHS,
    draftRemovalMonths: e.DRAFT_REMOVAL_MONTHS,
  };
}

/** What `cli meili:keys` needs, and only that: the Meilisearch address and its master key. */
export function parseMeiliKeysEnv(env: NodeJS.ProcessEnv): { url: string; masterKey: string } {
  const problems: string[] = [];
  const url = emptyToUndefined(env.MEILI_URL) as string | undefined;
  const masterKey = emptyToUndefined(env.MEILI_MASTER_KEY) as string | undefined;
  if (!url || !z.url().safeParse(url).success) problems.push('MEILI_URL moet een geldige URL zijn');
  if (!masterKey) problems.push('MEILI_MASTER_KEY is verplicht voor meili:keys');
  else if (PLACEHOLDER.test(masterKey))
    problems.push(
      'MEILI_MASTER_KEY is nog de voorbeeldwaarde ("change-me…"); vul een eigen, willekeurige waarde in',
    );
  if (problems.length) throw new ConfigError(problems);
  return { url: url!, masterKey: masterKey! };
}

/**
 * Outside production a missing SESSION_SECRET is generated once and kept in DATA_DIR,
 * so sessions survive restarts without the newcomer having to configure anything.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = parseConfig(env);
  mkdirSync(parsed.dataDir, { recursive: true });
  let sessionSecret = parsed.sessionSecret;
  if (!sessionSecret) {
    const file = path.join(parsed.dataDir, 'session-secret');
    if (existsSync(file)) sessionSecret = readFileSync(file, 'utf8').trim();
    if (!sessionSecret || sessionSecret.length < 32) {
      sessionSecret = randomBytes(32).toString('hex');
      writeFileSync(file, sessionSecret, { mode: 0o600 });
    }
  }
  return { ...parsed, sessionSecret };
}
