import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { openDatabase } from '../../src/db/data-source';
import { NotificationJob } from '../../src/follows/notification-job';
import { unsubscribeToken } from '../../src/follows/unsubscribe';
import { SearchService } from '../../src/search/search.service';
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
 * Staying informed end to end: members follow themes, roles, cases and searches over HTTP; a
 * publication reaches exactly the members whose follow (or saved search, matched by the search
 * engine as that member) finds it; digests arrive through a real SMTP server once per period,
 * also across a restart and with two job runners; the unsubscribe link works without login.
 */
interface Mail {
  to: string;
  subject: string;
  text: string;
  headers: Record<string, string>;
}
let ctx: TestContext;
let smtp: SMTPServer;
const mails: Mail[] = [];
const SITE = 'http://casusbank.test';

let anna: TestUser; // writes and publishes cases
let bram: TestUser; // follows a theme, a role and a saved search
let cor: TestUser; // follows a case; mail at once
let erik: TestUser; // an expert
let admin: TestUser;
let karin: TestUser; // kerngroep
let job: NotificationJob;

const agents = new Map<TestUser, { agent: request.Agent; csrf: string }>();
const as = (user: TestUser) => agents.get(user)!;
const post = (user: TestUser, path: string, body: Record<string, unknown> = {}) =>
  as(user)
    .agent.post(path)
    .type('form')
    .send({ ...body, _csrf: as(user).csrf });
const api = (user: TestUser, body: Record<string, unknown>) =>
  as(user).agent.post('/api/volg').set('x-csrf-token', as(user).csrf).send(body);
const notificationsOf = async (user: TestUser) =>
  (await as(user).agent.get('/api/meldingen').expect(200)).body as Array<{
    kind: string;
    message: string;
    reason: string | null;
    link: string;
  }>;
const mailsTo = (user: TestUser) => mails.filter((m) => m.to === user.email);

