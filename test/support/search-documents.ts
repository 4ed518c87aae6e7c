import type { SearchDocument } from '../../src/search/search-document';
import type { SearchFilters, SearchQuery } from '../../src/search/search-query';

/** Search documents and queries for adapter tests: defaults a test overrides where it matters. */
export const noFilters = (): SearchFilters => ({
  roles: [],
  themes: [],
  organizationKinds: [],
  years: [],
  statuses: [],
});

export const query = (
  q: string,
  overrides: Omit<Partial<SearchQuery>, 'filters'> & { filters?: Partial<SearchFilters> } = {},
): SearchQuery => ({
  q,
  page: 1,
  perPage: 20,
  ...overrides,
  filters: { ...noFilters(), ...overrides.filters },
});

/** A published case of organisation 1 by author 1; dated by id (day id of January 2024). */
export function doc(id: number, overrides: Partial<SearchDocument> = {}): SearchDocument {
  return {
    id,
    title: `Casus ${id}`,
    summary: 'Een samenvatting.',
    body: 'De aanpak en de resultaten.',
    tags: [],
    roles: ['verhuurder'],
    themes: ['incasso'],
    themeNames: ['Incasso en huurachterstanden'],
    organizationId: 1,
    organizationName: 'Woonstichting Het Anker',
    organizationKind: 'woningcorporatie',
    region: 'Zwolle',
    partners: '',
    contact: '',
    year: 2022,
    attachments: [],
    reflectionText: '',
    reactions: [],
    status: 'published',
    visibility: 'vakgemeenschap',
    authorId: 1,
    authorName: 'Sanne de Vries',
    hasReflection: false,
    presented: false,
    answered: false,
    updatedAt: new Date(Date.UTC(2024, 0, id)).toISOString(),
    ...overrides,
  } as SearchDocument;
}
