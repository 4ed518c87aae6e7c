import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Database } from '../db/data-source';
import type { CaseSearch } from './case-search';
import { SearchIndexer } from './indexer';
import { LexiconSuggestions } from './lexicon';
import { MeiliCaseSearch } from './meili-search';
import { PostgresCaseSearch } from './postgres-search';

export interface SearchStack {
  /** The engine that answers searches. */
  search: CaseSearch;
  /** PostgreSQL full-text search on the same data: answers when Meilisearch is down. */
  searchFallback: CaseSearch;
  indexer: SearchIndexer;
}

/**
 * MEILI_URL set → Meilisearch, with the PostgreSQL index kept as a mirror for when it is down
 * (and for OR queries, which Meilisearch's q cannot express); otherwise PostgreSQL alone.
 */
export function createSearchStack(
  config: Pick<Config, 'meiliUrl' | 'meiliAdminKey' | 'meiliSearchKey'>,
  db: Database,
  logger?: Logger,
  primary?: CaseSearch,
): SearchStack {
  const postgres = new PostgresCaseSearch(db.dataSource);
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
      : postgres);
  // One target per engine: the outbox records progress by engine name.
  const targets = search.engine === postgres.engine ? [search] : [postgres, search];
  return { search, searchFallback: postgres, indexer: new SearchIndexer(db.dataSource, targets, logger) };
}
