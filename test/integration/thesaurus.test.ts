import request from 'supertest';
import { normalizeTerm } from '../../src/search/thesaurus.schemas';
import { buildUser, csrfOf, loginAs, type TestUser } from '../support/factories';
import { createTestApp, type TestContext } from '../support/test-app';

let ctx: TestContext;
let curator: TestUser;
let curatorAgent: ReturnType<typeof request.agent>;
let csrf: string;
let changes = 0;

beforeAll(async () => {
  ctx = await createTestApp();
  curator = await buildUser(ds(), { roles: ['curator'] });
  curatorAgent = request.agent(ctx.app);
  await loginAs(curatorAgent, curator);
  csrf = await csrfOf(curatorAgent);
  ctx.thesaurus.onChange(() => changes++);
});
afterAll(() => ctx.close());

const ds = () => ctx.db.dataSource;

function post(path: string, body: Record<string, unknown>) {
  return curatorAgent
    .post(path)
    .type('form')
    .send({ ...body, _csrf: csrf });
}

/** Everything that a refused write must leave alone. */
async function snapshot() {
  const groups = await ds().query(`SELECT id, kind, terms, note FROM thesaurus_groups ORDER BY id`);
  const [audit] = await ds().query(
    `SELECT count(*)::int AS n FROM audit_events WHERE action LIKE 'thesaurus.%'`,
  );
  return { groups, audit: audit.n, changes };
}

async function groupWith(term: string): Promise<{ id: number; kind: string; terms: string[]; note: string }> {
  const [row] = await ds().query(
    `SELECT id, kind, terms, note FROM thesaurus_groups WHERE $1 = ANY(terms) ORDER BY id DESC LIMIT 1`,
    [term],
  );
  return row;
}

/** The textarea of the terms, as the page shows it again. */
const termsArea = (html: string) => /<textarea id="veld-terms"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)?.[1];

describe('the seeded thesaurus', () => {
  it('holds at least 150 groups, stored normalised, and groups() returns them all', async () => {
    const [count] = await ds().query(`SELECT count(*)::int AS n FROM thesaurus_groups`);
    expect(count.n).toBeGreaterThanOrEqual(150);
    const groups = await ctx.thesaurus.groups();
    expect(groups.flat().filter((t) => normalizeTerm(t) !== t)).toEqual([]);
    expect(groups).toHaveLength(count.n);
    expect(groups).toContainEqual(['wlz', 'wet langdurige zorg']);
    expect(groups).toContainEqual(['mo', 'maatschappelijke opvang']);
    expect(groups).toContainEqual(expect.arrayContaining(['huurachterstand', 'betalingsachterstand']));
    // 'Buurtconciërge' in the seed is stored without its accent.
    expect(groups.flat()).toContain('buurtconcierge');
  });

  it('lists the groups with a count, filtered on part of a term (case and accents ignored) and on kind', async () => {
    const all = await curatorAgent.get('/beheer/thesaurus').expect(200);
    const [count] = await ds().query(`SELECT count(*)::int AS n FROM thesaurus_groups`);
    expect(all.text).toContain(`${count.n} groepen`);
    expect(all.text).toContain('Een woord mag in meer groepen staan');

    const wlz = await curatorAgent.get('/beheer/thesaurus?q=WLZ').expect(200);
    expect(wlz.text).toContain('<li>wet langdurige zorg</li>');
    expect(wlz.text).not.toContain('<li>maatschappelijke opvang</li>');
    expect(wlz.text).toMatch(/\d+ groepen? gevonden van \d+/);
    expect(wlz.text).toContain('value="WLZ"');

    const accent = await curatorAgent
      .get(`/beheer/thesaurus?q=${encodeURIComponent('CONCIËRGE')}`)
      .expect(200);
    expect(accent.text).toContain('<li>buurtconcierge</li>');

    const spelling = await curatorAgent.get('/beheer/thesaurus?q=zorg&soort=spelling').expect(200);
    expect(spelling.text).toContain('<li>thuis zorg</li>');
    expect(spelling.text).not.toContain('<li>wet langdurige zorg</li>');

    // A filter with a wildcard character is taken literally.
    const literal = await curatorAgent.get('/beheer/thesaurus?q=%25').expect(200);
    expect(literal.text).toContain('Geen groepen gevonden voor dit filter.');

    // An unusable filter is said at the field, kept, and lists nothing.
    const long = 'x'.repeat(101);
    const refused = await curatorAgent.get(`/beheer/thesaurus?q=${long}`).expect(400);
    expect(refused.text).toContain('De zoekterm mag hoogstens 100 tekens lang zijn.');
    expect(refused.text).toContain(`value="${long}"`);
    expect(refused.text).not.toContain('<tbody>');
    const beyond = await curatorAgent.get('/beheer/thesaurus?q=zorg&pagina=99').expect(200);
    expect(beyond.text).toContain('<a href="/beheer/thesaurus?q=zorg">Naar de eerste pagina</a>');
    const badKind = await curatorAgent.get('/beheer/thesaurus?soort=onzin').expect(400);
    expect(badKind.text).toContain('id="veld-soort-fout"');
  });
});

