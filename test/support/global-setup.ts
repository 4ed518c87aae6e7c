import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { openDatabase } from '../../src/db/data-source';

/**
 * Migrates one database up front; every test file then starts from a copy of it:
 * a PGlite dump (0.4 s to load) or, with TEST_DATABASE_URL, a PostgreSQL template database.
 */
export default async function globalSetup() {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const template = `casusbank_tpl_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${template}`;
    const db = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
    await db.close();
    process.env.CASUSBANK_TEST_TEMPLATE_DB = template;
    return;
  }
  const db = await openDatabase({});
  const dump = await db.pglite!.dumpDataDir('none');
  const file = path.join(os.tmpdir(), `casusbank-jest-${process.pid}-${randomBytes(4).toString('hex')}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  process.env.CASUSBANK_TEST_PGLITE_DUMP = file;
}
