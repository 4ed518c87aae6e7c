import { searchPageModel } from '../../src/search/search-page.view-model';
import { searchParamsSchema, toSearchQuery } from '../../src/search/search.params';
import { emptyFacets } from '../../src/search/snippets';

const parsed = toSearchQuery(searchParamsSchema.parse({ q: 'huur' }), ['incasso']);
const result = (total: number, totalCapped = false) => ({
  total,
  totalCapped,
  page: 1,
  perPage: 20,
  tookMs: 12,
  hits: [],
  facets: { ...emptyFacets(), theme: { incasso: 1234 } },
  suggestions: [],
  corrections: [],
  expansions: [],
  degraded: false,
});

describe('search page: counts written the Dutch way', () => {
  it('writes thousands with a point, and "+" where the engine stopped counting', () => {
    expect(searchPageModel(parsed, result(1500), { incasso: 'Incasso' }).totalLabel).toBe('1.500');
    expect(searchPageModel(parsed, result(10000, true), { incasso: 'Incasso' }).totalLabel).toBe('10.000+');
    expect(searchPageModel(parsed, result(7), { incasso: 'Incasso' }).totalLabel).toBe('7');
  });
});
