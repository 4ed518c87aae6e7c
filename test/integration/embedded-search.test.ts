import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createSearchStack, embeddedIndexFile } from '../../src/search/create-search';
import { EmbeddedCaseSearch, SearchIndexNotReady } from '../../src/search/embedded-search';
import { reindexIfEmpty } from '../../src/search/reindex';
import { SearchService } from '../../src/search/search.service';
import { buildCase, buildUser } from '../support/factories';
import { doc, query } from '../support/search-documents';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

/** The embedded engine's index lives in DATA_DIR: kept across starts, rebuilt when missing or damaged. */
describe('embedded search index in DATA_DIR', () => {
  let dir: string;
  const viewer = { id: 1 };
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'casusbank-index-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('answers after a restart from the stored index, without a rebuild', async () => {
    const file = path.join(dir, 'cases.sqlite');
    const first = new EmbeddedCaseSearch({ file });
    first.markReady();
    await first.upsert([doc(1, { title: 'Vroegsignalering van huurachterstanden' }), doc(2)]);
    await first.close();

    const second = new EmbeddedCaseSearch({ file });
    expect(second.state()).toEqual({ documents: 2, rebuilding: false });
    const found = await second.search(query('vroegsignalering'), viewer);
    expect(found.hits.map((h) => h.id)).toEqual([1]);
    await second.close();
  });

  it('reads a stored index in the background: PostgreSQL answers meanwhile, writes made then are kept', async () => {
    const file = path.join(dir, 'cases.sqlite');
    const first = new EmbeddedCaseSearch({ file });
    first.markReady();
    // More documents than one load step, so the load takes several turns of the event loop.
    await first.upsert(
      Array.from({ length: 1200 }, (_, i) => doc(i + 1, { title: `Casus over wijkaanpak ${i + 1}` })),
    );
    await first.close();

    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const second = new EmbeddedCaseSearch({ file, logger, loadInBackground: true });
    expect(second.state()).toMatchObject({ loading: true });
    expect(await second.documentCount()).toBe(1200);
    await expect(second.search(query('wijkaanpak'), viewer)).rejects.toBeInstanceOf(SearchIndexNotReady);
    // A case changed and one removed while loading: memory holds the new state, not the file's old one.
    await second.upsert([doc(1100, { title: 'Skaeve huse in Zwolle' })]);
    await second.remove([1150]);
    while (second.state().loading) await new Promise((resolve) => setImmediate(resolve));
    expect(lines.join('')).toContain('embedded search index loaded');
    expect((await second.search(query('wijkaanpak'), viewer)).total).toBe(1198);
    expect((await second.search(query('skaeve huse'), viewer)).hits.map((h) => h.id)).toEqual([1100]);
    await second.close();
  });

  it('sets a damaged or foreign file aside, says so, and answers only once it is rebuilt', async () => {
    const file = path.join(dir, 'cases.sqlite');
    writeFileSync(file, 'dit is geen SQLite-bestand');
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
    const search = new EmbeddedCaseSearch({ file, logger });
    expect(lines.join('')).toContain('rebuilding it from PostgreSQL');
    expect(readdirSync(dir).some((f) => f.startsWith('cases.sqlite.damaged-'))).toBe(true);
    expect(search.state().rebuilding).toBe(true);
    await expect(search.search(query('huurachterstand'), viewer)).rejects.toBeInstanceOf(SearchIndexNotReady);

    async function* batches() {
      yield [doc(1, { title: 'Vroegsignalering van huurachterstanden' })];
    }
    await search.rebuild(batches());
    expect(search.state()).toEqual({ documents: 1, rebuilding: false });
    expect((await search.search(query('huurachterstand'), viewer)).total).toBe(1);
    await search.close();
  });

  describe('with the database', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase();
      const author = await buildUser(db.dataSource);
      await buildCase(db.dataSource, author, { title: 'Woningnood onder jongeren in Deventer' });
    });
    afterAll(() => db.destroy());

    it('fills a new index from PostgreSQL at start, answering from PostgreSQL meanwhile; the next start keeps it', async () => {
      const config = { dataDir: dir, searchEngine: 'embedded' as const };
      const stack = createSearchStack(config, db);
      await db.dataSource.query(`DELETE FROM search_outbox`);
      const service = new SearchService(db.dataSource, stack.search, stack.searchFallback);
      // Nothing indexed yet: the PostgreSQL mirror answers (after its own fill), marked degraded.
      await reindexIfEmpty(db, { ...stack, search: stack.searchFallback });
      const meanwhile = await service.search(query('woningnood'), { id: 0 });
      expect(meanwhile).toMatchObject({ degraded: true, total: 1 });

      expect(await reindexIfEmpty(db, stack)).toBe(1);
      const after = await service.search(query('woningnood'), { id: 0 });
      expect(after).toMatchObject({ degraded: false, total: 1 });
      await stack.search.close?.();
      expect(existsSync(embeddedIndexFile(dir))).toBe(true);

      const again = createSearchStack(config, db);
      expect(await reindexIfEmpty(db, again)).toBe(0);
      expect((await again.search.search(query('jongeren woningnood'), { id: 0 })).total).toBe(1);
      await again.search.close?.();
    });
  });
});
