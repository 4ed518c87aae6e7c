import type { SearchDocument } from './search-document';
import type { SearchQuery, SearchResult, SearchViewer } from './search-query';

export interface RelatedQuery {
  caseId: number;
  limit: number;
}

/**
 * The search port. Two adapters answer it: Meilisearch (MEILI_URL set) and PostgreSQL full-text.
 * Start-up picks one; routes and the indexer only know this interface.
 */
export interface CaseSearch {
  readonly engine: 'postgres' | 'meilisearch' | 'embedded';
  /** Throws when the engine cannot answer (used by /readyz). */
  health(): Promise<void>;
  /** Adds or replaces documents (idempotent). */
  upsert(docs: SearchDocument[]): Promise<void>;
  /** Removes documents; unknown ids are fine (idempotent). */
  remove(ids: number[]): Promise<void>;
  /** Hits, total and facets, limited to what the viewer may see. */
  search(query: SearchQuery, viewer: SearchViewer): Promise<SearchResult>;
  /** Ids of published cases most like this one (never the case itself). */
  related(query: RelatedQuery, viewer: SearchViewer): Promise<number[]>;
  /** Empties the index. */
  reset(): Promise<void>;
  /** How many documents the engine holds (start-up fills an empty engine from PostgreSQL). */
  documentCount(): Promise<number>;
  /**
   * Rebuilds from scratch while search keeps answering: the adapter receives every document
   * in batches (Meilisearch fills a new index and swaps it in).
   */
  rebuild?(batches: AsyncIterable<SearchDocument[]>): Promise<void>;
  /** Called after a full rebuild through upsert (PostgreSQL recomputes word counts). */
  finishRebuild?(): Promise<void>;
  close?(): Promise<void>;
  /** Whether the engine is being rebuilt or read into memory (PostgreSQL answers meanwhile), for /readyz. */
  state?(): { documents: number; rebuilding: boolean; loading?: boolean };
  /** Start-up found nothing to rebuild: a new, empty index may answer. */
  markReady?(): void;
}
