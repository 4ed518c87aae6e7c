import type { CaseSearch } from '../../src/search/case-search';

/**
 * A test double for an engine that can go down: while `down`, every call fails like an
 * unreachable server; otherwise it forwards to a real adapter. The data flow stays real.
 */
export class SwitchableSearch implements CaseSearch {
  readonly engine = 'meilisearch' as const;
  down = false;
  calls = 0;
  constructor(private readonly real: CaseSearch) {}

  private guard() {
    this.calls++;
    if (this.down)
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7700'), { code: 'ECONNREFUSED' });
  }
  async health() {
    this.guard();
  }
  async upsert(...args: Parameters<CaseSearch['upsert']>) {
    this.guard();
    return this.real.upsert(...args);
  }
  async remove(...args: Parameters<CaseSearch['remove']>) {
    this.guard();
    return this.real.remove(...args);
  }
  async search(...args: Parameters<CaseSearch['search']>) {
    this.guard();
    return this.real.search(...args);
  }
  async related(...args: Parameters<CaseSearch['related']>) {
    this.guard();
    return this.real.related(...args);
  }
  async reset() {
    this.guard();
    return this.real.reset();
  }
  async documentCount() {
    this.guard();
    return this.real.documentCount();
  }
}
