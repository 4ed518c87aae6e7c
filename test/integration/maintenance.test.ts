import { CHURNED_TABLES, vacuumChurnedTables } from '../../src/db/maintenance';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

// The maintenance exists for PGlite, which has no autovacuum; a PostgreSQL server has its own
// (and reports table statistics with a delay, so the counts below would not be exact there).
const embedded = !process.env.TEST_DATABASE_URL;

(embedded ? describe : describe.skip)('embedded database maintenance (PGlite has no autovacuum)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.destroy());

  const deadRows = async (table: string) => {
    // Statistics are flushed at most once a second; ask for it now, then read in a new transaction.
    await db.dataSource.query(`SELECT pg_stat_force_next_flush()`);
    const [row] = await db.dataSource.query(`SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = $1`, [
      table,
    ]);
    return Number(row.n_dead_tup);
  };

  it('reclaims the dead rows a rolling session leaves on every request, and keeps the session', async () => {
    await db.dataSource.query(
      `INSERT INTO sessions (sid, sess, expire) VALUES ('s1', '{"user": 1}', now() + interval '1 hour')`,
    );
    for (let i = 0; i < 200; i++)
      await db.dataSource.query(`UPDATE sessions SET expire = now() + interval '2 hours' WHERE sid = 's1'`);
    expect(await deadRows('sessions')).toBeGreaterThan(100); // a page prune may take a few

    await vacuumChurnedTables(db.dataSource);

    expect(await deadRows('sessions')).toBe(0);
    const [row] = await db.dataSource.query(`SELECT sess FROM sessions WHERE sid = 's1'`);
    expect(row.sess).toEqual({ user: 1 });
  });

  it('covers every table the app rewrites all day', async () => {
    const tables = (
      await db.dataSource.query(`SELECT relname FROM pg_stat_user_tables WHERE relname = ANY($1)`, [
        CHURNED_TABLES,
      ])
    ).map((r: { relname: string }) => r.relname);
    expect(tables.sort()).toEqual([...CHURNED_TABLES].sort());
  });
});
