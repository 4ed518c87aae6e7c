import pino from 'pino';
import request, { type Agent } from 'supertest';
import { createApp } from '../../src/app';
import { importCases } from '../../src/cases/import-export';
import { buildCase, buildUser, csrfOf, loginAs, type TestUser } from '../support/factories';
import { createTestApp, type TestContext } from '../support/test-app';

/**
 * Input an attacker (or a damaged client) sends that PostgreSQL or the router cannot take: it is
 * refused or cleaned in the validation layer with a Dutch message, never a 500.
 */

let ctx: TestContext;
let author: TestUser;
let admin: TestUser;
let expert: TestUser;
let caseId: number;

beforeAll(async () => {
  ctx = await createTestApp();
  const ds = ctx.db.dataSource;
  author = await buildUser(ds);
  admin = await buildUser(ds, { roles: ['admin'] });
  expert = await buildUser(ds, { roles: ['expert'] });
  caseId = await buildCase(ds, author, { status: 'published' });
});
afterAll(() => ctx.close());

async function agentFor(user: TestUser): Promise<Agent> {
  const agent = request.agent(ctx.app);
  await loginAs(agent, user);
  return agent;
}

const caseForm = (overrides: Record<string, unknown> = {}) => ({
  title: 'Huurachterstanden vroeg signaleren',
  summary: 'Samen met de gemeente bellen we huurders bij de eerste gemiste betaling.',
  roles: ['verhuurder'],
  themes: ['incasso'],
  tags: 'vroegsignalering',
  year: '2023',
  action: 'save',
  ...overrides,
});

describe('NUL, lone surrogates and control characters', () => {
  it('refuses a NUL in a case field with the field named, in Dutch', async () => {
    const agent = await agentFor(author);
    const _csrf = await csrfOf(agent, '/casussen/nieuw');
    const title = await agent
      .post('/casussen')
      .type('form')
      .send({ ...caseForm({ title: 'Kapot\u0000' }), _csrf })
      .expect(400);
    expect(title.text).toContain('De titel bevat ongeldige tekens (zoals een nul-teken)');
    const tags = await agent
      .post('/casussen')
      .type('form')
      .send({ ...caseForm({ tags: 'a\u0000b' }), _csrf })
      .expect(400);
    expect(tags.text).toContain('Dit veld bevat ongeldige tekens');
  });

  it('refuses a lone surrogate sent as JSON', async () => {
    const agent = await agentFor(expert);
    const res = await agent
      .post(`/casussen/${caseId}/reflecties`)
      .set('x-csrf-token', await csrfOf(agent, `/casussen/${caseId}`))
      .set('Accept', 'application/json')
      .send({ body: 'Een reflectie \ud800 met een halve surrogaat' })
      .expect(400);
    expect(res.text).toContain('De reflectie bevat ongeldige tekens');
  });

  it('removes control characters and bidi overrides from a summary before storing it', async () => {
    const agent = await agentFor(author);
    const _csrf = await csrfOf(agent, '/casussen/nieuw');
    const res = await agent
      .post('/casussen')
      .type('form')
      .send({ ...caseForm({ summary: 'Eerste\u0002 gemiste \u202Ebetaling\u2066 telt' }), _csrf })
      .expect(303);
    const id = Number(res.headers.location.split('/').pop());
    const [row] = await ctx.db.dataSource.query(`SELECT summary FROM cases WHERE id = $1`, [id]);
    expect(row.summary).toBe('Eerste gemiste betaling telt');
  });

  it.each([
    '/beheer/gebruikers?q=%00',
    '/beheer/audit?gebruiker=%00',
    '/casussen?q=huur%00',
    '/api/search?q=huur%00',
  ])('answers 400, not 500, to a NUL in the query string of %s', async (url) => {
    const agent = await agentFor(admin);
    await agent.get(url).expect(400);
  });

  it('names the record and the field of a NUL in a JSON import', async () => {
    const record = (overrides: Record<string, unknown>) => ({
      ...caseForm(),
      year: 2023,
      tags: ['x'],
      organization: 'Woonstichting Import',
      ...overrides,
    });
    const result = await importCases(ctx.db.dataSource, [
      record({}),
      record({ organization: 'Woon\u0000stichting' }),
      record({ title: 'Titel \udc00' }),
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.index, p.field])).toEqual([
      [1, 'organization'],
      [2, 'title'],
    ]);
    expect(result.problems[0].message).toContain('bevat ongeldige tekens');
  });
});

