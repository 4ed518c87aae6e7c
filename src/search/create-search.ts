import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Database } from '../db/data-source';
import type { CaseSearch } from './case-search';
import { EmbeddedCaseSearch } from './embedded-search';
import { EmbeddedSearchWorker } from './embedded-search-worker';
import { SearchIndexer } from './indexer';
import { LexiconSuggestions } from './lexicon';
import { MeiliCaseSearch } from './meili-search';
import { PostgresCaseSearch } from './postgres-search';
import { Thesaurus } from './thesaurus';
import { buildThesaurusIndex } from './thesaurus-index';
import type { ThesaurusIndex } from './embedded-query';
import path from 'node:path';

export interface SearchStack {
  /** The engine that answers searches. */
  search: CaseSearch;
  /** PostgreSQL full-text search on the same data: answers when Meilisearch is down. */
  searchFallback: CaseSearch;
  indexer: SearchIndexer;
  /** The kerngroep's thesaurus: every engine searches with it; Beheer edits it. */
  thesaurus: Thesaurus;
}

/** The embedded index file in DATA_DIR. */
export const embeddedIndexFile = (dataDir: string) => path.join(dataDir, 'search', 'cases.sqlite');

/**
 * MEILI_URL set → Meilisearch (OR queries, which its q cannot express, are answered from
 * PostgreSQL); otherwise the embedded engine (SEARCH_ENGINE=postgres: PostgreSQL full text alone).
 * The PostgreSQL index is kept as a mirror that answers while the primary engine is down or being
 * rebuilt. Without a dataDir the embedded index lives in memory, in the process (tests).
 */
export function createSearchStack(
  config: Partial<Pick<Config, 'meiliUrl' | 'meiliAdminKey' | 'meiliSearchKey' | 'searchEngine' | 'dataDir'>>,
  db: Database,
  logger?: Logger,
  primary?: CaseSearch,
): SearchStack {
  const thesaurus = new Thesaurus(db.dataSource, logger);
  // Built once per version of the thesaurus, shared by the engines; a change takes effect at the next search.
  let index: Promise<ThesaurusIndex> | null = null;
  const thesaurusIndex = () =>
    (index ??= thesaurus
      .groups()
      .then(buildThesaurusIndex)
      .catch((error) => {
        index = null;
        throw error;
      }));
  thesaurus.onChange(() => {
    index = null;
  });
  const postgres = new PostgresCaseSearch(db.dataSource, { thesaurus: thesaurusIndex });
  const search =
    primary ??
    (config.meiliUrl
      ? new MeiliCaseSearch({
          url: config.meiliUrl,
          adminKey: config.meiliAdminKey,
          searchKey: config.meiliSearchKey,
          suggestions: new LexiconSuggestions(db.dataSource, postgres.lexicon),
          orQueries: postgres,
          thesaurus: () => thesaurus.groups(),
        })
      : config.searchEngine === 'postgres'
        ? postgres
        : config.dataDir
          ? // The index in DATA_DIR, searched on a worker thread (the event loop never waits for it).
            new EmbeddedSearchWorker({
              file: embeddedIndexFile(config.dataDir),
              logger,
              thesaurus: () => thesaurus.groups(),
            })
          : new EmbeddedCaseSearch({ file: null, logger, thesaurus: thesaurusIndex }));
  if (search instanceof MeiliCaseSearch)
    thesaurus.onChange(() => {
      void search
        .updateSynonyms()
        .catch((error) =>
          logger?.warn({ err: error }, 'Meilisearch synonyms not updated; applied at the next start'),
        );
    });
  // One target per engine: the outbox records progress by engine name.
  const targets = search.engine === postgres.engine ? [search] : [postgres, search];
  return {
    search,
    searchFallback: postgres,
    indexer: new SearchIndexer(db.dataSource, targets, logger),
    thesaurus,
  };
}
