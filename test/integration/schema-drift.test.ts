import { createTestDatabase, type TestDatabase } from '../support/test-db';

// The entities describe the schema the hand-written migrations build: TypeORM's schema builder,
// asked what it would change to make the migrated database match them, must have nothing to do.
// (Runs on PGlite by default and on the PostgreSQL server in CI.)
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.destroy());

it('has entities that match the migrated schema exactly', async () => {
  const sql = await db.dataSource.driver.createSchemaBuilder().log();
  expect(sql.upQueries.map((q) => q.query)).toEqual([]);
});

it('would notice a column the migrations do not have', async () => {
  const cases = db.dataSource.getMetadata('cases');
  const title = cases.findColumnWithPropertyName('title')!;
  const original = title.length;
  title.length = '201';
  try {
    const sql = await db.dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query).join('\n')).toMatch(/"title"/);
  } finally {
    title.length = original;
  }
});
