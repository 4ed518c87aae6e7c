import type { Config } from '../config';
import type { Database } from '../db/data-source';
import type { CaseSearch } from './case-search';
import { MeiliCaseSearch } from './meili-search';
import { PostgresCaseSearch } from './postgres-search';

/** MEILI_URL set → Meilisearch; otherwise PostgreSQL full-text search on the same database. */
export function createCaseSearch(config: Pick<Config, 'meiliUrl' | 'meiliMasterKey'>, db: Database): CaseSearch {
  if (config.meiliUrl) return new MeiliCaseSearch({ url: config.meiliUrl, apiKey: config.meiliMasterKey });
  return new PostgresCaseSearch(db.dataSource);
}
