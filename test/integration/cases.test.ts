import request from 'supertest';
import { buildCase, buildUser, csrfOf, loginAs, type TestUser } from '../support/factories';
import { createTestApp, type TestContext } from '../support/test-app';

let ctx: TestContext;
let author: TestUser;
let colleague: TestUser; // same organisation
let outsider: TestUser;
let curator: TestUser;
let admin: TestUser;

beforeAll(async () => {
  ctx = await createTestApp();
  const ds = ctx.db.dataSource;
  author = await buildUser(ds);
  colleague = await buildUser(ds, { organizationId: author.organizationId });
  outsider = await buildUser(ds);
  curator = await buildUser(ds, { roles: ['curator'] });
  admin = await buildUser(ds, { roles: ['admin'] });
});
afterAll(() => ctx.close());

async function agentFor(user: TestUser) {
  const agent = request.agent(ctx.app);
  await loginAs(agent, user);
  return agent;
}

const validForm = (overrides: Record<string, unknown> = {}) => ({
  title: 'Vroegsignalering van huurachterstanden met de gemeente',
  summary: 'Samen met de gemeente bellen we huurders bij de eerste gemiste betaling.',
  context: 'Huurachterstanden liepen op.',
  approach: 'We belden binnen een week.',
  results: 'Dertig procent minder ontruimingen.',
  lessons: 'Vroeg bellen werkt.',
  question: 'Hoe organiseren jullie dit?',
  roles: ['verhuurder', 'samenwerkingspartner'],
  themes: ['incasso', 'schuldhulpverlening'],
  tags: 'vroegsignalering, Maatwerk, vroegsignalering',
  partners: 'Gemeente, wijkteam',
  region: 'Zwolle',
  year: '2023',
  contact: 'Sanne de Vries, incassomedewerker',
  ...overrides,
});