describe('addresses the router cannot decode', () => {
  it.each(['/casussen/%ff', '/api/cases/%ff', '/uitnodiging/%ff', '/bijlagen/%E0%A4%A'])(
    '%s answers 400, not 500',
    async (url) => {
      const agent = await agentFor(author);
      const res = await agent.get(url);
      expect(res.status).toBe(400);
    },
  );
});

describe('an undecodable address in the log', () => {
  it('is a refused request at info level, not an error with a stack', async () => {
    const lines: Array<{ level: number; msg: string }> = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const app = createApp({ config: ctx.config, db: ctx.db, logger, search: ctx.search });
    try {
      await request(app).get('/casussen/%ff').expect(400);
      expect(lines.map((l) => [l.level, l.msg])).toEqual([
        [30, 'request refused'],
        [30, 'request completed'],
      ]);
    } finally {
      await app.shutdown();
    }
  });
});

describe('numbers written only in decimal digits', () => {
  it.each(['0x1', '1.0', '1e0', '+1', ' 1'])('the case id %j is not an id', async (id) => {
    const agent = await agentFor(author);
    await agent.get(`/casussen/${encodeURIComponent(id)}`).expect(404);
  });

  it('refuses a meeting id 0x1 in a reflection form', async () => {
    const agent = await agentFor(expert);
    const _csrf = await csrfOf(agent, `/casussen/${caseId}`);
    const res = await agent
      .post(`/casussen/${caseId}/reflecties`)
      .type('form')
      .send({ body: 'Een reflectie bij de casus.', meetingId: '0x1', _csrf })
      .expect(400);
    expect(res.text).toContain('Kies een bijeenkomst uit de lijst.');
  });

  it('refuses the year 0x7E8', async () => {
    const agent = await agentFor(author);
    const _csrf = await csrfOf(agent, '/casussen/nieuw');
    await agent
      .post('/casussen')
      .type('form')
      .send({ ...caseForm({ year: '0x7E8' }), _csrf })
      .expect(400);
  });
});

describe('the version of an edit', () => {
  it('refuses a version out of range and a form without one, and saves nothing', async () => {
    const agent = await agentFor(author);
    const id = await buildCase(ctx.db.dataSource, author, { title: 'Oorspronkelijke titel' });
    const _csrf = await csrfOf(agent, `/casussen/${id}/bewerken`);
    const huge = await agent
      .post(`/casussen/${id}`)
      .type('form')
      .send({ ...caseForm({ title: 'Overschreven' }), version: '99999999999999', _csrf })
      .expect(400);
    expect(huge.text).toContain('De versie van het formulier is ongeldig');
    const missing = await agent
      .post(`/casussen/${id}`)
      .type('form')
      .send({ ...caseForm({ title: 'Overschreven' }), _csrf })
      .expect(400);
    expect(missing.text).toContain('De versie van het formulier ontbreekt');
    const [row] = await ctx.db.dataSource.query(`SELECT title, version FROM cases WHERE id = $1`, [id]);
    expect(row).toEqual({ title: 'Oorspronkelijke titel', version: 1 });
    await agent
      .post(`/casussen/${id}`)
      .type('form')
      .send({ ...caseForm({ title: 'Bewust aangepast' }), version: '1', _csrf })
      .expect(303);
  });
});

describe('import authors', () => {
  it('says which existing accounts got cases, and how many of them drafts', async () => {
    const result = await importCases(ctx.db.dataSource, [
      {
        ...caseForm(),
        year: 2023,
        tags: [],
        organization: 'Woonstichting Import',
        author: admin.email,
        status: 'draft',
      },
      { ...caseForm(), year: 2023, tags: [], organization: 'Woonstichting Import', author: admin.email },
      {
        ...caseForm(),
        year: 2023,
        tags: [],
        organization: 'Woonstichting Import',
        author: 'nieuw-lid@example.nl',
      },
    ]);
    expect(result.ok && result.existingAuthors).toEqual([{ email: admin.email, cases: 2, drafts: 1 }]);
  });
});

describe('import dates', () => {
  it('refuses a createdAt in the future', async () => {
    const result = await importCases(ctx.db.dataSource, [
      {
        ...caseForm(),
        year: 2023,
        tags: [],
        organization: 'Woonstichting Import',
        createdAt: '9999-12-31T00:00:00Z',
      },
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [{ index: 0, field: 'createdAt', message: 'ligt in de toekomst' }],
    });
  });
});
