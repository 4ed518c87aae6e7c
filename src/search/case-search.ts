/**
 * The search port. Two adapters answer it: Meilisearch (MEILI_URL set) and PostgreSQL full-text.
 * Start-up picks one; routes and the indexer only know this interface.
 */
export interface CaseSearch {
  readonly engine: 'postgres' | 'meilisearch';
  /** Throws when the engine cannot answer (used by /readyz). */
  health(): Promise<void>;
  close?(): Promise<void>;
}
