import 'reflect-metadata';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import path from 'node:path';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { acquireDataDirLock } from './data-dir-lock';
import { entities } from './entities';
import { SnakeNamingStrategy } from './naming';

export interface Database {
  dataSource: DataSource;
  mode: 'embedded' | 'server';
  /** The pg pool TypeORM uses; shared with the session store so both see one transaction model. */
  pool: Pool;
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL server; unset → embedded PGlite. */
  databaseUrl?: string;
  /** Embedded: where PGlite keeps its files; unset → in memory (tests). */
  dataDir?: string;
  /** Embedded: start from a dumpDataDir() tarball (fast migrated databases for tests). */
  loadDataDir?: Blob;
  /** Who holds the DATA_DIR lock, for the message a second process gets. */
  purpose?: string;
  runMigrations?: boolean;
  onPoolError?: (error: Error) => void;
  poolSize?: number;
}

/**
 * PGlite's shared buffers (PostgreSQL's default is 128 MB, all of it in the process's memory from
 * the start). Its files are read through the operating system's page cache, so a smaller pool
 * cost no measurable time at 10,000 cases and keeps ~120 MB out of the app's resident memory.
 */
const EMBEDDED_SHARED_BUFFERS = '32MB';

/** Opens the one DataSource: a PostgreSQL server when a URL is given, embedded PGlite otherwise. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const common = {
    type: 'postgres' as const,
    entities,
    migrations,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: false,
  };

  let dataSource: DataSource;
  let pglite: PGlite | undefined;
  let releaseLock: (() => void) | undefined;

  if (options.databaseUrl) {
    dataSource = new DataSource({
      ...common,
      url: options.databaseUrl,
      extra: { max: options.poolSize ?? 10, connectionTimeoutMillis: 5000 },
    });
  } else {
    if (options.dataDir) {
      releaseLock = acquireDataDirLock(options.dataDir, options.purpose ?? 'casusbank');
    }
    try {
      pglite = new PGlite({
        dataDir: options.dataDir ? path.join(options.dataDir, 'pg') : undefined,
        loadDataDir: options.loadDataDir,
        extensions: { pg_trgm, unaccent },
        startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${EMBEDDED_SHARED_BUFFERS}`],
      });
      await pglite.waitReady;
    } catch (error) {
      releaseLock?.();
      throw error;
    }
    // PGlite is a single connection: a pool of one, kept open, so transactions stay isolated.
    dataSource = new DataSource({
      ...common,
      extra: { connection: createPgConfig(pglite).connection, max: 1, idleTimeoutMillis: 0 },
    });
  }

  try {
    await dataSource.initialize();
  } catch (error) {
    await pglite?.close().catch(() => undefined);
    releaseLock?.();
    throw error;
  }
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  // Without a listener an idle client's error (server restart) would crash the process.
  pool.on('error', (error) => options.onPoolError?.(error));

  if (options.runMigrations !== false) {
    await dataSource.runMigrations({ transaction: 'each' });
  }

  let closed = false;
  return {
    dataSource,
    pool,
    pglite,
    mode: options.databaseUrl ? 'server' : 'embedded',
    async close() {
      if (closed) return;
      closed = true;
      await dataSource.destroy().catch(() => undefined);
      if (pglite) await pglite.close().catch(() => undefined);
      releaseLock?.();
    },
  };
}

/** True when an error means the database cannot be reached (so the answer is 503, not 500). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | undefined;
  if (!e) return false;
  if (
    (e.code &&
      [
        'ECONNREFUSED',
        'ECONNRESET',
        'ETIMEDOUT',
        'ENOTFOUND',
        'EPIPE',
        '53300', // too_many_connections
        '57P01', // admin_shutdown
        '57P02', // crash_shutdown
        '57P03', // cannot_connect_now
      ].includes(e.code)) ||
    /^08/.test(e.code ?? '') || // connection_exception and its subclasses
    // object_not_in_prerequisite_state, as in "database … is not currently accepting connections"
    // (only then: the same code also means programming errors).
    (e.code === '55000' && /accepting connections/i.test(e.message ?? ''))
  ) {
    return true;
  }
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    e.message ?? '',
  );
}