/** The job after the search index has every document: what a publication waits for. */
async function runJob(now: Date, runner = job) {
  await ctx.indexer.whenIdle();
  await runner.runOnce(now);
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      // A mail server that refuses one address: the outbox keeps the mail and tries again.
      if (address.address.startsWith('weiger')) return callback(new Error('550 mailbox unavailable'));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
        const headers = Object.fromEntries(
          mail.headerLines.map((h) => [h.key, h.line.slice(h.line.indexOf(':') + 1).trim()]),
        );
        mails.push({
          to: to?.value[0]?.address ?? '',
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          headers,
        });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  ctx = await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, PUBLIC_URL: SITE } });
  // The test drives the job with a moved clock; the app's own runner stands still.
  job = ctx.app.context.services.notificationJob;
  await job.stop();
  const ds = ctx.db.dataSource;
  const org = await buildOrganization(ds);
  anna = await buildUser(ds, { organizationId: org.id, name: 'Anna Auteur' });
  bram = await buildUser(ds, { organizationId: org.id, name: 'Bram Buur' });
  cor = await buildUser(ds, { organizationId: org.id, name: 'Cor Collega' });
  erik = await buildUser(ds, { organizationId: org.id, name: 'Erik Expert', roles: ['expert'] });
  admin = await buildUser(ds, { organizationId: org.id, roles: ['admin'] });
  karin = await buildUser(ds, { organizationId: org.id, roles: ['curator'], name: 'Karin Kerngroep' });
  for (const user of [anna, bram, cor, erik, admin, karin]) {
    const agent = request.agent(ctx.app);
    await loginAs(agent, user);
    agents.set(user, { agent, csrf: await csrfOf(agent, '/account') });
  }
});
afterAll(async () => {
  await ctx?.close();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

describe('following', () => {
  it('follows a theme, a role and a search once each, lists them and stops one', async () => {
    const theme = await api(bram, { kind: 'theme', value: 'incasso' }).expect(201);
    expect(theme.body).toMatchObject({
      kind: 'theme',
      value: 'incasso',
      label: 'Incasso en huurachterstanden',
    });
    // The same thing twice is one follow: 200 with the existing one.
    const again = await api(bram, { kind: 'theme', value: 'incasso' }).expect(200);
    expect(again.body.id).toBe(theme.body.id);
    // The search page's button: the query and filters kept, the sort and page dropped.
    await post(bram, '/volg', {
      kind: 'search',
      value: 'q=wijkcoaches&sorteer=titel&pagina=2',
      terug: '/casussen?q=wijkcoaches',
    })
      .expect(303)
      .expect('Location', '/casussen?q=wijkcoaches');
    await post(bram, '/volg', { kind: 'role', value: 'ontwikkelaar' })
      .expect(303)
      .expect('Location', '/volg');
    // A search over 200 characters is cut, with the search page's notice.
    const long = await api(bram, { kind: 'search', value: `q=${'huurder '.repeat(40)}` }).expect(201);
    expect(long.body.notices).toEqual(['Uw zoekvraag was langer dan 200 tekens en is ingekort.']);
    expect(new URLSearchParams(long.body.value).get('q')!.length).toBeLessThanOrEqual(200);
    // Unknown things are refused with a reason; nothing is stored.
    const bad = await api(bram, { kind: 'theme', value: 'bestaat-niet' }).expect(400);
    expect(bad.body.error).toContain('Dit thema bestaat niet');
    await api(bram, { kind: 'hobby', value: 'x' }).expect(400);

    const list = (await as(bram).agent.get('/api/volg').expect(200)).body;
    expect(list.map((f: { kind: string; label: string }) => `${f.kind}:${f.label}`).sort()).toEqual(
      [
        'theme:Incasso en huurachterstanden',
        'search:“wijkcoaches”',
        'role:Ontwikkelaar',
        `search:“${'huurder '.repeat(40).trim().slice(0, 200).trim()}”`,
      ].sort(),
    );
    expect(list.find((f: { label: string }) => f.label === '“wijkcoaches”').value).toBe('q=wijkcoaches');
    const page = (await as(bram).agent.get('/volg').expect(200)).text;
    expect(page).toContain('Niet meer volgen');
    expect(page).toContain('Incasso en huurachterstanden');

    // Stop following the long search; someone else's follow is not theirs to stop.
    await as(anna).agent.delete(`/api/volg/${long.body.id}`).set('x-csrf-token', as(anna).csrf).expect(404);
    await as(bram).agent.delete(`/api/volg/${long.body.id}`).set('x-csrf-token', as(bram).csrf).expect(204);
    await as(bram).agent.delete(`/api/volg/${long.body.id}`).expect(403); // no CSRF token
    expect((await as(bram).agent.get('/api/volg')).body).toHaveLength(3);
  });

  it('tells followers about a new published case the saved search finds, never a draft or a non-match', async () => {
    const matching = await buildCase(ctx.db.dataSource, anna, {
      status: 'draft',
      title: 'Wijkcoaches bij overlast in de flat',
      themes: ['overlast'],
      roles: ['verhuurder'],
    });
    const draft = await buildCase(ctx.db.dataSource, anna, {
      status: 'draft',
      title: 'Wijkcoaches voor huurders met schulden',
      themes: ['incasso'],
    });
    const other = await buildCase(ctx.db.dataSource, anna, {
      title: 'Dakisolatie in één zomer',
      themes: ['renovatie'],
      roles: ['opdrachtgever'],
    });
    // Bram's saved search finds the draft only for its author: not yet published, nothing is told.
    await runJob(new Date());
    expect(await notificationsOf(bram)).toEqual([]);

    await post(anna, `/casussen/${matching}/publiceren`).expect(303);
    await runJob(new Date());
    const told = await notificationsOf(bram);
    expect(told).toEqual([
      expect.objectContaining({
        kind: 'followed_case_new',
        message: 'Nieuwe casus: "Wijkcoaches bij overlast in de flat"',
        reason: 'Zoekopdracht: “wijkcoaches”',
        link: `/casussen/${matching}`,
      }),
    ]);
    expect(told.some((n) => n.link === `/casussen/${draft}` || n.link === `/casussen/${other}`)).toBe(false);
    // The author is never told about her own case; a member following nothing hears nothing.
    expect(await notificationsOf(anna)).toEqual([]);
    expect(await notificationsOf(cor)).toEqual([]);
    // A second pass (another process, a restart) tells nobody twice.
    await runJob(new Date());
    expect(await notificationsOf(bram)).toHaveLength(1);

    // A theme follow: an incasso case published through the form.
    await post(anna, `/casussen/${draft}/publiceren`).expect(303);
    await runJob(new Date());
    expect((await notificationsOf(bram))[0]).toMatchObject({
      link: `/casussen/${draft}`,
      // Found by the theme and the saved search: told once, with the first reason.
      reason: 'Thema: Incasso en huurachterstanden',
    });
  });

  it('tells a case follower about a reflection at once by e-mail, as chosen in the settings', async () => {
    const caseId = await buildCase(ctx.db.dataSource, anna, {
      title: 'Buurtbemiddeling bij geluidsoverlast',
      themes: ['overlast'],
    });
    await api(cor, { kind: 'case', value: String(caseId) }).expect(201);
    await post(cor, '/instellingen/meldingen', { email: 'instant', kanaal_reaction_followed: 'off' })
      .expect(303)
      .expect('Location', '/instellingen/meldingen');
    const settings = (await as(cor).agent.get('/instellingen/meldingen').expect(200)).text;
    expect(settings).toMatch(/id="email-instant" name="email" value="instant" checked/);
    // A forged choice is refused, and nothing is saved.
    await post(cor, '/instellingen/meldingen', { email: 'elk-uur' }).expect(400);
    expect((await as(cor).agent.get('/instellingen/meldingen')).text).toMatch(/value="instant" checked/);

    await post(erik, `/casussen/${caseId}/reflecties`, { body: 'Betrek de wijkagent vroeg.' }).expect(303);
    const [n] = await notificationsOf(cor);
    expect(n).toMatchObject({
      kind: 'followed_reflection',
      reason: 'Casus: Buurtbemiddeling bij geluidsoverlast',
    });
    await runJob(new Date());
    const mail = mailsTo(cor).find((m) => m.subject.includes('reflectie'));
    expect(mail?.text).toContain(`${SITE}${n.link}`);
  });
});

describe('the home page per role', () => {
  it('shows new cases in followed themes first, and what each role has to do', async () => {
    const ds = ctx.db.dataSource;
    const onAgenda = await buildCase(ds, anna, {
      title: 'Schuldhulp aan de keukentafel',
      themes: ['renovatie'],
    });
    const nominated = await buildCase(ds, anna, { title: 'Huurdersraad digitaal', themes: ['renovatie'] });
    const draft = await buildCase(ds, anna, { title: 'Nog een concept over de wijk', status: 'draft' });
    const [held] = await ds.query(
      `INSERT INTO meetings (title, starts_at, status) VALUES ('Themadag schulden', now() + interval '10 days', 'agenda_set') RETURNING id`,
    );
    await ds.query(
      `INSERT INTO nominations (meeting_id, case_id, nominated_by_id, motivation, status, agenda_position) VALUES ($1, $2, $3, 'Goed', 'selected', 1)`,
      [held.id, onAgenda, anna.id],
    );
    const [open] = await ds.query(
      `INSERT INTO meetings (title, starts_at, nomination_deadline, status) VALUES ('Werkbezoek Zwolle', now() + interval '40 days', now() + interval '20 days', 'nominations_open') RETURNING id`,
    );
    await ds.query(
      `INSERT INTO nominations (meeting_id, case_id, nominated_by_id, motivation) VALUES ($1, $2, $3, 'Graag')`,
      [open.id, nominated, anna.id],
    );

    const home = async (user: TestUser) => (await as(user).agent.get('/').expect(200)).text;
    const bramHome = await home(bram);
    const followed = bramHome.slice(
      bramHome.indexOf('Nieuw in wat u volgt'),
      bramHome.indexOf('Komende bijeenkomsten'),
    );
    expect(followed).toContain('Wijkcoaches voor huurders met schulden');
    expect(followed).toContain('Incasso en huurachterstanden');
    expect(followed).not.toContain('Dakisolatie'); // a theme Bram does not follow
    expect(bramHome).not.toContain('Voor de kerngroep');
    expect(bramHome).not.toContain('nog zonder reflectie');

    const erikHome = await home(erik);
    const agenda = erikHome.slice(
      erikHome.indexOf('Op de agenda, nog zonder reflectie'),
      erikHome.indexOf('Komende bijeenkomsten'),
    );
    expect(agenda).toContain('Schuldhulp aan de keukentafel');
    expect(agenda).not.toContain('Huurdersraad digitaal'); // nominated, not on an agenda

    const karinHome = await home(karin);
    expect(karinHome).toContain(
      `href="/bijeenkomsten/${open.id}/voordrachten">Werkbezoek Zwolle</a> <span class="muted">· 1 voordracht`,
    );
    expect(karinHome).toContain('Sluitingsdata voor voordrachten');

    const annaHome = await home(anna);
    expect(annaHome).toContain(
      `<a href="/casussen/${draft}">Nog een concept over de wijk</a> <span class="muted">· Concept`,
    );
    expect(annaHome).toContain('Gepubliceerd · bijgewerkt');
  });
});

describe('digests', () => {
  const monday = new Date('2030-01-07T09:00:00Z'); // Monday 10:00 in the Netherlands

  it('sends one weekly digest grouped by reason, with a one-click unsubscribe header', async () => {
    await runJob(monday);
    const digests = mailsTo(bram);
    expect(digests).toHaveLength(1);
    const [digest] = digests;
    expect(digest.subject).toBe('Casusbank: uw wekelijkse overzicht (2)');
    expect(digest.text).toContain(
      'Zoekopdracht: “wijkcoaches”\n- Nieuwe casus: "Wijkcoaches bij overlast in de flat"',
    );
    expect(digest.text).toContain('Thema: Incasso en huurachterstanden\n- Nieuwe casus:');
    expect(digest.text).toMatch(new RegExp(`${SITE}/casussen/\\d+`));
    expect(digest.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(digest.headers['list-unsubscribe']).toMatch(new RegExp(`^<${SITE}/afmelden/[^>]+>$`));
    // Again in the same week: nothing more.
    await runJob(new Date(monday.getTime() + 3_600_000));
    expect(mailsTo(bram)).toHaveLength(1);
  });

  it('a restart between "due" and "sent" sends the digest once', async () => {
    const caseId = await buildCase(ctx.db.dataSource, anna, { title: 'Incassobureau pas na een huisbezoek' });
    expect(caseId).toBeGreaterThan(0);
    await runJob(monday); // Bram is told in the app; the week's digest went out already
    const nextWeek = new Date(monday.getTime() + 7 * 86_400_000);
    // The digest is made (row, items and mail in the outbox), then the process goes down unsent.
    await job.makeDigests(nextWeek);
    expect(mailsTo(bram)).toHaveLength(1);
    const restarted = new NotificationJob(ctx.db.dataSource, ctx.app.context.services.search, {
      mailer: ctx.app.context.mailer,
      publicUrl: SITE,
      secret: ctx.config.sessionSecret,
    });
    await runJob(nextWeek, restarted);
    await runJob(nextWeek, job);
    expect(mailsTo(bram)).toHaveLength(2);
    expect(mailsTo(bram)[1].text).toContain('Incassobureau pas na een huisbezoek');
  });

  it('two app processes on one database send the weekly digest once', async () => {
    await buildCase(ctx.db.dataSource, anna, { title: 'Betalingsregeling via de app' });
    await runJob(monday);
    const inTwoWeeks = new Date(monday.getTime() + 14 * 86_400_000);
    // On the PostgreSQL server the second runner has its own connection pool, as a second process.
    const url = (ctx.db.dataSource.options as { url?: string }).url;
    const second = url ? await openDatabase({ databaseUrl: url, poolSize: 2 }) : undefined;
    const ds2 = second?.dataSource ?? ctx.db.dataSource;
    const other = new NotificationJob(ds2, new SearchService(ds2, ctx.search, ctx.search), {
      mailer: ctx.app.context.mailer,
      publicUrl: SITE,
      secret: ctx.config.sessionSecret,
    });
    try {
      await Promise.all([job.runOnce(inTwoWeeks), other.runOnce(inTwoWeeks)]);
    } finally {
      await second?.close();
    }
    expect(mailsTo(bram)).toHaveLength(3);
    expect(mailsTo(bram)[2].text).toContain('Betalingsregeling via de app');
  });

  it('the unsubscribe link works without login; a forged or expired one changes nothing', async () => {
    const link = /Afmelden met één klik: (\S+)/.exec(mailsTo(bram)[0].text)![1];
    const path = link.slice(SITE.length);
    const visitor = request(ctx.app);
    const confirm = await visitor.get(path).expect(200);
    expect(confirm.text).toContain('Afmelden</button>');

    const forged = path.slice(0, -2) + (path.endsWith('AA') ? 'BB' : 'AA');
    expect(
      (await visitor.post(forged).type('form').send('List-Unsubscribe=One-Click').expect(400)).text,
    ).toContain('ongeldig of verlopen');
    const expired = unsubscribeToken(
      ctx.config.sessionSecret,
      bram.id,
      new Date(Date.now() - 100 * 86_400_000),
    );
    await visitor.get(`/afmelden/${expired}`).expect(400);
    await visitor.post(`/afmelden/${expired}`).type('form').send('List-Unsubscribe=One-Click').expect(400);
    expect((await as(bram).agent.get('/instellingen/meldingen')).text).toMatch(/value="weekly" checked/);

    // RFC 8058: the mail client posts "List-Unsubscribe=One-Click" without cookies or a form token.
    const done = await visitor.post(path).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect(done.text).toContain('U bent afgemeld');
    expect((await as(bram).agent.get('/instellingen/meldingen')).text).toMatch(/value="never" checked/);
    // No more digests: the next one stays in the app.
    await buildCase(ctx.db.dataSource, anna, { title: 'Nog een incassocasus' });
    await runJob(new Date(monday.getTime() + 21 * 86_400_000));
    expect(mailsTo(bram)).toHaveLength(3);
  });

  it('a mail the server refuses is kept, retried later and shown to the admin', async () => {
    const refused = await buildUser(ctx.db.dataSource, { email: `weiger-${Date.now()}@example.nl` });
    await ctx.db.dataSource.query(
      `INSERT INTO mail_outbox (user_id, recipient, subject, body) VALUES ($1, $2, 'Casusbank: test', 'tekst')`,
      [refused.id, refused.email],
    );
    const now = new Date(Date.now() + 1000); // the row was written within this millisecond, with microseconds
    await job.sendMail(now);
    const [row] = await ctx.db.dataSource.query(
      `SELECT attempts, last_error, sent_at, next_attempt_at FROM mail_outbox WHERE recipient = $1`,
      [refused.email],
    );
    expect(row).toMatchObject({ attempts: 1, sent_at: null });
    expect(row.last_error).toContain('550');
    expect(new Date(row.next_attempt_at).getTime()).toBeGreaterThan(now.getTime());
    const page = (await as(admin).agent.get('/beheer/e-mail').expect(200)).text;
    expect(page).toContain(refused.email);
    expect(page).toContain('550');
    await as(bram).agent.get('/beheer/e-mail').expect(403);
  });
});
