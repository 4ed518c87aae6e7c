import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportCases, importCases } from '../../src/cases/import-export';
import { buildCase, buildUser } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

const record = (overrides: Record<string, unknown> = {}) => ({
  title: 'Housing First in de regio',
  summary: 'Dakloze mensen kregen direct een eigen woning, met begeleiding.',
  context: 'De nachtopvang zat vol.',
  approach: 'Een woning eerst, daarna begeleiding door de GGZ.',
  results: 'Acht van de tien huurders wonen na twee jaar nog zelfstandig.',
  lessons: 'Goede afspraken met buren vooraf.',
  question: 'Wie heeft ervaring met de financiering?',
  roles: ['verhuurder'],
  themes: ['kwetsbare-groepen', 'zorg-en-welzijn'],
  tags: ['housing first'],
  organization: 'Woonstichting Nieuwe Import',
  partners: 'GGZ, gemeente',
  region: 'Twente',
  year: 2022,
  contact: 'Jan Jansen',
  ...overrides,
});

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.destroy());

describe('import', () => {
  it('imports a valid file through the case service, creating unknown organisations as "overig"', async () => {
    const result = await importCases(db.dataSource, [
      record(),
      record({ title: 'Tweede casus', status: 'draft' }),
    ]);
    expect(result).toMatchObject({ ok: true, count: 2 });
    const rows = await db.dataSource.query(
      `SELECT c.title, c.status, o.kind, (SELECT count(*)::int FROM case_revisions r WHERE r.case_id = c.id) AS revisions,
              (SELECT count(*)::int FROM search_outbox s WHERE s.case_id = c.id) AS outbox
         FROM cases c JOIN organizations o ON o.id = c.organization_id WHERE o.name = 'Woonstichting Nieuwe Import' ORDER BY c.id`,
    );
    expect(rows).toEqual([
      { title: 'Housing First in de regio', status: 'published', kind: 'overig', revisions: 1, outbox: 1 },
      { title: 'Tweede casus', status: 'draft', kind: 'overig', revisions: 1, outbox: 1 },
    ]);
  });

  it('imports nothing when 3 records are bad, and names each index, field and reason', async () => {
    const [{ n: before }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM cases`);
    const result = await importCases(db.dataSource, [
      record({ title: 'Goed record' }),
      record({ themes: ['bestaat-niet'] }),
      record({ year: 1980 }),
      record({ title: '' }),
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.index, p.field])).toEqual([
      [1, 'themes.0'],
      [2, 'year'],
      [3, 'title'],
    ]);
    expect(result.problems[0].message).toContain('Geldige thema');
    const [{ n: after }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM cases`);
    expect(after).toBe(before);
  });

  it('imports the contact person’s address and number, checked like the form', async () => {
    const bad = await importCases(db.dataSource, [
      record({ contactEmail: 'geen-adres', contactPhone: '123' }),
    ]);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((p) => [p.field, p.message])).toEqual([
      ['contactEmail', expect.stringContaining('is geen geldig e-mailadres')],
      ['contactPhone', expect.stringContaining('is geen geldig telefoonnummer')],
    ]);
    const good = await importCases(db.dataSource, [
      record({
        title: 'Met contactgegevens',
        contactEmail: 'Jan@Example.nl',
        contactPhone: '+31 6 12345678',
      }),
    ]);
    expect(good.ok).toBe(true);
    const [row] = await db.dataSource.query(
      `SELECT contact_email, contact_phone FROM cases WHERE title = 'Met contactgegevens'`,
    );
    expect(row).toEqual({ contact_email: 'jan@example.nl', contact_phone: '+31 6 12345678' });
  });

  it('refuses a file that is not an array', async () => {
    const result = await importCases(db.dataSource, { title: 'los' });
    expect(result).toMatchObject({ ok: false, problems: [{ index: -1 }] });
  });
});

describe('export', () => {
  it('leaves drafts out unless asked, and round-trips: export → import into an empty database → export', async () => {
    const author = await buildUser(db.dataSource);
    await buildCase(db.dataSource, author, { title: 'Gepubliceerde casus voor export', tags: ['export'] });
    await buildCase(db.dataSource, author, { title: 'Concept voor export', status: 'draft' });
    const published = await exportCases(db.dataSource, { includeDrafts: false });
    expect(published.map((c) => c.title)).toContain('Gepubliceerde casus voor export');
    expect(published.map((c) => c.title)).not.toContain('Concept voor export');

    const everything = await exportCases(db.dataSource, { includeDrafts: true });
    expect(everything.map((c) => c.title)).toContain('Concept voor export');

    const empty = await createTestDatabase();
    try {
      const result = await importCases(empty.dataSource, JSON.parse(JSON.stringify(everything)));
      expect(result).toMatchObject({ ok: true, count: everything.length });
      expect(await exportCases(empty.dataSource, { includeDrafts: true })).toEqual(everything);
    } finally {
      await empty.destroy();
    }
  });
});

describe('the CLI', () => {
  it('imports a file, reports the count and time, and exports it again', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'casusbank-cli-'));
    try {
      const file = path.join(dir, 'casussen.json');
      writeFileSync(file, JSON.stringify([record(), record({ title: 'Nog een casus' })]));
      const env = { ...process.env, DATA_DIR: path.join(dir, 'data'), NODE_ENV: 'test', DATABASE_URL: '' };
      const cli = (...args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, '../../src/cli.ts'), ...args], {
          env,
          encoding: 'utf8',
          timeout: 60_000,
        });
      const imported = cli('import', file);
      // Not a terminal: progress as plain lines on stderr (no bar, no cursor codes), stdout clean.
      expect(imported.stderr.split('\n')[0]).toMatch(/^importeren: 0 van 2 casussen \(0%\), /);
      expect(imported.stderr).toMatch(
        /^importeren: 2 van 2 casussen \(100%\), [\d,]+ per seconde, nog ongeveer 0 s$/m,
      );
      // eslint-disable-next-line no-control-regex -- a terminal's cursor codes are what is checked
      expect(imported.stderr).not.toMatch(/\r|\u001b\[/);
      expect(imported.status).toBe(0);
      expect(imported.stdout).toMatch(/^2 casussen geïmporteerd in \d+\.\d s/);
      const exported = cli('export');
      expect(exported.status).toBe(0);
      expect(JSON.parse(exported.stdout).map((c: { title: string }) => c.title)).toEqual([
        'Housing First in de regio',
        'Nog een casus',
      ]);
      writeFileSync(file, JSON.stringify([record({ roles: ['huisbaas'] })]));
      const bad = cli('import', file);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('record 0: roles.0: Onbekende rol');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
