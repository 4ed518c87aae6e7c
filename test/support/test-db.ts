import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { openDatabase, type Database } from '../../src/db/data-source';

export interface TestDatabase extends Database {
  /** Closes and, on PostgreSQL, drops this test file's database. */
  destroy(): Promise<void>;
}

/** A migrated database of this test file's own: PGlite in memory, or a fresh PostgreSQL database. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const template = process.env.CASUSBANK_TEST_TEMPLATE_DB;
  if (serverUrl && template) {
    const name = `casusbank_t_${randomBytes(5).toString('hex')}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const db = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
    return {
      ...db,
      async destroy() {
        await db.close();
        const c = new Client({ connectionString: serverUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dump = process.env.CASUSBANK_TEST_PGLITE_DUMP;
  const db = await openDatabase(dump ? { loadDataDir: new Blob([readFileSync(dump)]) } : {});
  return { ...db, destroy: () => db.close() };
}
