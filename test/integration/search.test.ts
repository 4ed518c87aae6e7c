import { writeFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { BlobStore, blobRoot } from '../../src/attachments/blob-store';
import { CasesService } from '../../src/cases/cases.service';
import { enqueueSearchUpdate } from '../../src/search/outbox';
import { PostgresCaseSearch } from '../../src/search/postgres-search';
import {
  buildCase,
  buildUser,
  csrfOf,
  defaultCaseContent,
  loginAs,
  type TestUser,
} from '../support/factories';
import { SwitchableSearch } from '../support/switchable-search';
import { createTestApp, type TestContext } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

let ctx: TestContext;
let member: TestUser;
let author: TestUser;
let agent: request.Agent;

beforeAll(async () => {
  ctx = await createTestApp();
  const ds = ctx.db.dataSource;
  member = await buildUser(ds);
  author = await buildUser(ds);
  await buildCase(ds, author, {
    title: 'Vroegsignalering van huurachterstanden',
    summary: 'Wij bellen huurders bij de eerste gemiste betaling, samen met de gemeente.',
    themes: ['incasso', 'schuldhulpverlening'],
    roles: ['verhuurder'],
    year: 2021,
  });
  await buildCase(ds, author, {
    title: 'Renovatie met bewoners in huis',
    summary: 'Een portiekflat werd gerenoveerd terwijl de bewoners bleven wonen.',
    themes: ['renovatie'],
    roles: ['opdrachtgever'],
    year: 2022,
  });
  await buildCase(ds, author, {
    title: 'Aardbevingsproblematiek in Groningen',
    summary: 'Versterking van woningen na aardbevingen, met aandacht voor bewoners.',
    themes: ['onderhoud'],
    roles: ['opdrachtgever', 'ontwikkelaar'],
    year: 2023,
  });
  await buildCase(ds, author, {
    title: 'Concept over zwartgeldcircuits',
    status: 'draft',
    themes: ['overlast'],
  });
  await buildCase(ds, author, {
    title: 'Gearchiveerde incasso-aanpak',
    status: 'archived',
    themes: ['incasso'],
  });
  await ctx.indexer.whenIdle();
  agent = request.agent(ctx.app);
  await loginAs(agent, member);
});
afterAll(() => ctx.close());

describe('the search page', () => {
  it('browses without a query, newest first, with facet counts', async () => {
    const res = await agent.get('/casussen').expect(200);
    expect(res.text).toContain('<strong>3</strong> casussen');
    expect(res.text.indexOf('Aardbevingsproblematiek')).toBeLessThan(res.text.indexOf('Vroegsignalering'));
    expect(res.text).toMatch(/Opdrachtgever\s*<span class="facet-count">\(2\)<\/span>/);
    expect(res.text).not.toContain('zwartgeldcircuits');
    expect(res.text).not.toContain('Gearchiveerde incasso-aanpak');
  });

  it('finds plural, compound and typo variants, with highlighted snippets', async () => {
    const plural = await agent.get('/casussen?q=huurachterstand').expect(200);
    expect(plural.text).toContain('Vroegsignalering van huurachterstanden');
    const compound = await agent.get('/casussen?q=aardbeving').expect(200);
    expect(compound.text).toContain('Aardbevingsproblematiek in Groningen');
    const typo = await agent.get('/casussen?q=renovasie').expect(200);
    expect(typo.text).toContain('Renovatie met bewoners in huis');
    const snippet = await agent.get('/casussen?q=gemiste%20betaling').expect(200);
    expect(snippet.text).toMatch(/<mark>gemiste<\/mark> <mark>betaling<\/mark>/);
  });

  it('combines facets: values of one facet with OR, facets with AND; chips remove a filter', async () => {
    const both = await agent.get('/casussen?thema=renovatie&thema=onderhoud').expect(200);
    expect(both.text).toContain('<strong>2</strong> casussen');
    const narrowed = await agent
      .get('/casussen?thema=renovatie&thema=onderhoud&rol=ontwikkelaar')
      .expect(200);
    expect(narrowed.text).toContain('<strong>1</strong> casus');
    expect(narrowed.text).toMatch(/class="chip" href="\/casussen\?thema=renovatie&amp;thema=onderhoud"/);
  });

  it('says what it ignored: unknown facet values and an over-long query', async () => {
    const res = await agent
      .get(`/casussen?thema=bestaat-niet&rol=${encodeURIComponent("'; drop table")}`)
      .expect(200);
    expect(res.text).toContain('Onbekende waarde &#34;bestaat-niet&#34; voor thema is genegeerd.');
    expect(res.text).toContain('<strong>3</strong> casussen');
    const long = await agent.get(`/casussen?q=${'renovatie '.repeat(30)}`).expect(200);
    expect(long.text).toContain('is ingekort');
  });

  it('shows all cases with a hint for a query of only stop words or punctuation', async () => {
    for (const q of ['de het een', '?! ...', 'of of']) {
      const page = await agent.get(`/casussen?q=${encodeURIComponent(q)}`).expect(200);
      expect(page.text).toContain('<strong>3</strong> casussen');
      expect(page.text).toContain('alleen veelvoorkomende woorden');
      expect(page.text).toContain('U ziet daarom alle casussen');
      // Newest first, as when browsing without a query.
      expect(page.text).toMatch(/<option value="nieuwste" selected>/);
    }
    const api = await agent.get('/api/search?q=de%20het').expect(200);
    expect(api.body).toMatchObject({ total: 3, onlyStopWords: true });
    expect(api.body.notices.join(' ')).toContain('alleen veelvoorkomende woorden');
    const normal = await agent.get('/api/search?q=renovatie').expect(200);
    expect(normal.body.onlyStopWords).toBe(false);
    expect(normal.body.notices).toEqual([]);
  });

  it('corrects a typo no case has, says so, and offers the words as typed', async () => {
    const page = await agent.get('/casussen?q=vroegsignaleringg').expect(200);
    expect(page.text).toContain('Resultaten voor <strong><em>vroegsignalering</em></strong>');
    expect(page.text).toContain('Vroegsignalering van huurachterstanden');
    expect(page.text).toContain('href="/casussen?q=vroegsignaleringg&amp;letterlijk=1"');
    const literal = await agent.get('/casussen?q=vroegsignaleringg&letterlijk=1').expect(200);
    expect(literal.text).toContain('Geen casussen gevonden');
    expect(literal.text).toContain(
      'Bedoelde u: <a href="/casussen?q=vroegsignalering">vroegsignalering</a>?',
    );
    const api = await agent.get('/api/search?q=vroegsignaleringg').expect(200);
    expect(api.body.corrections).toEqual([{ from: 'vroegsignaleringg', to: 'vroegsignalering' }]);
    expect(api.body.total).toBe(1);
  });

  it('finds the cases with some of the words when none has all, and names the words found nowhere', async () => {
    const page = await agent.get('/casussen?q=vroegsignalering%20xyzzy').expect(200);
    expect(page.text).toContain('Geen casus bevat al uw zoekwoorden');
    expect(page.text).toContain('<s>xyzzy</s>');
    expect(page.text).toContain('Vroegsignalering van huurachterstanden');
    const api = await agent.get('/api/search?q=vroegsignalering%20xyzzy').expect(200);
    expect(api.body).toMatchObject({ total: 1, partial: { missing: ['xyzzy'] } });
  });

  it('answers a question to peers: question words and filler never decide a match', async () => {
    const api = await agent
      .get('/api/search?q=' + encodeURIComponent('Wie heeft ervaring met vroegsignalering?'))
      .expect(200);
    expect(api.body.hits.map((h: { title: string }) => h.title)).toEqual([
      'Vroegsignalering van huurachterstanden',
    ]);
    expect(api.body.partial).toBeNull();
  });

  it('ranks a new query by relevance even when the form still sends the sort chosen while browsing', async () => {
    // The member browses (sort shows "nieuwste"), types a query and submits the same form.
    const browse = await agent.get('/casussen').expect(200);
    expect(browse.text).toMatch(/<option value="nieuwste" selected/);
    expect(browse.text).toContain('name="sorteer_bij" value=""');
    const submitted = await agent.get('/casussen?q=bewoners&sorteer_bij=&sorteer=nieuwste').expect(200);
    expect(submitted.text).toMatch(/<option value="relevantie" selected/);
    // Chosen for this very query, the sort applies.
    const chosen = await agent.get('/casussen?q=bewoners&sorteer_bij=bewoners&sorteer=nieuwste').expect(200);
    expect(chosen.text).toMatch(/<option value="nieuwste" selected/);
    const titles = (html: string) =>
      [...html.matchAll(/class="hit-title"><a href="\/casussen\/\d+">([^<]+)</g)].map((m) => m[1]);
    // "Renovatie met bewoners in huis" has the word in its summary and is older: relevance puts it first only by rank.
    expect(titles(submitted.text)).not.toEqual([]);
    expect(titles(chosen.text)[0]).toBe('Aardbevingsproblematiek in Groningen');
  });

  it('never suggests a word no case the member may see contains (a draft, a deleted case)', async () => {
    const ds = ctx.db.dataSource;
    // The lexicon learns words of published cases and keeps them until a rebuild; this one is deleted.
    const gone = await buildCase(ds, author, { title: 'Wijkverwarmingscoöperatie opgeheven' });
    await ctx.indexer.whenIdle();
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM search_lexicon WHERE word = 'wijkverwarmingscooperatie'`,
    );
    expect(n).toBe(1);
    await ds.transaction(async (m) => {
      await m.query(`DELETE FROM cases WHERE id = $1`, [gone]);
      await enqueueSearchUpdate(m, [gone], 'test.deleted');
    });
    await ctx.indexer.whenIdle();
    const stale = await agent.get('/api/search?q=wijkverwarmingscooperatei').expect(200);
    expect(stale.body).toMatchObject({ total: 0, suggestions: [] });
    const draft = await agent.get('/api/search?q=zwartgeldcircuitz').expect(200);
    expect(draft.body).toMatchObject({ total: 0, suggestions: [] });
  });

  it('clamps a page beyond the end to the last page', async () => {
    const res = await agent.get('/casussen?pagina=999').expect(200);
    expect(res.text).toContain('Aardbevingsproblematiek');
  });

  it('shows archived cases only with the status filter', async () => {
    const res = await agent.get('/casussen?status=gearchiveerd').expect(200);
    expect(res.text).toContain('Gearchiveerde incasso-aanpak');
  });
});

describe('matches in attachments', () => {
  it('says "gevonden in bijlage <naam>" with the PDF page, the snippet from there and a download link', async () => {
    const ds = ctx.db.dataSource;
    const caseId = await buildCase(ds, author, {
      title: 'Energiecoaches aan de keukentafel',
      themes: ['betaalbaarheid'],
    });
    const file = path.join(ctx.config.dataDir, 'evaluatie.pdf');
    writeFileSync(file, '%PDF-1.4 testbestand');
    const blob = await new BlobStore(blobRoot(ctx.config.dataDir)).putFile(file);
    // As text extraction stores it: the text, where each PDF page starts, then a re-index in the same transaction.
    const pages = [
      'Evaluatie van het project, pagina een.',
      'Op de tweede pagina: de zonnepaneelregeling voor huurders werkte goed.',
    ];
    const [{ id: attachmentId }] = await ds.transaction(async (m) => {
      const rows = await m.query(
        `INSERT INTO attachments (case_id, blob_sha256, filename, mime_type, size_bytes, extraction_status, extracted_text, page_offsets)
         VALUES ($1, $2, 'Evaluatie energiecoaches.pdf', 'application/pdf', $3, 'extracted', $4, $5) RETURNING id`,
        [caseId, blob.sha256, blob.size, pages.join('\n\n'), [0, pages[0].length + 2]],
      );
      await enqueueSearchUpdate(m, [caseId], 'attachment-text');
      return rows;
    });
    await ctx.indexer.whenIdle();

    const page = await agent.get('/casussen?q=zonnepaneelregeling').expect(200);
    expect(page.text).toContain('Energiecoaches aan de keukentafel');
    expect(page.text).toContain(
      `Gevonden in bijlage <a href="/bijlagen/${attachmentId}">Evaluatie energiecoaches.pdf</a> (pagina 2)`,
    );
    expect(page.text).toMatch(/<mark>zonnepaneelregeling<\/mark> voor huurders/);
    const api = await agent.get('/api/search?q=zonnepaneelregeling').expect(200);
    expect(api.body.hits[0].attachment).toEqual({
      id: attachmentId,
      filename: 'Evaluatie energiecoaches.pdf',
      page: 2,
      url: `/bijlagen/${attachmentId}`,
    });
    const download = await agent.get(`/bijlagen/${attachmentId}`).expect(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment/);

    // A match in the case itself wins: no attachment line then.
    const own = await agent.get('/api/search?q=energiecoaches').expect(200);
    expect(own.body.hits.find((h: { id: number }) => h.id === caseId).attachment).toBeUndefined();
  });
});

describe('/api/search', () => {
  it('answers JSON in the documented shape', async () => {
    const res = await agent.get('/api/search?q=renovatie&perPage=5').expect(200);
    expect(res.body).toMatchObject({ total: 1, page: 1, perPage: 5, tookMs: expect.any(Number) });
    expect(res.body.hits[0]).toMatchObject({
      title: 'Renovatie met bewoners in huis',
      roles: ['opdrachtgever'],
      themes: ['renovatie'],
      year: 2022,
      url: expect.stringMatching(/^\/casussen\/\d+$/),
    });
    expect(Object.keys(res.body.facets).sort()).toEqual([
      'answered',
      'hasReflection',
      'organizationKind',
      'presented',
      'role',
      'theme',
      'year',
    ]);
  });

  it('refuses perPage over 100 with a 400 and answers 401 when logged out', async () => {
    const res = await agent.get('/api/search?perPage=101').expect(400);
    expect(res.body.error).toContain('hoogstens 100');
    await request(ctx.app).get('/api/search?q=x').expect(401);
  });

  it("never shows another member's draft, not even in facet counts", async () => {
    const res = await agent.get('/api/search?q=zwartgeldcircuits').expect(200);
    expect(res.body.total).toBe(0);
    const all = await agent.get('/api/search').expect(200);
    expect(all.body.facets.theme.overlast).toBeUndefined();
  });
});

describe('keeping the index in step', () => {
  it('makes a saved case findable within a second', async () => {
    const writer = request.agent(ctx.app);
    await loginAs(writer, author);
    const csrf = await csrfOf(writer, '/casussen/nieuw');
    const started = Date.now();
    await writer
      .post('/casussen')
      .type('form')
      .send({
        ...defaultCaseContent({ title: 'Mantelzorgwoning in de achtertuin' }),
        roles: ['verhuurder'],
        themes: ['woonconcepten'],
        tags: '',
        year: '2024',
        action: 'publish',
        _csrf: csrf,
      })
      .expect(303);
    let found = false;
    while (!found && Date.now() - started < 1000) {
      found = (await agent.get('/api/search?q=mantelzorgwoning')).body.total === 1;
      if (!found) await new Promise((r) => setTimeout(r, 25));
    }
    expect(found).toBe(true);
  });

  it('enqueues nothing when a change is rolled back', async () => {
    const [{ n: before }] = await ctx.db.dataSource.query(`SELECT count(*)::int AS n FROM search_outbox`);
    const service = new CasesService(ctx.db.dataSource);
    await expect(
      ctx.db.dataSource.transaction(async (m) => {
        await service.create(
          defaultCaseContent(),
          { authorId: author.id, organizationId: author.organizationId, status: 'published' },
          m,
        );
        throw new Error('afgebroken');
      }),
    ).rejects.toThrow('afgebroken');
    const [{ n: after }] = await ctx.db.dataSource.query(`SELECT count(*)::int AS n FROM search_outbox`);
    expect(after).toBeLessThanOrEqual(before);
  });

  it('queues updates while the engine is down and applies them all once it is back; the page degrades to PostgreSQL', async () => {
    const flaky = await createTestApp({
      search: (db) => new SwitchableSearch(new PostgresCaseSearch(db.dataSource)),
    });
    try {
      const engine = flaky.search as SwitchableSearch;
      const writer = await buildUser(flaky.db.dataSource);
      const reader = request.agent(flaky.app);
      await loginAs(reader, writer);
      engine.down = true;
      for (const title of [
        'Flexwonen voor spoedzoekers',
        'Tiny houses op een tijdelijke locatie',
        'Kamerverhuur aan studenten',
      ]) {
        await buildCase(flaky.db.dataSource, writer, { title });
      }
      flaky.indexer.kick();
      await new Promise((r) => setTimeout(r, 300));
      const [{ n: waiting }] = await flaky.db.dataSource.query(
        `SELECT count(*)::int AS n FROM search_outbox`,
      );
      expect(waiting).toBe(3);
      const [{ attempts }] = await flaky.db.dataSource.query(
        `SELECT max(attempts)::int AS attempts FROM search_outbox`,
      );
      expect(attempts).toBeGreaterThan(0);

      // Searching still works from the PostgreSQL mirror, and says so.
      const page = await reader.get('/casussen').expect(200);
      expect(page.text).toContain('tijdelijk niet bereikbaar');

      engine.down = false;
      await flaky.indexer.whenIdle(10_000);
      const res = await reader.get('/api/search?q=flexwonen%20of%20tiny%20of%20kamerverhuur').expect(200);
      expect(res.body.total).toBe(3);
      expect(res.body.degraded).toBe(false);
    } finally {
      await flaky.close();
    }
  });
});

describe('Meilisearch down: the PostgreSQL mirror keeps up, Meilisearch catches up later', () => {
  let primaryDb: TestDatabase;
  let flaky: TestContext;
  beforeAll(async () => {
    // "Meilisearch": a real adapter on a database of its own, behind a switch that can take it down.
    primaryDb = await createTestDatabase();
    flaky = await createTestApp({
      search: () => new SwitchableSearch(new PostgresCaseSearch(primaryDb.dataSource)),
    });
  });
  afterAll(async () => {
    await flaky.close();
    await primaryDb.destroy();
  });

  it('applies every change to the mirror past the first batch, and all of them to the engine once it is back', async () => {
    const engine = flaky.search as SwitchableSearch;
    const primary = new PostgresCaseSearch(primaryDb.dataSource);
    const ds = flaky.db.dataSource;
    const writer = await buildUser(ds);
    const reader = request.agent(flaky.app);
    await loginAs(reader, writer);
    engine.down = true;
    // More than one indexer batch (200), written the way an import writes them.
    const count = 230;
    await ds.transaction((m) =>
      new CasesService(ds).createMany(
        Array.from({ length: count }, (_, i) => ({
          content: defaultCaseContent({ title: `Wooncoöperatie nummer ${i + 1}` }),
          options: {
            authorId: writer.id,
            organizationId: writer.organizationId,
            status: 'published' as const,
          },
        })),
        m,
      ),
    );
    flaky.indexer.kick();
    await flaky.indexer.whenIdle(30_000, 'postgres');

    // The fallback answers with every case; the engine has none yet, and the outbox keeps them for it.
    const degraded = await reader.get('/api/search?q=wooncooperatie&perPage=1').expect(200);
    expect(degraded.body).toMatchObject({ total: count, degraded: true });
    expect(await primary.documentCount()).toBe(0);
    const [{ waiting, forMirror, attempts }] = await ds.query(
      `SELECT count(*)::int AS waiting, count(*) FILTER (WHERE NOT ('postgres' = ANY(applied_to)))::int AS "forMirror",
              max(attempts)::int AS attempts FROM search_outbox`,
    );
    expect({ waiting, forMirror }).toEqual({ waiting: count, forMirror: 0 });
    expect(attempts).toBeGreaterThan(0);

    engine.down = false;
    await flaky.indexer.whenIdle(30_000);
    expect(await primary.documentCount()).toBe(count);
    const back = await reader.get('/api/search?q=wooncooperatie&perPage=1').expect(200);
    expect(back.body).toMatchObject({ total: count, degraded: false });
  });
});

describe('related cases', () => {
  it('shows similar published cases on the case page, never itself or a draft', async () => {
    const ds = ctx.db.dataSource;
    const a = await buildCase(ds, author, {
      title: 'Woonoverlast aanpakken met buurtbemiddeling',
      themes: ['overlast', 'leefbaarheid'],
      tags: ['buurtbemiddeling'],
    });
    await buildCase(ds, author, {
      title: 'Buurtbemiddeling bij burenruzies',
      themes: ['overlast'],
      tags: ['buurtbemiddeling'],
    });
    await buildCase(ds, author, {
      title: 'Concept: overlast in de flat',
      themes: ['overlast', 'leefbaarheid'],
      status: 'draft',
      tags: ['buurtbemiddeling'],
    });
    await ctx.indexer.whenIdle();
    const page = await agent.get(`/casussen/${a}`).expect(200);
    const related = page.text.slice(
      page.text.indexOf('Vergelijkbare casussen'),
      page.text.indexOf('Reflecties'),
    );
    expect(related).toContain('Buurtbemiddeling bij burenruzies');
    expect(related).not.toContain('Concept: overlast');
    expect(related).not.toContain(`/casussen/${a}"`);
  });
});

describe('totals beyond what the engine counts (Meilisearch maxTotalHits)', () => {
  let capped: TestContext;
  /** An engine that stopped counting at 10,000, as Meilisearch does at maxTotalHits. */
  class CountingStopsAt10000 extends SwitchableSearch {
    override async search(...args: Parameters<SwitchableSearch['search']>) {
      const result = await super.search(...args);
      return { ...result, total: 10_000, totalCapped: true, page: args[0].page };
    }
  }
  beforeAll(async () => {
    capped = await createTestApp({
      search: (db) => new CountingStopsAt10000(new PostgresCaseSearch(db.dataSource)),
    });
  });
  afterAll(() => capped.close());

  it('shows "10.000+" instead of an exact count, and says on the last page that paging stops there', async () => {
    const reader = request.agent(capped.app);
    const user = await buildUser(capped.db.dataSource);
    await buildCase(capped.db.dataSource, user, { title: 'Casus voor het tellen' });
    await loginAs(reader, user);
    const first = await reader.get('/casussen').expect(200);
    expect(first.text).toMatch(/<strong>10\.000\+<\/strong> casussen/);
    expect(first.text).toContain('Pagina 1 van 500+');
    expect(first.text).not.toContain('verder bladeren kan niet');
    const last = await reader.get('/casussen?pagina=500').expect(200);
    expect(last.text).toContain('Er zijn meer dan 10.000 resultaten; verder bladeren kan niet.');
    const api = await reader.get('/api/search').expect(200);
    expect(api.body).toMatchObject({ total: 10_000, totalCapped: true });
  });
});
