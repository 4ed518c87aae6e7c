import { rmSync } from 'node:fs';
import { Client } from 'pg';

export default async function globalTeardown() {
  const dump = process.env.CASUSBANK_TEST_PGLITE_DUMP;
  if (dump) rmSync(dump, { force: true });
  const template = process.env.CASUSBANK_TEST_TEMPLATE_DB;
  if (template && process.env.TEST_DATABASE_URL) {
    const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
  }
}
