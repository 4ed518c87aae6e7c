import { PostgresCaseSearch } from '../../src/search/postgres-search';
import type { SearchDocument } from '../../src/search/search-document';
import type { SearchQuery } from '../../src/search/search-query';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

/** PostgreSQL adapter: Dutch forms the snowball stemmer does not join, found through the lexicon. */
const query = (q: string): SearchQuery => ({
  q,
  page: 1,
  perPage: 20,
  filters: { roles: [], themes: [], organizationKinds: [], years: [], statuses: [] },
});

function doc(id: number, title: string, body: string): SearchDocument {
  return {
    id,
    title,
    summary: '',
    body,
    tags: [],
    roles: ['verhuurder'],
    themes: ['leefbaarheid'],
    themeNames: ['Leefbaarheid'],
    organizationId: 1,
    organizationName: 'Woonstichting De Linde',
    organizationKind: 'woningcorporatie',
    region: '',
    partners: '',
    contact: '',
    year: 2024,
    attachments: [],
    reflectionText: '',
    status: 'published',
    authorId: 1,
    authorName: 'Sanne de Vries',
    hasReflection: false,
    presented: false,
    updatedAt: new Date(Date.UTC(2024, 0, id)).toISOString(),
  };
}

describe('PostgreSQL search: Dutch plurals and compounds beyond the stemmer', () => {
  let db: TestDatabase;
  let search: PostgresCaseSearch;
  const viewer = { id: 1 };
  const ids = async (q: string) => (await search.search(query(q), viewer)).hits.map((h) => h.id);

  beforeAll(async () => {
    db = await createTestDatabase();
    search = new PostgresCaseSearch(db.dataSource);
    await search.upsert([
      doc(
        1,
        'Plannen voor grote gezinnen',
        'Drie huizen werden samengevoegd; de kinderen kregen elk een kamer.',
      ),
      doc(2, 'Geld voor de buurt', 'Bewoners bepaalden samen waar het wijk-budget naartoe ging.'),
      doc(3, 'Een wijkbudget voor bewoners', 'Het wijkbudget werd verdeeld door een bewonerscommissie.'),
      doc(4, 'Kruiden in de tuin', 'Een moestuin met kruiden, onderhouden door buren.'),
      doc(5, 'Het budget van de wijk', 'Over de verdeling van het geld werd niet gesproken.'),
    ]);
  });
  afterAll(() => db.destroy());

  it('finds a plural from its singular and back where the stems differ (plan/plannen, huis/huizen, kind/kinderen)', async () => {
    // Not the last word: that one also matches as a prefix (plan → plannen, but also planten).
    for (const word of ['plan', 'gezin', 'huis', 'kind', 'kamers'])
      expect(await ids(`${word} samengevoegd`)).toEqual([1]);
  });

  it('finds a compound also where it is written with a hyphen, the compound itself first', async () => {
    expect(await ids('wijkbudget')).toEqual([3, 2]);
  });

  it('finds a compound no case uses through its parts anywhere in a case', async () => {
    expect(await ids('moestuinkruiden')).toEqual([4]);
    expect(await ids('tuinkruiden')).toEqual([4]);
  });
});