describe('who may manage the thesaurus', () => {
  it('refuses practitioners and experts (403) and writes nothing; sends a visitor to log in', async () => {
    const before = await snapshot();
    const [seedGroup] = await ds().query(`SELECT id FROM thesaurus_groups ORDER BY id LIMIT 1`);
    for (const roles of [['practitioner'], ['expert']] as const) {
      const member = await buildUser(ds(), { roles: [...roles] });
      const agent = request.agent(ctx.app);
      await loginAs(agent, member);
      const token = await csrfOf(agent);
      await agent.get('/beheer/thesaurus').expect(403);
      await agent.get('/beheer/thesaurus/nieuw').expect(403);
      await agent.get(`/beheer/thesaurus/${seedGroup.id}`).expect(403);
      const body = { _csrf: token, kind: 'synoniem', terms: 'poging een\npoging twee' };
      await agent.post('/beheer/thesaurus').type('form').send(body).expect(403);
      await agent.post(`/beheer/thesaurus/${seedGroup.id}`).type('form').send(body).expect(403);
      await agent.post(`/beheer/thesaurus/${seedGroup.id}/verwijderen`).type('form').send(body).expect(403);
      const overview = await agent.get('/beheer');
      expect(overview.status).toBe(403);
    }
    const anon = await request(ctx.app).get('/beheer/thesaurus').expect(303);
    expect(anon.headers.location).toMatch(/^\/inloggen/);
    expect(await snapshot()).toEqual(before);
  });

  it('shows the curator and the admin the thesaurus in the Beheer overview', async () => {
    const overview = await curatorAgent.get('/beheer').expect(200);
    expect(overview.text).toContain('href="/beheer/thesaurus"');
    const admin = await buildUser(ds(), { roles: ['admin'] });
    const agent = request.agent(ctx.app);
    await loginAs(agent, admin);
    expect((await agent.get('/beheer').expect(200)).text).toContain('href="/beheer/thesaurus"');
    await agent.get('/beheer/thesaurus').expect(200);
  });

  it('refuses a change without the CSRF token', async () => {
    const before = await snapshot();
    await curatorAgent
      .post('/beheer/thesaurus')
      .type('form')
      .send({ kind: 'synoniem', terms: 'zonder token\nook zonder token' })
      .expect(403);
    expect(await snapshot()).toEqual(before);
  });
});

