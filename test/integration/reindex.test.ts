import type { CaseSearch } from '../../src/search/case-search';
import type { SearchDocument } from '../../src/search/search-document';
import { reindexAll, SearchIndexer } from '../../src/search/indexer';
import { PostgresCaseSearch } from '../../src/search/postgres-search';
import { reindexIfEmpty } from '../../src/search/reindex';
import { buildCase, buildUser } from '../support/factories';
import { SwitchableSearch } from '../support/switchable-search';
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
    const [{ words }] = await db.dataSource.query(
      `SELECT count(*)::int AS words FROM search_lexicon WHERE word = 'energiearmoede'`,
    );
    expect(words).toBe(1);
  });
});

describe('reindexAll and the outbox', () => {
  it('keeps an entry that became visible during the rebuild, even with a lower id than those it settled', async () => {
    const search = new PostgresCaseSearch(db.dataSource);
    const author = await buildUser(db.dataSource);
    const first = await buildCase(db.dataSource, author, { title: 'Eerste casus voor de herbouw' });
    const late = await buildCase(db.dataSource, author, { title: 'Casus met een late wijziging' });
    await db.dataSource.query(`DELETE FROM search_outbox`);
    await db.dataSource.query(`INSERT INTO search_outbox (id, case_id, reason) VALUES (1000, $1, 'before')`, [
      first,
    ]);
    // While the rebuild runs, a transaction that took id 500 before the rebuild started commits:
    // its change may not be in what the rebuild read, so its entry must survive.
    let committed = false;
    const target: CaseSearch = Object.assign(Object.create(search) as PostgresCaseSearch, {
      upsert: async (docs: Parameters<CaseSearch['upsert']>[0]) => {
        if (!committed) {
          committed = true;
          await db.dataSource.query(
            `INSERT INTO search_outbox (id, case_id, reason) VALUES (500, $1, 'late')`,
            [late],
          );
        }
        return search.upsert(docs);
      },
    });
    await reindexAll(db.dataSource, [target]);
    const left = await db.dataSource.query(`SELECT id::int, reason FROM search_outbox ORDER BY id`);
    expect(left).toEqual([{ id: 500, reason: 'late' }]);
    await db.dataSource.query(`DELETE FROM search_outbox`);
  });
});

describe('reindex while the indexer of a running server applies edits', () => {
  /**
   * An engine that rebuilds like Meilisearch: documents go into a new index, which then replaces
   * the old one whole (here: reset, then the collected documents), so whatever was written to
   * the old index during the rebuild is thrown away.
   */
  class SwappingEngine extends SwitchableSearch {
    constructor(
      private readonly store: PostgresCaseSearch,
      private readonly duringRebuild: () => Promise<void>,
    ) {
      super(store);
    }
    async rebuild(batches: AsyncIterable<SearchDocument[]>) {
      const fresh: SearchDocument[] = [];
      for await (const docs of batches) fresh.push(...docs);
      await this.duringRebuild();
      await this.store.reset();
      await this.store.upsert(fresh);
    }
  }

  /** An edit as the case service makes it: the change and its outbox entry in one transaction. */
  const edit = (ds: TestDatabase['dataSource'], id: number, title: string) =>
    ds.transaction(async (m) => {
      await m.query(`UPDATE cases SET title = $2, updated_at = now() WHERE id = $1`, [id, title]);
      await m.query(`INSERT INTO search_outbox (case_id, reason) VALUES ($1, 'edit')`, [id]);
    });

  it('Meilisearch-like swap: an edit made during the rebuild is applied after the swap, not lost', async () => {
    const appDb = await createTestDatabase();
    const engineDb = await createTestDatabase();
    try {
      const author = await buildUser(appDb.dataSource);
      const id = await buildCase(appDb.dataSource, author, { title: 'Woonbegeleiding voor statushouders' });
      let appliedDuringRebuild: number | null = null;
      const engine = new SwappingEngine(new PostgresCaseSearch(engineDb.dataSource), async () => {
        await edit(appDb.dataSource, id, 'Woonbegeleiding en taalcoaching');
        // The server's indexer (another process) is kicked by the edit and polls meanwhile.
        server.kick();
        await new Promise((r) => setTimeout(r, 300));
        appliedDuringRebuild = (await engine.search(q('taalcoaching'), viewer)).total;
      });
      const server = new SearchIndexer(appDb.dataSource, [engine]);

      await reindexAll(appDb.dataSource, [engine]);

      expect(appliedDuringRebuild).toBe(0); // the server's indexer waited for the lease
      await server.whenIdle(10_000);
      expect((await engine.search(q('taalcoaching'), viewer)).hits.map((h) => h.id)).toEqual([id]);
      const [{ n }] = await appDb.dataSource.query(`SELECT count(*)::int AS n FROM search_outbox`);
      expect(n).toBe(0);
      await server.stop();
    } finally {
      await engineDb.destroy();
      await appDb.destroy();
    }
  });

  it('PostgreSQL in-place rebuild: the edit waits for the rebuild and is applied after it', async () => {
    const appDb = await createTestDatabase();
    try {
      const author = await buildUser(appDb.dataSource);
      const id = await buildCase(appDb.dataSource, author, { title: 'Huismeesters in de avond' });
      const search = new PostgresCaseSearch(appDb.dataSource);
      const server = new SearchIndexer(appDb.dataSource, [search]);
      let pendingDuringRebuild: number | null = null;
      const target: CaseSearch = Object.assign(Object.create(search) as PostgresCaseSearch, {
        upsert: async (docs: SearchDocument[]) => {
          await search.upsert(docs);
          await edit(appDb.dataSource, id, 'Huismeesters in het weekend');
          server.kick();
          await new Promise((r) => setTimeout(r, 300));
          [{ n: pendingDuringRebuild }] = await appDb.dataSource.query(
            `SELECT count(*)::int AS n FROM search_outbox WHERE reason = 'edit'`,
          );
        },
      });

      await reindexAll(appDb.dataSource, [target]);

      expect(pendingDuringRebuild).toBe(1); // not taken by the server's indexer during the rebuild
      await server.whenIdle(10_000);
      expect((await search.search(q('weekend'), viewer)).hits.map((h) => h.id)).toEqual([id]);
      await server.stop();
    } finally {
      await appDb.destroy();
    }
  });
});

