import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Database } from '../db/data-source';
import type { CaseSearch } from './case-search';
import { SYNONYM_GROUPS } from './dutch';
import { EmbeddedCaseSearch } from './embedded-search';
import { SearchIndexer } from './indexer';
import { LexiconSuggestions } from './lexicon';
import { MeiliCaseSearch } from './meili-search';
import { PostgresCaseSearch } from './postgres-search';
import { buildThesaurusIndex } from './thesaurus-index';
import path from 'node:path';

export interface SearchStack {
  /** The engine that answers searches. */
  search: CaseSearch;
  /** PostgreSQL full-text search on the same data: answers when Meilisearch is down. */
  searchFallback: CaseSearch;
  indexer: SearchIndexer;
}

/** The embedded index file in DATA_DIR. */
export const embeddedIndexFile = (dataDir: string) => path.join(dataDir, 'search', 'cases.sqlite');

/**
 * MEILI_URL set → Meilisearch (OR queries, which its q cannot express, are answered from
 * PostgreSQL); otherwise the embedded engine (SEARCH_ENGINE=postgres: PostgreSQL full text alone).
 * The PostgreSQL index is kept as a mirror that answers while the primary engine is down or being
 * rebuilt. Without a dataDir the embedded index lives in memory (tests).
 */
export function createSearchStack(
  config: Partial<Pick<Config, 'meiliUrl' | 'meiliAdminKey' | 'meiliSearchKey' | 'searchEngine' | 'dataDir'>>,
  db: Database,
  logger?: Logger,
  primary?: CaseSearch,
): SearchStack {
  const postgres = new PostgresCaseSearch(db.dataSource);
  const thesaurus = buildThesaurusIndex(SYNONYM_GROUPS);
  const search =
    primary ??
    (config.meiliUrl
      ? new MeiliCaseSearch({
          url: config.meiliUrl,
          adminKey: config.meiliAdminKey,
          searchKey: config.meiliSearchKey,
          suggestions: new LexiconSuggestions(db.dataSource),
          orQueries: postgres,
        })
      : config.searchEngine === 'postgres'
        ? postgres
        : new EmbeddedCaseSearch({
            file: config.dataDir ? embeddedIndexFile(config.dataDir) : null,
            logger,
            thesaurus: () => thesaurus,
          }));
  // One target per engine: the outbox records progress by engine name.
  const targets = search.engine === postgres.engine ? [search] : [postgres, search];
  return { search, searchFallback: postgres, indexer: new SearchIndexer(db.dataSource, targets, logger) };
}
