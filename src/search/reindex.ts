import type { Database } from '../db/data-source';
import type { SearchStack } from './create-search';
import { reindexAll } from './indexer';

/** On start: an empty index over a database with cases (new install, new engine) is filled first. */
export async function reindexIfEmpty(db: Database, stack: SearchStack): Promise<number> {
  const [{ cases }] = await db.dataSource.query(`SELECT count(*)::int AS cases FROM cases`);
  if (cases === 0) return 0;
  const [{ docs, queued }] = await db.dataSource.query(
    `SELECT (SELECT count(*)::int FROM search_documents) AS docs, (SELECT count(*)::int FROM search_outbox) AS queued`,
  );
  if (docs > 0 || queued > 0) return 0; // indexed already, or the outbox is about to bring it up to date
  return reindexAll(db.dataSource, stack.search === stack.searchFallback ? [stack.search] : [stack.searchFallback, stack.search]);
}
