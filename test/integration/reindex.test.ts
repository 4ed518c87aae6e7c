import { PostgresCaseSearch } from '../../src/search/postgres-search';
import { reindexAll } from '../../src/search/indexer';
import { buildCase, buildUser } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.destroy());

const viewer = { id: 1 };
const q = (text: string) => ({
  q: text,
  filters: { roles: [], themes: [], organizationKinds: [], years: [], statuses: [] },
  page: 1,
  perPage: 20,
});

describe('reindex', () => {
  it('rebuilds the PostgreSQL index from the cases, drops documents of deleted cases and empties the outbox', async () => {
    const search = new PostgresCaseSearch(db.dataSource);
    const author = await buildUser(db.dataSource);
    const keep = await buildCase(db.dataSource, author, { title: 'Energiearmoede bij huurders' });
    const gone = await buildCase(db.dataSource, author, { title: 'Verwijderde casus over woonfraude' });
    await reindexAll(db.dataSource, [search]);
    expect((await search.search(q('woonfraude'), viewer)).total).toBe(1);

    // A stale document (its case deleted without the outbox) and a lost update.
    await db.dataSource.query(`DELETE FROM cases WHERE id = $1`, [gone]);
    await db.dataSource.query(`UPDATE cases SET title = 'Energiearmoede en isolatie' WHERE id = $1`, [keep]);
    await db.dataSource.query(`DELETE FROM search_documents WHERE case_id = $1`, [keep]);
    const count = await reindexAll(db.dataSource, [search]);

    expect(count).toBe(1);
    expect((await search.search(q('woonfraude'), viewer)).total).toBe(0);
    expect((await search.search(q('isolatie'), viewer)).hits.map((h) => h.id)).toEqual([keep]);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM search_outbox`);
    expect(n).toBe(0);
    const [{ words }] = await db.dataSource.query(`SELECT count(*)::int AS words FROM search_lexicon WHERE word = 'energiearmoede'`);
    expect(words).toBe(1);
  });
});
