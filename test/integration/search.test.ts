import request from 'supertest';
import { CasesService } from '../../src/cases/cases.service';
import { PostgresCaseSearch } from '../../src/search/postgres-search';
import { buildCase, buildUser, csrfOf, defaultCaseContent, loginAs, type TestUser } from '../support/factories';
import { SwitchableSearch } from '../support/switchable-search';
import { createTestApp, type TestContext } from '../support/test-app';

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
  await buildCase(ds, author, { title: 'Concept over zwartgeldcircuits', status: 'draft', themes: ['overlast'] });
  await buildCase(ds, author, { title: 'Gearchiveerde incasso-aanpak', status: 'archived', themes: ['incasso'] });
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
    const narrowed = await agent.get('/casussen?thema=renovatie&thema=onderhoud&rol=ontwikkelaar').expect(200);
    expect(narrowed.text).toContain('<strong>1</strong> casus');
    expect(narrowed.text).toMatch(/class="chip" href="\/casussen\?thema=renovatie&amp;thema=onderhoud"/);
  });

  it('says what it ignored: unknown facet values and an over-long query', async () => {
    const res = await agent.get(`/casussen?thema=bestaat-niet&rol=${encodeURIComponent("'; drop table")}`).expect(200);
    expect(res.text).toContain('Onbekende waarde &#34;bestaat-niet&#34; voor thema is genegeerd.');
    expect(res.text).toContain('<strong>3</strong> casussen');
    const long = await agent.get(`/casussen?q=${'renovatie '.repeat(30)}`).expect(200);
    expect(long.text).toContain('is ingekort');
  });

  it('shows all cases with a hint for a query of only stop words, and suggestions for a typo', async () => {
    const stop = await agent.get('/casussen?q=de%20het%20een').expect(200);
    expect(stop.text).toContain('<strong>3</strong> casussen');
    const none = await agent.get('/casussen?q=vroegsignaleringg%20xyzzy').expect(200);
    expect(none.text).toContain('Geen casussen gevonden');
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
    expect(Object.keys(res.body.facets).sort()).toEqual(['hasReflection', 'organizationKind', 'presented', 'role', 'theme', 'year']);
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
      .send({ ...defaultCaseContent({ title: 'Mantelzorgwoning in de achtertuin' }), roles: ['verhuurder'], themes: ['woonconcepten'], tags: '', year: '2024', action: 'publish', _csrf: csrf })
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
        await service.create(defaultCaseContent(), { authorId: author.id, organizationId: author.organizationId, status: 'published' }, m);
        throw new Error('afgebroken');
      }),
    ).rejects.toThrow('afgebroken');
    const [{ n: after }] = await ctx.db.dataSource.query(`SELECT count(*)::int AS n FROM search_outbox`);
    expect(after).toBeLessThanOrEqual(before);
  });

  it('queues updates while the engine is down and applies them all once it is back; the page degrades to PostgreSQL', async () => {
    const flaky = await createTestApp({ search: (db) => new SwitchableSearch(new PostgresCaseSearch(db.dataSource)) });
    try {
      const engine = flaky.search as SwitchableSearch;
      const writer = await buildUser(flaky.db.dataSource);
      const reader = request.agent(flaky.app);
      await loginAs(reader, writer);
      engine.down = true;
      for (const title of ['Flexwonen voor spoedzoekers', 'Tiny houses op een tijdelijke locatie', 'Kamerverhuur aan studenten']) {
        await buildCase(flaky.db.dataSource, writer, { title });
      }
      flaky.indexer.kick();
      await new Promise((r) => setTimeout(r, 300));
      const [{ n: waiting }] = await flaky.db.dataSource.query(`SELECT count(*)::int AS n FROM search_outbox`);
      expect(waiting).toBe(3);
      const [{ attempts }] = await flaky.db.dataSource.query(`SELECT max(attempts)::int AS attempts FROM search_outbox`);
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

describe('related cases', () => {
  it('shows similar published cases on the case page, never itself or a draft', async () => {
    const ds = ctx.db.dataSource;
    const a = await buildCase(ds, author, { title: 'Woonoverlast aanpakken met buurtbemiddeling', themes: ['overlast', 'leefbaarheid'], tags: ['buurtbemiddeling'] });
    await buildCase(ds, author, { title: 'Buurtbemiddeling bij burenruzies', themes: ['overlast'], tags: ['buurtbemiddeling'] });
    await buildCase(ds, author, { title: 'Concept: overlast in de flat', themes: ['overlast', 'leefbaarheid'], status: 'draft', tags: ['buurtbemiddeling'] });
    await ctx.indexer.whenIdle();
    const page = await agent.get(`/casussen/${a}`).expect(200);
    const related = page.text.slice(page.text.indexOf('Vergelijkbare casussen'), page.text.indexOf('Reflecties'));
    expect(related).toContain('Buurtbemiddeling bij burenruzies');
    expect(related).not.toContain('Concept: overlast');
    expect(related).not.toContain(`/casussen/${a}"`);
  });
});