describe('a curator manages a group', () => {
  it('creates, edits and deletes a group: normalised, audited with the actor, groups() and listeners follow', async () => {
    const form = await curatorAgent.get('/beheer/thesaurus/nieuw').expect(200);
    expect(form.text).toContain('<label for="veld-terms">');
    expect(form.text).toContain('name="kind"');

    // Create: commas and lines both separate terms; case and accents go.
    const before = changes;
    expect(await ctx.thesaurus.groups()).not.toContainEqual(expect.arrayContaining(['huurpauze']));
    const created = await post('/beheer/thesaurus', {
      kind: 'synoniem',
      terms: 'Tijdelijke Huurkorting, Huurpauze\n  Huurvakantie  \r\nHuurcoulance',
      note: 'Uit de bijeenkomst over betaalbaarheid.',
    }).expect(303);
    expect(created.headers.location).toBe('/beheer/thesaurus?q=tijdelijke%20huurkorting');
    const group = await groupWith('huurpauze');
    expect(group).toMatchObject({
      kind: 'synoniem',
      terms: ['tijdelijke huurkorting', 'huurpauze', 'huurvakantie', 'huurcoulance'],
      note: 'Uit de bijeenkomst over betaalbaarheid.',
    });
    const [createdAudit] = await ds().query(
      `SELECT actor_id, details FROM audit_events WHERE action = 'thesaurus.created' AND subject_id = $1`,
      [String(group.id)],
    );
    expect(createdAudit.actor_id).toBe(curator.id);
    expect(createdAudit.details.terms).toEqual(group.terms);
    expect(changes).toBe(before + 1);
    expect(await ctx.thesaurus.groups()).toContainEqual(group.terms);
    const listed = await curatorAgent.get(created.headers.location).expect(200);
    expect(listed.text).toContain('is toegevoegd');
    expect(listed.text).toContain('<li>huurcoulance</li>');

    // Edit: the form shows the group one term per line; saving changes kind, terms and note.
    const edit = await curatorAgent.get(`/beheer/thesaurus/${group.id}`).expect(200);
    expect(termsArea(edit.text)).toBe('tijdelijke huurkorting\nhuurpauze\nhuurvakantie\nhuurcoulance');
    await post(`/beheer/thesaurus/${group.id}`, {
      kind: 'spelling',
      terms: 'huurpauze\nhuur pauze\nhuur-pauze',
      note: '',
    }).expect(303);
    const updated = await groupWith('huur pauze');
    expect(updated).toMatchObject({
      id: group.id,
      kind: 'spelling',
      terms: ['huurpauze', 'huur pauze', 'huur-pauze'],
    });
    const [updatedAudit] = await ds().query(
      `SELECT actor_id, details FROM audit_events WHERE action = 'thesaurus.updated' AND subject_id = $1`,
      [String(group.id)],
    );
    expect(updatedAudit.actor_id).toBe(curator.id);
    expect(updatedAudit.details.before.terms).toEqual(group.terms);
    expect(updatedAudit.details.after.terms).toEqual(updated.terms);
    const [row] = await ds().query(`SELECT updated_by_id FROM thesaurus_groups WHERE id = $1`, [group.id]);
    expect(row.updated_by_id).toBe(curator.id);
    expect(changes).toBe(before + 2);
    const groups = await ctx.thesaurus.groups();
    expect(groups).toContainEqual(updated.terms);
    expect(groups).not.toContainEqual(group.terms);

    // Saving the same values writes nothing and tells so.
    const same = await post(`/beheer/thesaurus/${group.id}`, {
      kind: 'spelling',
      terms: 'HUURPAUZE, huur pauze, huur-pauze',
      note: '',
    }).expect(303);
    expect((await curatorAgent.get(same.headers.location)).text).toContain('Er was niets gewijzigd.');
    expect(changes).toBe(before + 2);

    // Delete: the confirmation is a details/summary with its own form (no script needed).
    const page = await curatorAgent.get(`/beheer/thesaurus?q=huurpauze`).expect(200);
    expect(page.text).toMatch(
      new RegExp(
        `<details class="confirm">\\s*<summary[^>]*>Verwijderen[\\s\\S]*?action="/beheer/thesaurus/${group.id}/verwijderen"`,
      ),
    );
    const deleted = await post(`/beheer/thesaurus/${group.id}/verwijderen`, { q: 'huurpauze' }).expect(303);
    expect(deleted.headers.location).toBe('/beheer/thesaurus?q=huurpauze');
    expect(await ds().query(`SELECT id FROM thesaurus_groups WHERE id = $1`, [group.id])).toEqual([]);
    const [deletedAudit] = await ds().query(
      `SELECT actor_id, details FROM audit_events WHERE action = 'thesaurus.deleted' AND subject_id = $1`,
      [String(group.id)],
    );
    expect(deletedAudit.actor_id).toBe(curator.id);
    expect(deletedAudit.details.terms).toEqual(updated.terms);
    expect(changes).toBe(before + 3);
    expect(await ctx.thesaurus.groups()).not.toContainEqual(updated.terms);

    // Gone: editing or deleting it again is a 404.
    await curatorAgent.get(`/beheer/thesaurus/${group.id}`).expect(404);
    await post(`/beheer/thesaurus/${group.id}/verwijderen`, {}).expect(404);
  });

  it('shows the changes in the audit log, linked to the group', async () => {
    const id = await ctx.thesaurus.create(
      { kind: 'synoniem', terms: ['auditwoord', 'logwoord'] },
      { id: curator.id },
    );
    const admin = await buildUser(ds(), { roles: ['admin'] });
    const agent = request.agent(ctx.app);
    await loginAs(agent, admin);
    const log = await agent.get('/beheer/audit?actie=thesaurus.').expect(200);
    expect(log.text).toContain('<code>thesaurus.created</code>');
    expect(log.text).toContain(`<a href="/beheer/thesaurus/${id}">thesaurusgroep ${id}</a>`);
    expect(log.text).toContain('<optgroup label="Thesaurus">');
  });

  it('allows a term in several groups', async () => {
    await post('/beheer/thesaurus', { kind: 'afkorting', terms: 'Wlz\nlangdurige zorg' }).expect(303);
    const groups = (await ctx.thesaurus.groups()).filter((g) => g.includes('wlz'));
    expect(groups.length).toBeGreaterThanOrEqual(2);
  });
});