describe('reindexIfEmpty', () => {
  it("fills an empty engine from PostgreSQL though the mirror is full, and keeps the mirror's pending entries", async () => {
    const mirror = new PostgresCaseSearch(db.dataSource);
    const author = await buildUser(db.dataSource);
    await buildCase(db.dataSource, author, { title: 'Buurtkamer in de oude school' });
    await reindexAll(db.dataSource, [mirror]);
    const [{ cases }] = await db.dataSource.query(`SELECT count(*)::int AS cases FROM cases`);
    // A change the indexer has not applied yet.
    const pending = await buildCase(db.dataSource, author, { title: 'Nieuwe casus over de buurtkamer' });

    // "Meilisearch": a new, empty index on an existing database (an adapter on a database of its own).
    const engineDb = await createTestDatabase();
    try {
      const engine = new SwitchableSearch(new PostgresCaseSearch(engineDb.dataSource));
      const stack = {
        search: engine,
        searchFallback: mirror,
        indexer: new SearchIndexer(db.dataSource, [mirror, engine]),
      };
      expect(await mirror.documentCount()).toBe(cases);
      expect(await engine.documentCount()).toBe(0);

      expect(await reindexIfEmpty(db, stack)).toBe(cases + 1);
      expect(await engine.documentCount()).toBe(cases + 1);
      expect((await engine.search(q('buurtkamer'), viewer)).total).toBe(2);
      // The mirror was not rebuilt: its entry waits for the indexer, marked as done for the engine.
      expect((await mirror.search(q('buurtkamer'), viewer)).total).toBe(1);
      const rows = await db.dataSource.query(`SELECT case_id, applied_to FROM search_outbox`);
      expect(rows).toEqual([{ case_id: pending, applied_to: ['meilisearch'] }]);
      await stack.indexer.whenIdle();
      expect((await mirror.search(q('buurtkamer'), viewer)).total).toBe(2);

      // Both full: nothing to do.
      engine.calls = 0;
      expect(await reindexIfEmpty(db, stack)).toBe(0);
      expect(engine.calls).toBe(1); // only the count

      // An engine that cannot answer does not keep the other from being filled, and is reported.
      await mirror.reset();
      engine.down = true;
      await expect(reindexIfEmpty(db, stack)).rejects.toThrow(/meilisearch: connect ECONNREFUSED/);
      expect(await mirror.documentCount()).toBe(cases + 1);
    } finally {
      await engineDb.destroy();
    }
  });

  it('leaves a fresh import to the indexer when the outbox already lists every case', async () => {
    const fresh = await createTestDatabase();
    try {
      const author = await buildUser(fresh.dataSource);
      await buildCase(fresh.dataSource, author, { title: 'Geïmporteerde casus' });
      const search = new PostgresCaseSearch(fresh.dataSource);
      const stack = {
        search,
        searchFallback: search,
        indexer: new SearchIndexer(fresh.dataSource, [search]),
      };
      expect(await reindexIfEmpty(fresh, stack)).toBe(0);
      await fresh.dataSource.query(`DELETE FROM search_outbox`);
      expect(await reindexIfEmpty(fresh, stack)).toBe(1);
      expect(await search.documentCount()).toBe(1);
    } finally {
      await fresh.destroy();
    }
  });
});

describe('the indexer lease', () => {
  it('is short, so a dead process (kill -9) holds up saved changes for seconds, not half a minute', async () => {
    const db = await createTestDatabase();
    try {
      const indexer = new SearchIndexer(db.dataSource, [new PostgresCaseSearch(db.dataSource)]);
      indexer.start();
      await indexer.whenIdle();
      const [{ left }] = await db.dataSource.query(
        `SELECT extract(epoch FROM until - now())::float AS left FROM search_indexer_lease WHERE id = 1`,
      );
      // A lease that lapses within ten seconds: what a dead holder can hold up at most (plus a poll).
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThanOrEqual(10);
      await indexer.stop();
    } finally {
      await db.destroy();
    }
  });
});
