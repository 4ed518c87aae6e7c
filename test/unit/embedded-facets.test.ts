import { FacetColumns, type FacetFacts } from '../../src/search/embedded-facets';
import type { SearchFilters } from '../../src/search/search-query';

const facts = (over: Partial<FacetFacts>): FacetFacts => ({
  roles: ['verhuurder'],
  themes: ['incasso'],
  organizationKind: 'woningcorporatie',
  year: 2022,
  hasReflection: false,
  presented: false,
  answered: false,
  shared: true,
  ...over,
});
const none: SearchFilters = { roles: [], themes: [], organizationKinds: [], years: [], statuses: [] };

describe('facet columns: counts as the filters and facets of the search page need them', () => {
  it('counts each facet ignoring its own filter, and only cases passing every other filter', () => {
    const columns = new FacetColumns();
    columns.set(0, facts({ themes: ['incasso', 'overlast'], year: 2021 }));
    columns.set(1, facts({ roles: ['opdrachtgever'], themes: ['renovatie'], hasReflection: true }));
    columns.set(2, facts({ themes: ['overlast'], year: null }));
    const { total, facets, matching } = columns.count([0, 1, 2], {
      ...none,
      themes: ['overlast'],
      years: [2021],
    });
    expect(matching).toEqual([0]);
    expect(total).toBe(1);
    // Theme facet: cases passing the year filter, whatever their theme (only 0 has 2021).
    expect(facets.theme).toEqual({ incasso: 1, overlast: 1 });
    // Year facet: cases passing the theme filter (0 and 2; 2 has no year).
    expect(facets.year).toEqual({ '2021': 1 });
    expect(facets.hasReflection).toEqual({ false: 1 });
  });

  it('without filters counts every candidate', () => {
    const columns = new FacetColumns();
    columns.set(0, facts({ roles: ['verhuurder', 'ontwikkelaar'] }));
    columns.set(1, facts({ answered: true }));
    const { matching, facets } = columns.count([0, 1], none);
    expect(matching).toEqual([0, 1]);
    expect(facets.role).toEqual({ verhuurder: 2, ontwikkelaar: 1 });
    expect(facets.answered).toEqual({ false: 1, true: 1 });
  });

  it('keeps working past 31 themes (beyond one bit mask) and after slots are renumbered', () => {
    const columns = new FacetColumns();
    for (let i = 0; i < 40; i++) columns.set(i, facts({ themes: [`thema-${i}`, 'gedeeld'] }));
    const filtered = columns.count(
      Array.from({ length: 40 }, (_, i) => i),
      { ...none, themes: ['thema-35'] },
    );
    expect(filtered.matching).toEqual([35]);
    // The theme facet ignores the theme filter: every case counts there.
    expect(filtered.facets.theme['thema-2']).toBe(1);
    expect(filtered.facets.theme.gedeeld).toBe(40);
    const remap = new Int32Array(40).fill(-1);
    remap[35] = 0;
    columns.remap(remap);
    expect(columns.count([0], none).facets.theme).toEqual({ 'thema-35': 1, gedeeld: 1 });
  });

  it('counts the roles and themes two cases share (related cases), with few themes and with many', () => {
    const columns = new FacetColumns();
    const shared = (a: number, b: number) => ({
      roles: columns.similarity(a, b, { theme: 0, role: 1 }),
      themes: columns.similarity(a, b, { theme: 1, role: 0 }),
    });
    columns.set(0, facts({ roles: ['verhuurder', 'ontwikkelaar'], themes: ['incasso', 'overlast'] }));
    columns.set(1, facts({ roles: ['ontwikkelaar'], themes: ['overlast', 'incasso', 'renovatie'] }));
    expect(shared(0, 1)).toEqual({ roles: 1, themes: 2 });
    for (let i = 2; i < 40; i++) columns.set(i, facts({ themes: [`thema-${i}`] }));
    expect(shared(0, 1)).toEqual({ roles: 1, themes: 2 });
    expect(shared(0, 39)).toEqual({ roles: 1, themes: 0 });
    expect(columns.similarity(0, 1, { theme: 3, role: 0.5 })).toBe(6.5);
  });
});
