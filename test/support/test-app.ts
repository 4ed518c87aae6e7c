import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createApp, type App } from '../../src/app';
import { parseConfig, type Config } from '../../src/config';
import type { Mailer } from '../../src/mail/mailer';
import type { CaseSearch } from '../../src/search/case-search';
import { createSearchStack } from '../../src/search/create-search';
import type { SearchIndexer } from '../../src/search/indexer';
import type { Thesaurus } from '../../src/search/thesaurus';
import { createTestDatabase, type TestDatabase } from './test-db';

export interface TestContext {
  app: App;
  db: TestDatabase;
  config: Config;
  search: CaseSearch;
  indexer: SearchIndexer;
  /** The app's thesaurus (the instance its Beheer pages write through). */
  thesaurus: Thesaurus;
  close(): Promise<void>;
}

/** The real app on this test file's own database, with a temporary DATA_DIR. */
export async function createTestApp(
  overrides: {
    env?: Record<string, string>;
    search?: (db: TestDatabase) => CaseSearch;
    mailer?: Mailer;
  } = {},
): Promise<TestContext> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'casusbank-test-'));
  const parsed = parseConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...overrides.env });
  const config: Config = { ...parsed, sessionSecret: 'test-session-secret-that-is-long-enough-123' };
  const db = await createTestDatabase();
  const logger = pino({ level: 'silent' });
  const stack = createSearchStack({}, db, logger, overrides.search?.(db));
  stack.indexer.start();
  const thesaurus = stack.thesaurus;
  const app = createApp({ config, db, logger, ...stack, mailer: overrides.mailer });
  return {
    app,
    db,
    config,
    search: stack.search,
    indexer: stack.indexer,
    thesaurus,
    async close() {
      await stack.indexer.stop();
      await app.shutdown();
      await db.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
