import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { CaseSearch } from './case-search';
import type { SearchQuery, SearchResult, SearchViewer } from './search-query';
import { sharedVisibilitySql, visibilitySql } from './visibility';
import { SqlParams } from '../db/sql';

export interface ServiceResult extends SearchResult {
  /** The primary engine failed; this answer came from the PostgreSQL mirror. */
  degraded: boolean;
}

/**
 * What routes call: the primary engine, a PostgreSQL fallback when it is down, and a database
 * check of every hit so a stale index can never show a case the viewer may not see.
 */
export class SearchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly primary: CaseSearch,
    private readonly fallback: CaseSearch,
    private readonly logger?: Logger,
  ) {}

  async search(query: SearchQuery, viewer: SearchViewer): Promise<ServiceResult> {
    let result: SearchResult;
    let degraded = false;
    try {
      result = await this.primary.search(query, viewer);
    } catch (error) {
      if (this.fallback === this.primary) throw error;
      this.logger?.warn({ err: error }, 'search engine unavailable; answering from PostgreSQL');
      result = await this.fallback.search(query, viewer);
      degraded = true;
    }
    const allowed = await this.visibleIds(
      result.hits.map((h) => h.id),
      viewer,
    );
    const hits = result.hits.filter((h) => allowed.has(h.id));
    return { ...result, hits, total: result.total - (result.hits.length - hits.length), degraded };
  }

  /** Related published cases, checked against the database like every hit. */
  async related(caseId: number, viewer: SearchViewer, limit = 5): Promise<number[]> {
    let ids: number[];
    try {
      ids = await this.primary.related({ caseId, limit: limit + 2 }, viewer);
    } catch {
      ids = await this.fallback.related({ caseId, limit: limit + 2 }, viewer);
    }
    const p = new SqlParams(ids, caseId);
    const published = await this.dataSource.query(
      `SELECT id FROM cases c WHERE id = ANY($1) AND id <> $2 AND ${sharedVisibilitySql('c', (v) => p.add(v), [])}`,
      p.values,
    );
    const ok = new Set(published.map((r: { id: number }) => r.id));
    return ids.filter((id) => ok.has(id)).slice(0, limit);
  }

  private async visibleIds(ids: number[], viewer: SearchViewer): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    // Any status the viewer may find with some filter: the query's own filter was the engine's job.
    const p = new SqlParams(ids);
    const rows = await this.dataSource.query(
      `SELECT id FROM cases c WHERE id = ANY($1) AND ${visibilitySql('c', (v) => p.add(v), viewer, 'any')}`,
      p.values,
    );
    return new Set(rows.map((r: { id: number }) => r.id));
  }
}
