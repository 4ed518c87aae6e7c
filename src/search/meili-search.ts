import { Meilisearch } from 'meilisearch';
import type { CaseSearch } from './case-search';

/** Meilisearch adapter (production). */
export class MeiliCaseSearch implements CaseSearch {
  readonly engine = 'meilisearch' as const;
  private readonly client: Meilisearch;

  constructor(options: { url: string; apiKey?: string }) {
    this.client = new Meilisearch({ host: options.url, apiKey: options.apiKey });
  }

  async health(): Promise<void> {
    const health = await this.client.health();
    if (health.status !== 'available') throw new Error(`Meilisearch meldt status ${health.status}`);
  }
}
