import type { DataSource } from 'typeorm';
import type { CaseSearch } from './case-search';

/** PostgreSQL full-text adapter: documents live in search_documents beside the data. */
export class PostgresCaseSearch implements CaseSearch {
  readonly engine = 'postgres' as const;
  constructor(private readonly dataSource: DataSource) {}

  async health(): Promise<void> {
    await this.dataSource.query('SELECT 1 FROM search_documents LIMIT 1');
  }
}