describe('invalid input', () => {
  const cases: Array<[string, Record<string, string>, string]> = [
    ['an empty group', { kind: 'synoniem', terms: ' \n , ' }, 'De groep is leeg.'],
    [
      'one term',
      { kind: 'synoniem', terms: 'Huurpiek' },
      'Een groep heeft minstens twee verschillende woorden nodig.',
    ],
    [
      'a term twice (after normalising)',
      { kind: 'afkorting', terms: 'GGZ\nggz\nGeestelijke gezondheidszorg' },
      'Een woord kan niet zijn eigen synoniem zijn: ‘ggz’ staat twee keer in de groep.',
    ],
    [
      'a term twice (accents)',
      { kind: 'spelling', terms: 'reïntegratie, reintegratie' },
      'Een woord kan niet zijn eigen synoniem zijn: ‘reintegratie’ staat twee keer in de groep.',
    ],
    [
      'a term over 60 characters',
      { kind: 'synoniem', terms: `${'lang'.repeat(16)}\nkort` },
      'een woord mag hoogstens 60 tekens lang zijn.',
    ],
    [
      'more than 20 terms',
      { kind: 'synoniem', terms: Array.from({ length: 21 }, (_, i) => `woord${i}`).join(', ') },
      'Een groep mag hoogstens 20 woorden hebben (deze heeft er 21).',
    ],
    [
      'a control character',
      { kind: 'synoniem', terms: 'huur\u0007piek\nhuurstoot' },
      'bevat een stuurteken of onzichtbaar teken',
    ],
    [
      'an invisible character',
      { kind: 'synoniem', terms: 'huur\u200bpiek\nhuurstoot' },
      'bevat een stuurteken of onzichtbaar teken',
    ],
    [
      'a term without letters',
      { kind: 'synoniem', terms: '---\nhuurstoot' },
      '‘---’ bevat geen letter of cijfer.',
    ],
    ['an unknown kind', { kind: 'onzin', terms: 'huurpiek\nhuurstoot' }, 'Kies het soort groep'],
    [
      'a control character in the note',
      { kind: 'synoniem', terms: 'huurpiek\nhuurstoot', note: 'regel een\nregel\u0000twee' },
      // NUL is refused by text() in the shared validation layer, with its own message.
      'De toelichting bevat ongeldige tekens (zoals een nul-teken)',
    ],
    [
      'a note over 500 characters',
      { kind: 'synoniem', terms: 'huurpiek\nhuurstoot', note: 'x'.repeat(501) },
      'De toelichting mag hoogstens 500 tekens lang zijn.',
    ],
  ];

  it.each(cases)(
    'refuses %s with 400, the message at the field, the input kept, nothing written',
    async (_n, body, message) => {
      const before = await snapshot();
      const res = await post('/beheer/thesaurus', body).expect(400);
      expect(res.text).toContain(message);
      const field = body.note ? 'note' : body.kind === 'onzin' ? 'kind' : 'terms';
      expect(res.text).toContain(`id="veld-${field}-fout"`);
      expect(res.text).toContain(`href="#veld-${field}"`); // the error summary links to the field
      expect(termsArea(res.text)).toBe(body.terms);
      if (body.kind !== 'onzin') expect(res.text).toMatch(new RegExp(`value="${body.kind}" checked`));
      expect(await snapshot()).toEqual(before);
    },
  );

  it('refuses the same invalid input when editing, keeping what was typed and the group unchanged', async () => {
    const group = await groupWith('wet langdurige zorg');
    const before = await snapshot();
    const res = await post(`/beheer/thesaurus/${group.id}`, {
      kind: 'afkorting',
      terms: 'Wlz\nWLZ',
      note: 'Getypte toelichting',
    }).expect(400);
    expect(res.text).toContain('Een woord kan niet zijn eigen synoniem zijn');
    expect(termsArea(res.text)).toBe('Wlz\nWLZ');
    expect(res.text).toContain('Getypte toelichting</textarea>');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a second group with exactly the same terms (409), keeping the input', async () => {
    const before = await snapshot();
    const res = await post('/beheer/thesaurus', {
      kind: 'afkorting',
      terms: 'Wet langdurige zorg, WLZ',
    }).expect(409);
    expect(res.text).toContain('Er bestaat al een groep met precies deze woorden');
    expect(res.text).toContain('id="veld-terms-fout"');
    expect(termsArea(res.text)).toBe('Wet langdurige zorg, WLZ');
    expect(await snapshot()).toEqual(before);
  });

  it('lets only one of several identical groups sent at once in', async () => {
    const terms = `gelijktijdig ${Date.now()}\ntegelijk ${Date.now()}`;
    const responses = await Promise.all(
      [1, 2, 3].map(() => post('/beheer/thesaurus', { kind: 'synoniem', terms })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([303, 409, 409]);
    const [count] = await ds().query(
      `SELECT count(*)::int AS n FROM thesaurus_groups WHERE $1 = ANY(terms)`,
      [terms.split('\n')[0]],
    );
    expect(count.n).toBe(1);
  });

  it('validates in the service too, not only in the form', async () => {
    await expect(
      ctx.thesaurus.create({ kind: 'synoniem', terms: ['ggz', 'GGZ'] }, { id: curator.id }),
    ).rejects.toMatchObject({
      status: 400,
      details: {
        errors: { terms: 'Een woord kan niet zijn eigen synoniem zijn: ‘ggz’ staat twee keer in de groep.' },
      },
    });
  });
});

describe('all or nothing', () => {
  it('writes nothing, keeps groups() and calls no listener when the audit event cannot be written', async () => {
    const group = await groupWith('wet langdurige zorg');
    await ctx.thesaurus.groups(); // cached
    await ds().query(`
      CREATE FUNCTION refuse_thesaurus_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit refused for the test'; END $$`);
    await ds().query(`
      CREATE TRIGGER refuse_thesaurus_audit BEFORE INSERT ON audit_events
      FOR EACH ROW WHEN (NEW.action LIKE 'thesaurus.%') EXECUTE FUNCTION refuse_thesaurus_audit()`);
    try {
      const before = await snapshot();
      const groupsBefore = await ctx.thesaurus.groups();
      await post('/beheer/thesaurus', {
        kind: 'synoniem',
        terms: 'halve schrijfactie\nhalf geschreven',
      }).expect(500);
      await post(`/beheer/thesaurus/${group.id}`, { kind: 'synoniem', terms: 'wlz\nzorgwet' }).expect(500);
      await post(`/beheer/thesaurus/${group.id}/verwijderen`, {}).expect(500);
      expect(await snapshot()).toEqual(before);
      expect(await ctx.thesaurus.groups()).toEqual(groupsBefore);
    } finally {
      await ds().query(`DROP TRIGGER refuse_thesaurus_audit ON audit_events`);
      await ds().query(`DROP FUNCTION refuse_thesaurus_audit()`);
    }
  });
});

describe('groups()', () => {
  it('answers from memory until a change through the instance (or invalidate) makes it read again', async () => {
    const first = await ctx.thesaurus.groups();
    // Written around the instance: not seen until the cache is dropped.
    await ds().query(
      `INSERT INTO thesaurus_groups (kind, terms) VALUES ('synoniem', '{buiten om,langs de service}')`,
    );
    expect(await ctx.thesaurus.groups()).toBe(first);
    ctx.thesaurus.invalidate();
    expect(await ctx.thesaurus.groups()).toContainEqual(['buiten om', 'langs de service']);

    // A change through the instance is seen at once, and listeners hear of it after the commit.
    let seenInListener: string[][] | undefined;
    let done!: () => void;
    const heard = new Promise<void>((resolve) => (done = resolve));
    ctx.thesaurus.onChange(() => {
      void ctx.thesaurus.groups().then((g) => {
        seenInListener = g;
        done();
      });
    });
    const id = await ctx.thesaurus.create(
      { kind: 'synoniem', terms: ['Luisteraar', 'toehoorder'], note: '' },
      { id: curator.id },
    );
    await heard;
    expect(seenInListener).toContainEqual(['luisteraar', 'toehoorder']);
    expect(await ctx.thesaurus.groups()).toContainEqual(['luisteraar', 'toehoorder']);
    await ctx.thesaurus.remove(id, { id: curator.id });
    expect(await ctx.thesaurus.groups()).not.toContainEqual(['luisteraar', 'toehoorder']);
  });
});
