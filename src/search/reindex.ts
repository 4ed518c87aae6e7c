import type { Database } from '../db/data-source';
import type { CaseSearch } from './case-search';
import type { SearchStack } from './create-search';
import { reindexAll } from './indexer';

/**
 * On start: every engine that holds no documents while the database has cases (a new install,
 * a new or emptied Meilisearch index on an existing database) is rebuilt from PostgreSQL. Each
 * engine is asked for its own count: the PostgreSQL mirror being full says nothing about
 * Meilisearch. An engine for which the outbox already lists every case (a fresh import) is left
 * to the indexer, which would do the same work. Returns the number of cases indexed.
 */
export async function reindexIfEmpty(
  db: Database,
  stack: Pick<SearchStack, 'search' | 'searchFallback' | 'indexer'>,
): Promise<number> {
  const engines: CaseSearch[] =
    stack.search.engine === stack.searchFallback.engine
      ? [stack.search]
      : [stack.searchFallback, stack.search];
  const [{ cases }] = await db.dataSource.query(`SELECT count(*)::int AS cases FROM cases`);
  if (cases === 0) {
    for (const engine of engines) engine.markReady?.();
    return 0;
  }
  const empty: CaseSearch[] = [];
  const unreachable: string[] = [];
  for (const engine of engines) {
    let count: number;
    try {
      count = await engine.documentCount();
    } catch (error) {
      // One engine down must not keep the other from being filled; the caller hears about it.
      unreachable.push(`${engine.engine}: ${(error as Error).message}`);
      continue;
    }
    if (count > 0) continue;
    const [{ queued }] = await db.dataSource.query(
      `SELECT count(DISTINCT case_id)::int AS queued FROM search_outbox WHERE NOT ($1::text = ANY(applied_to))`,
      [engine.engine],
    );
    if (queued < cases) empty.push(engine);
  }
  // An engine left out has documents, or the indexer fills it from a complete outbox.
  for (const engine of engines) if (!empty.includes(engine)) engine.markReady?.();
  const indexed = empty.length
    ? await reindexAll(db.dataSource, empty, undefined, {
        allEngines: engines.map((e) => e.engine),
        indexer: stack.indexer,
      })
    : 0;
  if (unreachable.length)
    throw new Error(`zoekmachine niet bereikbaar bij de start (${unreachable.join('; ')})`);
  return indexed;
}