describe('writing a case', () => {
  it('creates a draft, edits it, publishes, archives and restores it, with a revision for each step', async () => {
    const agent = await agentFor(author);
    const csrf = await csrfOf(agent, '/casussen/nieuw');
    const created = await agent
      .post('/casussen')
      .type('form')
      .send({ ...validForm(), action: 'save', _csrf: csrf })
      .expect(303);
    const id = Number(created.headers.location.split('/').pop());
    const [row] = await ctx.db.dataSource.query(`SELECT status, tags, version FROM cases WHERE id = $1`, [
      id,
    ]);
    expect(row).toEqual({ status: 'draft', tags: ['vroegsignalering', 'maatwerk'], version: 1 });

    const page = await agent.get(`/casussen/${id}`).expect(200);
    expect(page.text).toContain('Vroegsignalering van huurachterstanden');
    expect(page.text).toContain('Concept');

    await agent
      .post(`/casussen/${id}`)
      .type('form')
      .send({
        ...validForm({ summary: 'Een nieuwe samenvatting.' }),
        version: '1',
        action: 'save',
        _csrf: csrf,
      })
      .expect(303);
    await agent.post(`/casussen/${id}/publiceren`).type('form').send({ _csrf: csrf }).expect(303);
    await agent.post(`/casussen/${id}/archiveren`).type('form').send({ _csrf: csrf }).expect(303);
    await agent.post(`/casussen/${id}/herstellen`).type('form').send({ _csrf: csrf }).expect(303);
    // Archiving twice is not a valid transition.
    await agent.post(`/casussen/${id}/herstellen`).type('form').send({ _csrf: csrf }).expect(409);

    const revisions = await ctx.db.dataSource.query(
      `SELECT version, changed_fields, author_id FROM case_revisions WHERE case_id = $1 ORDER BY version`,
      [id],
    );
    expect(revisions.map((r: { version: number }) => r.version)).toEqual([1, 2, 3, 4, 5]);
    expect(revisions[1].changed_fields).toEqual(['summary']);
    expect(revisions[2].changed_fields).toEqual(['status']);
    expect(revisions.every((r: { author_id: number }) => r.author_id === author.id)).toBe(true);

    const history = await agent.get(`/casussen/${id}/revisies`).expect(200);
    expect(history.text).toMatch(/<ins>[^<]*nieuwe[^<]*<\/ins>/);
    expect(history.text).toContain('Versie 5');

    // Every write went through the outbox: the search document follows the last status.
    await ctx.indexer.whenIdle();
    const [doc] = await ctx.db.dataSource.query(
      `SELECT status, summary FROM search_documents WHERE case_id = $1`,
      [id],
    );
    expect(doc).toEqual({ status: 'published', summary: 'Een nieuwe samenvatting.' });
  });

  it('saves a draft with a title only; publishing names what is missing, on the form and on the case page', async () => {
    const agent = await agentFor(author);
    const csrf = await csrfOf(agent, '/casussen/nieuw');
    const titleOnly = { title: 'Half af: buurtbemiddeling', _csrf: csrf };
    // Publishing a half-filled form: every missing field at once, on the first submit, text kept.
    const refused = await agent
      .post('/casussen')
      .type('form')
      .send({ ...titleOnly, action: 'publish' })
      .expect(400);
    expect(refused.text).toContain('De samenvatting is verplicht.');
    expect(refused.text).toContain('Kies minstens één rol van de corporatie.');
    expect(refused.text).toContain('Kies minstens één thema.');
    expect(refused.text).toContain('value="Half af: buurtbemiddeling"');

    // As a draft it is saved, and "en bijlagen toevoegen" goes on to the edit page with the upload form.
    const saved = await agent
      .post('/casussen')
      .type('form')
      .send({ ...titleOnly, verder: 'bijlagen' })
      .expect(303);
    expect(saved.headers.location).toMatch(/^\/casussen\/\d+\/bewerken#bijlagen$/);
    const id = Number(saved.headers.location.split('/')[2]);
    const edit = await agent.get(`/casussen/${id}/bewerken`).expect(200);
    expect(edit.text).toContain(`data-stage-upload="/casussen/${id}/bijlagen"`);
    expect(edit.text).toContain(
      'Om te publiceren ontbreekt nog: samenvatting, rol van de corporatie, thema’s.',
    );

    // The case page offers no publish button yet, but says what is missing; the route refuses too.
    const page = await agent.get(`/casussen/${id}`).expect(200);
    expect(page.text).toContain(
      'Om te publiceren ontbreekt nog: samenvatting, rol van de corporatie, thema’s.',
    );
    expect(page.text).not.toContain(`action="/casussen/${id}/publiceren"`);
    const direct = await agent
      .post(`/casussen/${id}/publiceren`)
      .type('form')
      .send({ _csrf: csrf })
      .expect(400);
    expect(direct.text).toContain('Om te publiceren ontbreekt nog');

    // Filled in, it publishes; archiving then offers the way back in its message.
    await agent
      .post(`/casussen/${id}`)
      .type('form')
      .send({ ...validForm({ title: titleOnly.title }), version: '1', action: 'publish', _csrf: csrf })
      .expect(303);
    await agent.post(`/casussen/${id}/archiveren`).type('form').send({ _csrf: csrf }).expect(303);
    const archived = await agent.get(`/casussen/${id}`).expect(200);
    expect(archived.text).toContain('De casus is gearchiveerd.');
    expect(archived.text).toMatch(
      new RegExp(`<form method="post" action="/casussen/${id}/herstellen"[^>]*>[\\s\\S]*?Ongedaan maken`),
    );
  });

  it('answers 409 on a stale edit, keeps the text typed and shows what changed meanwhile', async () => {
    const id = await buildCase(ctx.db.dataSource, author, { title: 'Oude titel van de casus' });
    const mine = await agentFor(author);
    const theirs = await agentFor(curator);
    const csrfMine = await csrfOf(mine, `/casussen/${id}/bewerken`);
    const csrfTheirs = await csrfOf(theirs, `/casussen/${id}/bewerken`);
    await theirs
      .post(`/casussen/${id}`)
      .type('form')
      .send({ ...validForm({ title: 'Titel aangepast door de kerngroep' }), version: '1', _csrf: csrfTheirs })
      .expect(303);
    const stale = await mine
      .post(`/casussen/${id}`)
      .type('form')
      .send({
        ...validForm({ approach: 'Mijn zorgvuldig geschreven aanpak' }),
        version: '1',
        _csrf: csrfMine,
      })
      .expect(409);
    expect(stale.text).toContain('Iemand anders heeft deze casus intussen opgeslagen');
    expect(stale.text).toContain('Mijn zorgvuldig geschreven aanpak');
    expect(stale.text).toMatch(/<ins>[^<]*aangepast[^<]*<\/ins>/);
    expect(stale.text).toContain('name="version" value="2"');
    const [row] = await ctx.db.dataSource.query(`SELECT title, approach FROM cases WHERE id = $1`, [id]);
    expect(row.title).toBe('Titel aangepast door de kerngroep');
  });
});

describe('bad input', () => {
  let agent: request.Agent;
  let csrf: string;
  beforeAll(async () => {
    agent = await agentFor(author);
    csrf = await csrfOf(agent, '/casussen/nieuw');
  });

  const post = (form: Record<string, unknown>) =>
    agent
      .post('/casussen')
      .type('form')
      .send({ ...form, _csrf: csrf });

  it('keeps what was typed and names the problem in Dutch', async () => {
    const res = await post(validForm({ title: '', summary: 'Mijn samenvatting blijft staan.' })).expect(400);
    expect(res.text).toContain('De titel is verplicht.');
    expect(res.text).toContain('Mijn samenvatting blijft staan.');
    expect(res.text).toMatch(/id="rol-verhuurder" name="roles" value="verhuurder" checked/);
  });

  it('states and enforces the limits', async () => {
    const form = await agent.get('/casussen/nieuw');
    expect(form.text).toContain('maxlength="200"');
    expect(form.text).toContain('Hoogstens 600 tekens');
    const res = await post(validForm({ title: 'x'.repeat(201) })).expect(400);
    expect(res.text).toContain('De titel mag hoogstens 200 tekens lang zijn.');
    const summary = await post(validForm({ summary: 's'.repeat(601) })).expect(400);
    expect(summary.text).toContain('hoogstens 600 tekens');
  });

  it('states the maximum length of every text field on the form, also where there is no other hint', async () => {
    const form = (await agent.get('/casussen/nieuw').expect(200)).text;
    const fields = [
      ...form.matchAll(/<(input|textarea) id="(veld-[a-zA-Z]+)"[^>]*?(?:maxlength="(\d+)")?[^>]*>/g),
    ].filter((m) => !/type="(hidden|file)"/.test(m[0])); // a file's limit is in MB (attachments tests)
    expect(fields.map((m) => m[2])).toEqual(
      expect.arrayContaining([
        'veld-title',
        'veld-summary',
        'veld-context',
        'veld-tags',
        'veld-partners',
        'veld-region',
        'veld-year',
        'veld-contact',
        'veld-contactEmail',
        'veld-contactPhone',
      ]),
    );
    for (const [tag, , id] of fields) {
      // The limit is in the field's own hint, which the field names in aria-describedby.
      expect([id, /maxlength="\d+"/.test(tag)]).toEqual([id, true]);
      expect([id, tag]).toEqual([id, expect.stringContaining(`aria-describedby="${id}-hint`)]);
      const hint = new RegExp(`<p class="hint" id="${id}-hint">([\\s\\S]*?)</p>`).exec(form)?.[1] ?? '';
      expect([id, hint]).toEqual([id, expect.stringMatching(/Hoogstens [\d.]+ (tekens|trefwoorden)/)]);
    }
    expect(form).toContain('<p class="hint" id="veld-region-hint">Hoogstens 120 tekens.</p>');
    expect(form).toContain('Hoogstens 20.000 tekens.');
  });

  it('offers tag suggestions: a datalist without JavaScript, and the enhancement script loaded', async () => {
    await buildCase(ctx.db.dataSource, author, { tags: ['wijkaanpak', 'wijkteam'] });
    const form = (await agent.get('/casussen/nieuw').expect(200)).text;
    expect(form).toMatch(
      /<input id="veld-tags" name="tags" type="text" value="" list="trefwoord-suggesties" data-tag-input/,
    );
    expect(form).toMatch(/<datalist id="trefwoord-suggesties">.*<option value="wijkaanpak"><\/option>/s);
    const script = /<script src="(\/js\/tags\.js[^"]*)" defer><\/script>/.exec(form)?.[1];
    expect(script).toBeDefined();
    const js = await agent.get(script!).expect(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(form).not.toMatch(/<script>(?!<\/script>)/); // no inline script (strict CSP)
  });

  it('lists the valid values for an unknown theme or role, and refuses an empty selection', async () => {
    const theme = await post(validForm({ themes: ['incasso', 'bestaat-niet'] })).expect(400);
    expect(theme.text).toMatch(/Onbekend thema \(bestaat-niet\)\. Geldige thema’s: .*incasso.*renovatie/);
    const role = await post(validForm({ roles: ['huisbaas'] })).expect(400);
    expect(role.text).toContain(
      'Onbekende rol. Geldige rollen: verhuurder, samenwerkingspartner, opdrachtgever, ontwikkelaar.',
    );
    const none = await post(validForm({ roles: [], action: 'publish' })).expect(400);
    expect(none.text).toContain('Kies minstens één rol van de corporatie.');
  });

  it('refuses a year outside 1990 to next year', async () => {
    const next = new Date().getFullYear() + 1;
    await post(validForm({ year: '1989' })).expect(400);
    await post(validForm({ year: String(next + 1) })).expect(400);
    await post(validForm({ year: 'twintig' })).expect(400);
    await post(validForm({ year: String(next), action: 'save' })).expect(303);
  });

  it('neutralises scripts, javascript: links and raw HTML in Markdown', async () => {
    const res = await post(
      validForm({
        context:
          'Tekst <script>alert(1)</script> [klik](javascript:alert(2)) <img src=x onerror=alert(3)> [site](https://example.nl)',
        action: 'publish',
      }),
    ).expect(303);
    const page = await agent.get(res.headers.location).expect(200);
    expect(page.text).not.toContain('<script>alert');
    expect(page.text).not.toMatch(/href="javascript:/);
    expect(page.text).not.toContain('<img src=x');
    expect(page.text).toContain('&lt;script&gt;');
    expect(page.text).toContain(
      '<a href="https://example.nl" rel="noopener nofollow" target="_blank">site</a>',
    );
  });

  it('gives the same 404 for a missing case and an invalid id', async () => {
    await agent.get('/casussen/999999').expect(404);
    await agent.get('/casussen/abc').expect(404);
  });
});

describe('the contact person’s e-mail address and phone number', () => {
  let agent: request.Agent;
  let csrf: string;
  beforeAll(async () => {
    agent = await agentFor(author);
    csrf = await csrfOf(agent, '/casussen/nieuw');
  });
  const post = (form: Record<string, unknown>) =>
    agent
      .post('/casussen')
      .type('form')
      .send({ ...form, _csrf: csrf });
  const countCases = async () =>
    (await ctx.db.dataSource.query(`SELECT count(*)::int AS n FROM cases`))[0].n as number;

  it('refuses an invalid address or number with a Dutch message at the field, keeps the input and saves nothing', async () => {
    const before = await countCases();
    for (const [field, value, message] of [
      [
        'contactEmail',
        'sanne@',
        'Het e-mailadres van de contactpersoon is geen geldig e-mailadres. Schrijf het als naam@organisatie.nl.',
      ],
      [
        'contactEmail',
        'sanne de vries@example.nl',
        'Het e-mailadres van de contactpersoon is geen geldig e-mailadres.',
      ],
      [
        'contactPhone',
        '12345',
        'Het telefoonnummer van de contactpersoon is geen geldig telefoonnummer. Schrijf het als 06 12345678 of +31 38 123 45 67.',
      ],
      [
        'contactPhone',
        'bel mij maar',
        'Het telefoonnummer van de contactpersoon is geen geldig telefoonnummer.',
      ],
      [
        'contactPhone',
        '0'.repeat(31),
        'Het telefoonnummer van de contactpersoon mag hoogstens 30 tekens lang zijn.',
      ],
    ] as const) {
      const res = await post(validForm({ [field]: value, action: 'publish' })).expect(400);
      expect([field, res.text]).toEqual([field, expect.stringContaining(message)]);
      expect(res.text).toContain(`href="#veld-${field}"`);
      expect(res.text).toContain(`value="${value}"`);
      expect(res.text).toContain('value="Vroegsignalering van huurachterstanden met de gemeente"');
    }
    expect(await countCases()).toBe(before);
  });

  it('shows them to members as mailto:/tel: links, exports them, and keeps them out of the search text', async () => {
    const res = await post(
      validForm({
        contactEmail: ' Sanne.de.Vries@WoonstichtingDeVaart.nl ',
        contactPhone: '038  123 45 67',
        action: 'publish',
      }),
    ).expect(303);
    const id = Number(res.headers.location.split('/').pop());
    const [row] = await ctx.db.dataSource.query(
      `SELECT contact_email, contact_phone FROM cases WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({
      contact_email: 'sanne.de.vries@woonstichtingdevaart.nl',
      contact_phone: '038 123 45 67',
    });

    const page = await (await agentFor(outsider)).get(`/casussen/${id}`).expect(200);
    expect(page.text).toContain(
      '<dt>E-mailadres van de contactpersoon</dt><dd><a href="mailto:sanne.de.vries@woonstichtingdevaart.nl">sanne.de.vries@woonstichtingdevaart.nl</a></dd>',
    );
    expect(page.text).toContain(
      '<dt>Telefoonnummer van de contactpersoon</dt><dd><a href="tel:0381234567">038 123 45 67</a></dd>',
    );
    // The edit form gives them back; the JSON view (members only) and the export carry them.
    const edit = await agent.get(`/casussen/${id}/bewerken`).expect(200);
    expect(edit.text).toContain('value="sanne.de.vries@woonstichtingdevaart.nl"');
    const api = await (await agentFor(outsider)).get(`/api/cases/${id}`).expect(200);
    expect(api.body).toMatchObject({
      contactEmail: 'sanne.de.vries@woonstichtingdevaart.nl',
      contactPhone: '038 123 45 67',
    });

    // Search: the contact's name is searched as before; the address and number are not.
    await ctx.indexer.whenIdle();
    const [doc] = await ctx.db.dataSource.query(`SELECT * FROM search_documents WHERE case_id = $1`, [id]);
    expect(JSON.stringify(doc)).toContain('Sanne de Vries');
    expect(JSON.stringify(doc)).not.toContain('woonstichtingdevaart');
    expect(JSON.stringify(doc)).not.toContain('123 45 67');
    const found = await agent.get('/api/search?q=woonstichtingdevaart').expect(200);
    expect(JSON.stringify(found.body)).not.toContain(`"id":${id},`);

    // Revisions name the fields in Dutch.
    await agent
      .post(`/casussen/${id}`)
      .type('form')
      .send({ ...validForm({ contactPhone: '06 12345678' }), version: '1', action: 'save', _csrf: csrf })
      .expect(303);
    const history = await agent.get(`/casussen/${id}/revisies`).expect(200);
    expect(history.text).toContain('Telefoonnummer van de contactpersoon');
  });

  it('shows nothing of them without sign-in', async () => {
    const id = await buildCase(ctx.db.dataSource, author, {
      contactEmail: 'verborgen@example.nl',
      contactPhone: '06 98765432',
    });
    const anonymous = request(ctx.app);
    const page = await anonymous.get(`/casussen/${id}`).expect(303);
    expect(page.headers.location).toMatch(/^\/inloggen/);
    expect(page.text).not.toContain('verborgen@example.nl');
    const api = await anonymous.get(`/api/cases/${id}`).expect(401);
    expect(JSON.stringify(api.body)).not.toContain('verborgen@example.nl');
    expect(JSON.stringify(api.body)).not.toContain('98765432');
  });
});

describe('who may see and change a case', () => {
  it('keeps a draft invisible to others by id, in lists and in the API; admins may read it', async () => {
    const id = await buildCase(ctx.db.dataSource, author, {
      status: 'draft',
      title: 'Geheim concept over woonfraude',
    });
    for (const user of [colleague, outsider, curator]) {
      const agent = await agentFor(user);
      await agent.get(`/casussen/${id}`).expect(404);
      await agent.get(`/api/cases/${id}`).expect(404);
      await agent.get(`/casussen/${id}/bewerken`).expect(404);
      expect((await agent.get('/casussen')).text).not.toContain('Geheim concept');
      expect((await agent.get('/')).text).not.toContain('Geheim concept');
    }
    const own = await agentFor(author);
    expect((await own.get('/')).text).toContain('Geheim concept');
    await (await agentFor(admin)).get(`/casussen/${id}`).expect(200);
  });

  it('lets only the author, curators and admins edit a published case', async () => {
    const id = await buildCase(ctx.db.dataSource, author);
    for (const [user, status] of [
      [colleague, 403],
      [outsider, 403],
      [curator, 200],
      [admin, 200],
      [author, 200],
    ] as const) {
      const agent = await agentFor(user);
      await agent.get(`/casussen/${id}/bewerken`).expect(status);
      const csrf = await csrfOf(agent, `/casussen/${id}`);
      if (status === 403) {
        await agent
          .post(`/casussen/${id}`)
          .type('form')
          .send({ ...validForm(), version: '1', _csrf: csrf })
          .expect(403);
        await agent.post(`/casussen/${id}/archiveren`).type('form').send({ _csrf: csrf }).expect(403);
      }
    }
    const page = await (await agentFor(outsider)).get(`/casussen/${id}`).expect(200);
    expect(page.text).not.toContain('/bewerken');
  });

  it('answers the JSON view in the export format with id, url and attachments', async () => {
    const id = await buildCase(ctx.db.dataSource, author, {
      title: 'JSON-casus',
      themes: ['renovatie', 'onderhoud'],
    });
    const res = await (await agentFor(outsider)).get(`/api/cases/${id}`).expect(200);
    expect(res.body).toMatchObject({
      id,
      title: 'JSON-casus',
      themes: ['onderhoud', 'renovatie'],
      roles: ['verhuurder'],
      status: 'published',
      authorName: (await ctx.db.dataSource.query(`SELECT name FROM users WHERE id = $1`, [author.id]))[0]
        .name,
      attachments: [],
    });
    // The author's address is on no page, so not in the API either.
    expect(res.body).not.toHaveProperty('author');
    expect(JSON.stringify(res.body)).not.toContain(author.email);
    expect(res.body.url).toMatch(new RegExp(`/casussen/${id}$`));
    await request(ctx.app).get(`/api/cases/${id}`).expect(401);
  });
});

describe('the reflection form', () => {
  it('previews the text without saving it (server-rendered, sanitised), on the case page and when editing', async () => {
    const expert = await buildUser(ctx.db.dataSource, { roles: ['expert'] });
    const id = await buildCase(ctx.db.dataSource, author, {
      title: 'Buurtbemiddeling bij burenruzies',
      summary: 'Bemiddelaars uit de buurt lossen ruzies op voordat ze escaleren.',
    });
    const agent = await agentFor(expert);
    const page = await agent.get(`/casussen/${id}`).expect(200);
    expect(page.text).toContain(`action="/casussen/${id}/reflecties#reflectie-schrijven"`);
    expect(page.text).toMatch(/<button type="submit" name="voorbeeld" value="1"[^>]*>Voorbeeld<\/button>/);
    const csrf = await csrfOf(agent, `/casussen/${id}`);
    const text = 'Dit werkt **goed** in wijken met veel _huurders_. <script>alert(1)</script>';
    const preview = await agent
      .post(`/casussen/${id}/reflecties`)
      .type('form')
      .send({ _csrf: csrf, body: text, voorbeeld: '1' })
      .expect(200);
    expect(preview.text).toMatch(
      /<section class="markdown-preview prose" id="voorbeeld-body"[^>]*>\s*<p>Dit werkt <strong>goed<\/strong> in wijken met veel <em>huurders<\/em>/,
    );
    expect(preview.text).not.toContain('<script>alert(1)');
    expect(preview.text).toContain('Dit werkt **goed** in wijken'); // still in the textarea
    const count = async () =>
      (
        await ctx.db.dataSource.query(`SELECT count(*)::int AS n FROM reflections WHERE case_id = $1`, [id])
      )[0].n;
    expect(await count()).toBe(0);

    // Placed for real, then edited: the edit page names the case it belongs to and previews too.
    const placed = await agent
      .post(`/casussen/${id}/reflecties`)
      .type('form')
      .send({ _csrf: csrf, body: 'Eerste versie.' })
      .expect(303);
    const reflectionId = Number(/reflectie-(\d+)/.exec(placed.headers.location)![1]);
    const edit = await agent.get(`/reflecties/${reflectionId}/bewerken`).expect(200);
    expect(edit.text).toContain(`<a href="/casussen/${id}">Buurtbemiddeling bij burenruzies</a>`);
    expect(edit.text).toContain('Bemiddelaars uit de buurt lossen ruzies op voordat ze escaleren.');
    const editPreview = await agent
      .post(`/reflecties/${reflectionId}`)
      .type('form')
      .send({ _csrf: csrf, body: 'Tweede *versie*.', voorbeeld: '1' })
      .expect(200);
    expect(editPreview.text).toContain('<p>Tweede <em>versie</em>.</p>');
    expect(editPreview.text).toContain('Buurtbemiddeling bij burenruzies');
    const [stored] = await ctx.db.dataSource.query(`SELECT body FROM reflections WHERE id = $1`, [
      reflectionId,
    ]);
    expect(stored.body).toBe('Eerste versie.');

    // Saved later than it was written: the case page says "bewerkt op …".
    await ctx.db.dataSource.query(
      `UPDATE reflections SET created_at = now() - interval '2 days' WHERE id = $1`,
      [reflectionId],
    );
    await agent
      .post(`/reflecties/${reflectionId}`)
      .type('form')
      .send({ _csrf: csrf, body: 'Tweede versie.' })
      .expect(303);
    expect((await agent.get(`/casussen/${id}`).expect(200)).text).toMatch(/· bewerkt op \d{1,2} \w+ \d{4}/);
  });
});

describe('language on the pages a member sees every day', () => {
  it('uses curly quotes and apostrophes, Dutch numbers, and no response time on the search page', async () => {
    const agent = await agentFor(author);
    const home = (await agent.get('/').expect(200)).text;
    expect(home).toContain('collega’s');
    expect(home).not.toMatch(/[a-z]&#39;s\b/);
    const form = (await agent.get('/casussen/nieuw').expect(200)).text;
    expect(form).toContain('Hoogstens 20.000 tekens.');
    expect(form).not.toMatch(/Hoogstens \d{4,} tekens/);
    // The search page never shows how long the search took; the API and the logs keep it.
    await buildCase(ctx.db.dataSource, author, { title: 'Huurachterstand en vroeg bellen' });
    await ctx.indexer.whenIdle();
    const page = (await agent.get('/casussen?q=huurachterstand').expect(200)).text;
    expect(page).toContain('Huurachterstand en vroeg bellen');
    expect(page).not.toMatch(/\d\s?ms\b|milliseconde/);
    const api = await agent.get('/api/search?q=huurachterstand').expect(200);
    expect(api.body.tookMs).toEqual(expect.any(Number));
  });
});
