import 'reflect-metadata';
import type { Server } from 'node:http';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { releaseDeadIndexerLease, startEmbeddedMaintenance } from './db/maintenance';
import { openDatabase, type Database } from './db/data-source';
import { DataDirLockedError } from './db/data-dir-lock';
import { removeStaleUploads } from './attachments/blob-store';
import { demoAccountLines, isEmptyDatabase, seedDemo } from './demo/seed-demo';
import { createLogger } from './logger';
import { scheduleRetention } from './privacy/retention';
import { reindexIfEmpty } from './search/reindex';
import { createSearchStack } from './search/create-search';
import { createHttpServer } from './web/http-server';

const SHUTDOWN_GRACE_MS = 10_000;
/** A text extraction still running at shutdown gets this long; then its worker stops (row stays pending). */
const EXTRACTION_GRACE_MS = 5_000;
/** If closing hangs anyway (a close step that never settles), the process still ends. */
const HARD_EXIT_MS = SHUTDOWN_GRACE_MS + EXTRACTION_GRACE_MS + 10_000;

/** Start: config → database (migrations, demo data) → search → listen; graceful shutdown on signals. */
async function main() {
  const started = Date.now();
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) console.error(`Configuratiefout: ${problem}`);
      process.exit(1);
    }
    throw error;
  }
  // At a terminal outside production: one readable line per request; otherwise JSON for log tools.
  const logger = createLogger(config.logLevel, {
    readable: !config.isProduction && process.stdout.isTTY === true && process.env.LOG_FORMAT !== 'json',
  });

  let db: Database;
  try {
    db = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      purpose: 'server',
      onPoolError: (error) => logger.warn({ err: error }, 'database connection lost'),
    });
  } catch (error) {
    console.error(startupDatabaseMessage(error, config));
    process.exit(1);
  }

  if (db.mode === 'embedded' && !config.isProduction && (await isEmptyDatabase(db.dataSource))) {
    const result = await seedDemo(db.dataSource);
    logger.info({ cases: result.cases }, 'demo data loaded into the empty embedded database');
    console.log('\nDemo-accounts (alleen buiten productie):');
    for (const line of demoAccountLines(result.accounts)) console.log(line);
    console.log('');
  }

  // Upload temp files a crash left. Embedded, this process holds the DATA_DIR lock: no other
  // one can be uploading, so all go; app processes sharing a server database keep young ones.
  const stale = await removeStaleUploads(
    config.dataDir,
    new Date(Date.now() - (db.mode === 'embedded' ? 0 : 10 * 60 * 1000)),
  );
  if (stale.count > 0) logger.info(stale, 'removed upload temp files left by an earlier run');

  if (db.mode === 'embedded' && (await releaseDeadIndexerLease(db.dataSource))) {
    logger.info('search indexer lease of a stopped process released');
  }

  const stopMaintenance = db.mode === 'embedded' ? startEmbeddedMaintenance(db.dataSource, logger) : () => {};
  const stack = createSearchStack(config, db, logger);
  const { search, indexer } = stack;
  const app = createApp({ config, db, logger, ...stack });
  const { extraction, retention } = app.context.services;
  const stopRetention = scheduleRetention(retention, logger);
  // Not app.listen: Express 5 calls its callback on an error too, which printed "is gestart"
  // before "Poort … in gebruik".
  const server: Server = createHttpServer(app);
  server.once('listening', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info(
      { port, database: db.mode, search: search.engine, startupMs: Date.now() - started },
      'Casusbank is gestart',
    );
    // Index in the background: the app answers (from PostgreSQL) while a new engine fills up.
    void reindexIfEmpty(db, stack)
      .catch((error) => logger.warn({ err: error }, 'initial search indexing failed; the indexer retries'))
      .finally(() => indexer.start());
    // Attachments left 'pending' by a crash or restart get their text now, not at the next upload.
    extraction.kick();
    // Publications, due digests and mail retries, every minute (and after commits that queue something).
    app.context.services.notificationJob.start();
    app.context.services.notificationJob.kick();
    console.log(
      `Casusbank draait op http://localhost:${port} (database: ${db.mode === 'embedded' ? 'ingebouwd' : 'server'}, zoeken: ${search.engine})`,
    );
  });
  server.once('error', (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `Poort ${config.port} is al in gebruik; kies een andere met PORT=…`
        : `Server kon niet starten: ${error.message}`,
    );
    void db.close().finally(() => process.exit(1));
  });
  server.listen(config.port);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: no new connections, finishing requests in flight');
    const force = setTimeout(() => {
      logger.warn('requests still running after 10 s; closing them');
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    const hard = setTimeout(() => {
      logger.error('shutdown did not finish in time; exiting');
      process.exit(1);
    }, HARD_EXIT_MS);
    hard.unref();
    // Drains alongside the requests: the running extraction may finish, no new one starts.
    const extractionDrained = extraction.stop(EXTRACTION_GRACE_MS);
    server.close(async () => {
      clearTimeout(force);
      // Each step on its own: one that throws is logged and the others still run.
      const step = async (name: string, close: () => Promise<unknown> | unknown) => {
        try {
          await close();
        } catch (error) {
          logger.error({ err: error, step: name }, 'shutdown step failed');
        }
      };
      stopMaintenance();
      stopRetention();
      await step('text extraction', () => extractionDrained);
      await step('app', () => app.shutdown());
      await step('search indexer', () => indexer.stop());
      await step('search', () => search.close?.());
      await step('database', () => db.close());
      logger.info('stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

/** The usual reasons a database server cannot be reached, in words (codes from Node and PostgreSQL). */
const DATABASE_PROBLEMS: Record<string, string> = {
  ECONNREFUSED: 'de verbinding wordt geweigerd (draait de server op die poort?)',
  ENOTFOUND: 'de servernaam is onbekend',
  EAI_AGAIN: 'de servernaam kon niet worden opgezocht',
  ETIMEDOUT: 'de server antwoordt niet',
  '28P01': 'gebruikersnaam of wachtwoord klopt niet',
  '28000': 'deze gebruiker mag niet verbinden',
  '3D000': 'de database bestaat niet',
};

function startupDatabaseMessage(error: unknown, config: Config): string {
  if (error instanceof DataDirLockedError) return `Database niet beschikbaar: ${error.message}`;
  const e = error as { code?: string; message?: string };
  if (config.databaseUrl) {
    let where = 'DATABASE_URL';
    try {
      const url = new URL(config.databaseUrl);
      where = `${url.hostname}:${url.port || 5432}/${url.pathname.slice(1)}`;
    } catch {
      /* keep the generic name */
    }
    const reason = (e.code && DATABASE_PROBLEMS[e.code]) || `${e.code ?? ''} ${e.message ?? String(error)}`;
    return `Database niet bereikbaar (${where}): ${reason}. Controleer DATABASE_URL en of PostgreSQL draait.`
      .replace(/\s+/g, ' ')
      .trim();
  }
  return `Ingebouwde database in ${config.dataDir} kon niet openen: ${e.message ?? String(error)}`.replace(
    /\s+/g,
    ' ',
  );
}

main().catch((error) => {
  console.error(`Casusbank kon niet starten: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
