import { PostgresCaseSearch } from '../../src/search/postgres-search';
import { doc, query } from '../support/search-documents';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

/** PostgreSQL adapter: Dutch forms the snowball stemmer does not join, found through the lexicon. */
const caseDoc = (id: number, title: string, body: string) =>
  doc(id, { title, summary: '', body, themes: ['leefbaarheid'], themeNames: ['Leefbaarheid'] });

describe('PostgreSQL search: Dutch plurals and compounds beyond the stemmer', () => {
  let db: TestDatabase;
  let search: PostgresCaseSearch;
  const viewer = { id: 1 };
  const ids = async (q: string) => (await search.search(query(q), viewer)).hits.map((h) => h.id);

  beforeAll(async () => {
    db = await createTestDatabase();
    search = new PostgresCaseSearch(db.dataSource);
    await search.upsert([
      caseDoc(
        1,
        'Plannen voor grote gezinnen',
        'Drie huizen werden samengevoegd; de kinderen kregen elk een kamer.',
      ),
      caseDoc(2, 'Geld voor de buurt', 'Bewoners bepaalden samen waar het wijk-budget naartoe ging.'),
      caseDoc(3, 'Een wijkbudget voor bewoners', 'Het wijkbudget werd verdeeld door een bewonerscommissie.'),
      caseDoc(4, 'Kruiden in de tuin', 'Een moestuin met kruiden, onderhouden door buren.'),
      caseDoc(5, 'Het budget van de wijk', 'Over de verdeling van het geld werd niet gesproken.'),
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
