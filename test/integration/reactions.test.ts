import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import {
  buildCase,
  buildOrganization,
  buildUser,
  csrfOf,
  loginAs,
  type TestUser,
} from '../support/factories';
import { createTestApp, type TestContext } from '../support/test-app';

/**
 * Meedenken end to end over HTTP: members react on a case's question, reply, link their own case,
 * the author marks what helped, the kerngroep moderates, search and the meeting preparation follow,
 * notifications arrive in the app and through a real SMTP server.
 */
let ctx: TestContext;
let smtp: SMTPServer;
const mails: Array<{ to: string; subject: string; text: string }> = [];

let anna: TestUser; // the case's author
let bram: TestUser; // reacts, links his own case
let cor: TestUser; // follows the conversation
let erik: TestUser; // an expert
let karin: TestUser; // kerngroep
let annaCase: number;
let bramCase: number;
let draftCase: number;
let archivedCase: number;
let bramReaction: number;

const agents = new Map<TestUser, { agent: request.Agent; csrf: string }>();
const as = (user: TestUser) => agents.get(user)!;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
        mails.push({ to: to?.value[0]?.address ?? '', subject: mail.subject ?? '', text: mail.text ?? '' });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  ctx = await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  const ds = ctx.db.dataSource;
  const orgA = await buildOrganization(ds, { name: 'Woonstichting De Vaart' });
  const orgB = await buildOrganization(ds, { name: 'Gemeente Zwolle', kind: 'gemeente' });
  anna = await buildUser(ds, { organizationId: orgA.id, name: 'Anna Auteur' });
  bram = await buildUser(ds, { organizationId: orgB.id, name: 'Bram Buur' });
  cor = await buildUser(ds, { organizationId: orgB.id, name: 'Cor Collega' });
  erik = await buildUser(ds, { roles: ['expert'], organizationId: orgB.id, name: 'Erik Expert' });
  karin = await buildUser(ds, { roles: ['curator'], organizationId: orgA.id, name: 'Karin Kerngroep' });
  annaCase = await buildCase(ds, anna, {
    title: 'Huurders met een betalingsregeling',
    question: 'Hoe houden jullie **contact** met huurders die een regeling hebben?',
  });
  bramCase = await buildCase(ds, bram, { title: 'Wijkcoaches bij betalingsachterstand' });
  draftCase = await buildCase(ds, anna, { status: 'draft' });
  archivedCase = await buildCase(ds, anna, { status: 'archived' });
  for (const user of [anna, bram, cor, erik, karin]) {
    const agent = request.agent(ctx.app);
    await loginAs(agent, user);
    agents.set(user, { agent, csrf: await csrfOf(agent, '/account') });
  }
});
afterAll(async () => {
  await ctx?.close();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

const post = (user: TestUser, path: string, body: Record<string, unknown> = {}) =>
  as(user)
    .agent.post(path)
    .type('form')
    .send({ ...body, _csrf: as(user).csrf });
const page = async (user: TestUser, path: string) => (await as(user).agent.get(path).expect(200)).text;
const reactionIdOf = (location: string) => Number(/#reactie-(\d+)$/.exec(location)?.[1]);

async function waitForMail(to: string, includes: string) {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const found = mails.find((m) => m.to === to && m.text.includes(includes));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no mail to ${to} with "${includes}"; got ${JSON.stringify(mails.map((m) => m.subject))}`);
}
const notificationsOf = async (user: TestUser) =>
  ctx.db.dataSource.query(`SELECT kind, message, url FROM notifications WHERE user_id = $1 ORDER BY id`, [
    user.id,
  ]);

describe('meedenken on a case', () => {
  it('a member reacts, links one of their own cases, and the author is notified in the app and by e-mail', async () => {
    const res = await post(bram, `/casussen/${annaCase}/reacties`, {
      body: 'Wij bellen elke maand met de **wijkcoach** erbij.',
      linkedCaseId: String(bramCase),
    }).expect(303);
    bramReaction = reactionIdOf(res.headers.location);
    expect(res.headers.location).toBe(`/casussen/${annaCase}#reactie-${bramReaction}`);

    const html = await page(anna, `/casussen/${annaCase}`);
    expect(html).toContain('<strong>wijkcoach</strong>');
    expect(html).toContain('Bram Buur');
    expect(html).toMatch(
      /Zie ook onze casus: <a href="\/casussen\/\d+">Wijkcoaches bij betalingsachterstand<\/a>/,
    );
    expect(html).toContain('Meedenken <span class="muted">(1 reactie)</span>');
    // The expert's reflections stay their own block, above the conversation.
    expect(html.indexOf('id="reflecties-titel"')).toBeLessThan(html.indexOf('id="reacties-titel"'));

    expect(await notificationsOf(anna)).toEqual([
      expect.objectContaining({ kind: 'reaction', url: `/casussen/${annaCase}#reactie-${bramReaction}` }),
    ]);
    const mail = await waitForMail(anna.email, 'Bram Buur dacht mee over uw casus');
    expect(mail.text).toContain(`/casussen/${annaCase}#reactie-${bramReaction}`);
    // Bram only offers cases of his own organisation; another's is refused with the text kept.
    const foreign = await post(bram, `/casussen/${annaCase}/reacties`, {
      body: 'Zie hun casus.',
      linkedCaseId: String(annaCase),
    }).expect(400);
    expect(foreign.text).toContain('Kies een gepubliceerde casus van uw eigen organisatie uit de lijst.');
    expect(foreign.text).toContain('Zie hun casus.</textarea>');
  });

  it('a double submit makes one reaction; empty or over-long text is refused in Dutch with the text kept', async () => {
    const again = await post(bram, `/casussen/${annaCase}/reacties`, {
      body: 'Wij bellen elke maand met de **wijkcoach** erbij.',
      linkedCaseId: String(bramCase),
    }).expect(303);
    expect(reactionIdOf(again.headers.location)).toBe(bramReaction);
    const [{ n }] = await ctx.db.dataSource.query(
      `SELECT count(*)::int AS n FROM reactions WHERE case_id = $1`,
      [annaCase],
    );
    expect(n).toBe(1);

    // Two clicks at once (the second request before the first has answered): still one.
    const [first, second] = await Promise.all([
      post(erik, `/casussen/${annaCase}/reacties`, { body: 'Twee keer geklikt.' }),
      post(erik, `/casussen/${annaCase}/reacties`, { body: 'Twee keer geklikt.' }),
    ]);
    expect([first.status, second.status]).toEqual([303, 303]);
    expect(first.headers.location).toBe(second.headers.location);
    await post(erik, `/reacties/${reactionIdOf(first.headers.location)}/verwijderen`).expect(303);

    const empty = await post(cor, `/casussen/${annaCase}/reacties`, { body: '   ' }).expect(400);
    expect(empty.text).toContain('Uw reactie is verplicht.');
    const long = 'Lang verhaal. '.repeat(300);
    const tooLong = await post(cor, `/casussen/${annaCase}/reacties`, { body: long }).expect(400);
    expect(tooLong.text).toContain('Uw reactie mag hoogstens 4.000 tekens lang zijn.');
    expect(tooLong.text).toContain('Hoogstens 4.000 tekens.');
    expect(tooLong.text).toContain(`${long}</textarea>`);
  });

  it('nobody reacts on a draft (hidden from others) or an archived case', async () => {
    await post(bram, `/casussen/${draftCase}/reacties`, { body: 'Hallo' }).expect(404);
    const own = await post(anna, `/casussen/${draftCase}/reacties`, { body: 'Hallo' }).expect(403);
    expect(own.text).toContain('Op een concept kan niemand reageren');
    const archived = await post(bram, `/casussen/${archivedCase}/reacties`, { body: 'Hallo' }).expect(403);
    expect(archived.text).toContain('gearchiveerd');
    expect(await page(bram, `/casussen/${archivedCase}`)).not.toContain('Reactie plaatsen');
  });

  it("replies notify the reaction's writer and followers, never the one who wrote them", async () => {
    await post(cor, `/casussen/${annaCase}/volgen`, { volgen: 'ja' }).expect(303);
    expect(await page(cor, `/casussen/${annaCase}`)).toContain('Casus niet meer volgen');
    const res = await post(anna, `/casussen/${annaCase}/reacties`, {
      body: 'Hoe vaak belt de wijkcoach dan?',
      parentId: String(bramReaction),
    }).expect(303);
    const reply = reactionIdOf(res.headers.location);
    const [row] = await ctx.db.dataSource.query(`SELECT parent_id FROM reactions WHERE id = $1`, [reply]);
    expect(row.parent_id).toBe(bramReaction);
    expect(await notificationsOf(bram)).toEqual([
      expect.objectContaining({
        kind: 'reaction_reply',
        message: expect.stringContaining('reageerde op uw reactie'),
      }),
    ]);
    expect(await notificationsOf(cor)).toEqual([expect.objectContaining({ kind: 'reaction_followed' })]);
    expect((await notificationsOf(anna)).filter((n: { kind: string }) => n.kind !== 'reaction')).toEqual([]);
    await waitForMail(bram.email, 'Anna Auteur reageerde op uw reactie');
    // A reply to a reply joins the same thread (one level).
    const nested = await post(bram, `/casussen/${annaCase}/reacties`, {
      body: 'Elke twee weken.',
      parentId: String(reply),
    }).expect(303);
    const [nestedRow] = await ctx.db.dataSource.query(`SELECT parent_id FROM reactions WHERE id = $1`, [
      reactionIdOf(nested.headers.location),
    ]);
    expect(nestedRow.parent_id).toBe(bramReaction);
  });

  it('only the writer edits, within 24 hours, and the reaction then says "bewerkt"', async () => {
    await as(cor).agent.get(`/reacties/${bramReaction}/bewerken`).expect(403);
    await post(cor, `/reacties/${bramReaction}`, { body: 'Overschreven' }).expect(403);
    const form = await page(bram, `/reacties/${bramReaction}/bewerken`);
    expect(form).toContain('Wij bellen elke maand');
    const invalid = await post(bram, `/reacties/${bramReaction}`, { body: '' }).expect(400);
    expect(invalid.text).toContain('Uw reactie is verplicht.');
    await post(bram, `/reacties/${bramReaction}`, {
      body: 'Wij bellen elke maand met de wijkcoach en de **schuldhulpverlener** erbij.',
      linkedCaseId: String(bramCase),
    }).expect(303);
    const html = await page(anna, `/casussen/${annaCase}`);
    expect(html).toContain('<strong>schuldhulpverlener</strong>');
    expect(html).toMatch(/Bram Buur <span class="muted">[^<]* · bewerkt<\/span>/);

    await ctx.db.dataSource.query(
      `UPDATE reactions SET created_at = now() - interval '25 hours' WHERE id = $1`,
      [bramReaction],
    );
    const late = await as(bram).agent.get(`/reacties/${bramReaction}/bewerken`).expect(403);
    expect(late.text).toContain('tot 24 uur na het plaatsen bewerken');
    await post(bram, `/reacties/${bramReaction}`, { body: 'Te laat' }).expect(403);
    expect(await page(bram, `/casussen/${annaCase}`)).not.toContain(`/reacties/${bramReaction}/bewerken`);
  });

  it('the author marks "Dit hielp mij": the case shows "Vraag beantwoord" and the facet finds it', async () => {
    await post(bram, `/reacties/${bramReaction}/hielp`, { hielp: 'ja' }).expect(403);
    await post(anna, `/reacties/${bramReaction}/hielp`, { hielp: 'ja' }).expect(303);
    const html = await page(cor, `/casussen/${annaCase}`);
    expect(html).toContain('Vraag beantwoord');
    expect(html).toContain('Dit hielp de auteur');
    expect(await notificationsOf(bram)).toContainEqual(expect.objectContaining({ kind: 'reaction_helpful' }));

    await ctx.indexer.whenIdle();
    const answered = await as(cor).agent.get('/api/search?vraag=beantwoord').expect(200);
    expect(answered.body.hits.map((h: { id: number }) => h.id)).toEqual([annaCase]);
    expect(answered.body.facets.answered).toEqual({ true: 1, false: 1 });
    const open = await as(cor).agent.get('/api/search?vraag=open').expect(200);
    expect(open.body.hits.map((h: { id: number }) => h.id)).toEqual([bramCase]);
    const facetPage = await page(cor, '/casussen');
    expect(facetPage).toContain('Vraag aan de vakgemeenschap');
    expect(facetPage).toMatch(/href="\/casussen\?vraag=beantwoord"[^>]*>[\s\S]*?Beantwoord/);
  });

  it('reaction text is searchable at the lowest weight and the hit says whose reaction it was', async () => {
    await ctx.indexer.whenIdle();
    const api = await as(cor).agent.get('/api/search?q=schuldhulpverlener').expect(200);
    expect(api.body.hits).toEqual([
      expect.objectContaining({
        id: annaCase,
        reaction: expect.objectContaining({ authorName: 'Bram Buur' }),
      }),
    ]);
    const html = await page(cor, '/casussen?q=schuldhulpverlener');
    expect(html).toContain('Gevonden in een reactie van');
    expect(html).toContain(`href="/casussen/${annaCase}#reactie-${bramReaction}">Bram Buur</a>`);
  });

  it('members report, the kerngroep hides with a reason the writer sees; search forgets the text', async () => {
    await post(bram, `/reacties/${bramReaction}/melden`, { reason: 'eigen' }).expect(403);
    await post(erik, `/reacties/${bramReaction}/melden`, { reason: 'Noemt een huurder bij naam' }).expect(
      303,
    );
    await as(bram).agent.get('/beheer/reacties').expect(403);
    const queue = await page(karin, '/beheer/reacties');
    expect(queue).toContain('Noemt een huurder bij naam');
    expect(queue).toContain('Erik Expert');

    await post(bram, `/reacties/${bramReaction}/verbergen`, { reason: 'x' }).expect(403);
    const noReason = await post(karin, `/reacties/${bramReaction}/verbergen`, { reason: '' }).expect(400);
    expect(noReason.text).toContain('De reden is verplicht.');
    await post(karin, `/reacties/${bramReaction}/verbergen`, {
      reason: 'Bevat persoonsgegevens van een huurder.',
      terug: '/beheer/reacties',
    })
      .expect(303)
      .expect('location', '/beheer/reacties');

    const own = await page(bram, `/casussen/${annaCase}`);
    expect(own).toContain('Verborgen door de kerngroep. Reden: Bevat persoonsgegevens van een huurder.');
    const others = await page(cor, `/casussen/${annaCase}`);
    expect(others).not.toContain('schuldhulpverlener');
    expect(others).toContain('Reactie verborgen door de kerngroep'); // its replies keep their place
    expect(others).not.toContain('Vraag beantwoord');
    expect(await page(karin, '/beheer/reacties')).toContain('Er zijn geen openstaande meldingen.');
    const [audit] = await ctx.db.dataSource.query(
      `SELECT actor_id, details FROM audit_events WHERE action = 'reaction.hidden'`,
    );
    expect(audit).toEqual({
      actor_id: karin.id,
      details: expect.objectContaining({
        reactionId: bramReaction,
        reason: 'Bevat persoonsgegevens van een huurder.',
      }),
    });
    expect(await notificationsOf(bram)).toContainEqual(
      expect.objectContaining({
        kind: 'reaction_hidden',
        message: expect.stringContaining('Bevat persoonsgegevens'),
      }),
    );
    await ctx.indexer.whenIdle();
    const gone = await as(cor).agent.get('/api/search?q=schuldhulpverlener').expect(200);
    expect(gone.body.total).toBe(0);
    const stillOpen = await as(cor).agent.get('/api/search?vraag=beantwoord').expect(200);
    expect(stillOpen.body.total).toBe(0);
  });

  it('the writer deletes: "reactie verwijderd" stays where replies hang, otherwise it is gone', async () => {
    const res = await post(cor, `/casussen/${annaCase}/reacties`, {
      body: 'Wij sturen een **kaartje**.',
    }).expect(303);
    const corReaction = reactionIdOf(res.headers.location);
    const reply = await post(anna, `/casussen/${annaCase}/reacties`, {
      body: 'Mooi idee!',
      parentId: String(corReaction),
    }).expect(303);
    await post(anna, `/reacties/${corReaction}/verwijderen`).expect(403);
    await post(cor, `/reacties/${corReaction}/verwijderen`).expect(303);
    let html = await page(bram, `/casussen/${annaCase}`);
    expect(html).toContain('Reactie verwijderd');
    expect(html).not.toContain('kaartje');
    expect(html).toContain('Mooi idee!');
    await post(anna, `/reacties/${reactionIdOf(reply.headers.location)}/verwijderen`).expect(303);
    html = await page(bram, `/casussen/${annaCase}`);
    expect(html).not.toContain(`id="reactie-${corReaction}"`);
    const [audit] = await ctx.db.dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'reaction.deleted' AND (details->>'reactionId')::int = $1`,
      [corReaction],
    );
    expect(audit.details.body).toBe('Wij sturen een **kaartje**.');
  });

  it('the API lists shown reactions by name (no addresses) and takes a new one with 201', async () => {
    const res = await as(erik)
      .agent.post(`/api/cases/${annaCase}/reacties`)
      .set('x-csrf-token', as(erik).csrf)
      .send({ body: 'Vanuit de **wijkteams**: bel samen.' })
      .expect(201);
    expect(res.body).toEqual(
      expect.objectContaining({
        authorName: 'Erik Expert',
        body: 'Vanuit de **wijkteams**: bel samen.',
        parentId: null,
      }),
    );
    await as(erik)
      .agent.post(`/api/cases/${annaCase}/reacties`)
      .set('x-csrf-token', as(erik).csrf)
      .send({ body: 'Vanuit de **wijkteams**: bel samen.' })
      .expect(200); // the same text again: the same reaction
    const empty = await as(erik)
      .agent.post(`/api/cases/${annaCase}/reacties`)
      .set('x-csrf-token', as(erik).csrf)
      .send({ body: '' })
      .expect(400);
    expect(empty.body.errors).toEqual({ body: 'Uw reactie is verplicht.' });
    await as(erik)
      .agent.post(`/api/cases/${draftCase}/reacties`)
      .set('x-csrf-token', as(erik).csrf)
      .send({ body: 'Hallo' })
      .expect(404);
    await as(erik).agent.post(`/api/cases/${annaCase}/reacties`).send({ body: 'Zonder token' }).expect(403);

    const api = await as(cor).agent.get(`/api/cases/${annaCase}`).expect(200);
    const texts = api.body.reactions.map((r: { body: string }) => r.body);
    expect(texts).toContain('Vanuit de **wijkteams**: bel samen.');
    expect(texts.join(' ')).not.toContain('schuldhulpverlener'); // hidden
    expect(JSON.stringify(api.body.reactions)).not.toMatch(/@/);
  });

  it('the meeting preparation and the dossier show the question and the answers that helped', async () => {
    const ds = ctx.db.dataSource;
    const [helpful] = await ds.query(`SELECT id FROM reactions WHERE body LIKE 'Vanuit de%'`);
    await post(anna, `/reacties/${helpful.id}/hielp`, { hielp: 'ja' }).expect(303);
    const [meeting] = await ds.query(
      `INSERT INTO meetings (title, starts_at, status) VALUES ('Themamiddag betalingsregelingen', now() + interval '7 days', 'agenda_set') RETURNING id`,
    );
    await ds.query(
      `INSERT INTO nominations (meeting_id, case_id, nominated_by_id, motivation, status, agenda_position)
       VALUES ($1, $2, $3, 'Goede vraag', 'selected', 1)`,
      [meeting.id, annaCase, anna.id],
    );
    for (const path of [`/bijeenkomsten/${meeting.id}`, `/bijeenkomsten/${meeting.id}/dossier`]) {
      const html = await page(cor, path);
      expect(html).toContain('Hoe houden jullie <strong>contact</strong> met huurders');
      expect(html).toContain('Vanuit de <strong>wijkteams</strong>: bel samen.');
      expect(html).not.toContain('Mooi idee!');
    }
  });
});
