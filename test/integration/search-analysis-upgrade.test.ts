import { SearchIndexer } from '../../src/search/indexer';
import { PostgresCaseSearch } from '../../src/search/postgres-search';
import { buildCase, buildUser } from '../support/factories';
import { doc } from '../support/search-documents';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.destroy());

const q = (text: string) => ({
  q: text,
  filters: { roles: [], themes: [], organizationKinds: [], years: [], statuses: [] },
  page: 1,
  perPage: 20,
});

// Migration 1796712000000 replaces the PostgreSQL index's vectors with the shared analysis's terms:
// an operator upgrading an existing database must end with every case findable again.
it('re-analyses every existing case after the upgrade to the shared analysis (through the outbox)', async () => {
  const author = await buildUser(db.dataSource);
  const ids = [
    await buildCase(db.dataSource, author, { title: 'Versheid versheid3xab12cd in de wijk' }),
    await buildCase(db.dataSource, author, { title: 'Woningruil voor ouderen' }),
  ];
  // The database as it was before the migration, with its index written by the old code.
  await db.dataSource.undoLastMigration();
  await db.dataSource.query(`DELETE FROM search_outbox`);
  await db.dataSource.query(
    `INSERT INTO search_documents (case_id, status, author_id, organization_id, title, summary, body, meta_text, updated_at)
     SELECT id, 'published', author_id, organization_id, title, '', '', '', now() FROM cases WHERE id = ANY($1)
     ON CONFLICT (case_id) DO NOTHING`,
    [ids],
  );

  await db.dataSource.runMigrations({ transaction: 'each' });
  const [{ queued }] = await db.dataSource.query(
    `SELECT count(DISTINCT case_id)::int AS queued FROM search_outbox WHERE case_id = ANY($1)`,
    [ids],
  );
  expect(queued).toBe(ids.length);

  const search = new PostgresCaseSearch(db.dataSource);
  const indexer = new SearchIndexer(db.dataSource, [search]);
  indexer.start();
  try {
    await indexer.whenIdle();
  } finally {
    await indexer.stop();
  }
  // First: other words of the query (its parts "woning", "ruil") may match names in other cases.
  expect((await search.search(q('versheid3xab12cd'), { id: 1 })).hits[0]?.id).toBe(ids[0]);
  expect((await search.search(q('woningruil'), { id: 1 })).hits[0]?.id).toBe(ids[1]);
});

// bm25 reads document frequencies the writer keeps per change; they must equal a recount.
it('keeps document frequencies and word counts equal to a full recount through upserts and removals', async () => {
  const search = new PostgresCaseSearch(db.dataSource);
  await search.reset();
  await search.upsert([
    doc(1, { title: 'Huurachterstand bij jonge huurders', body: 'Vroeg bellen helpt.' }),
    doc(2, { title: 'Woningruil', body: 'Ouderen ruilen een grote woning.', status: 'draft', authorId: 42 }),
    doc(3, {
      title: 'Schuldhulp',
      attachments: [
        { id: 9, filename: 'plan.pdf', text: 'Een huurachterstand voorkomen.', pageOffsets: null },
      ],
    }),
  ]);
  await search.upsert([doc(1, { title: 'Huurachterstand en schuldhulp', body: 'Eerder bellen.' })]);
  await search.remove([3]);
  const snapshot = async () => ({
    stats: await db.dataSource.query(
      `SELECT term, docs::int FROM search_term_stats WHERE docs <> 0 ORDER BY term`,
    ),
    words: await db.dataSource.query(
      `SELECT word, doc_count FROM search_lexicon WHERE doc_count > 0 ORDER BY word`,
    ),
  });
  const kept = await snapshot();
  await search.finishRebuild();
  expect(kept).toEqual(await snapshot());
  expect(kept.stats.length).toBeGreaterThan(10);
});
