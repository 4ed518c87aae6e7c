import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import pino from 'pino';
import request from 'supertest';
import { createMailer, type Mailer } from '../../src/mail/mailer';
import { UsersService } from '../../src/accounts/users.service';
import { themeSlug } from '../../src/cases/themes.service';
import { routeRegistry } from '../../src/web/route';
import {
  buildCase,
  buildOrganization,
  buildUser,
  csrfOf,
  loginAs,
  type TestUser,
} from '../support/factories';
import { createTestApp, type TestContext } from '../support/test-app';

let ctx: TestContext;
let admin: TestUser;
let adminAgent: ReturnType<typeof request.agent>;
let adminCsrf: string;

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await buildUser(ds(), { roles: ['admin'] });
  adminAgent = request.agent(ctx.app);
  await loginAs(adminAgent, admin);
  adminCsrf = await csrfOf(adminAgent);
});
afterAll(() => ctx.close());

const ds = () => ctx.db.dataSource;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** The table body of a page (filters and selects above it list every action too). */
const tbody = (html: string) => /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
/** The audit log's list of events (sentences, not a table). */
const auditList = (html: string) => /<ol class="audit-list"[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';

function adminPost(path: string, body: Record<string, unknown>) {
  return adminAgent
    .post(path)
    .type('form')
    .send({ ...body, _csrf: adminCsrf });
}

async function loggedIn(user: TestUser) {
  const agent = request.agent(ctx.app);
  await loginAs(agent, user);
  return { agent, csrf: await csrfOf(agent) };
}

describe('access to /beheer', () => {
  const adminRoutes = () => [...routeRegistry.keys()].filter((r) => r.split(' ')[1].startsWith('/beheer'));

  it('refuses a practitioner every admin route (403) and sends a logged-out visitor to the login page', async () => {
    const practitioner = await buildUser(ds(), { roles: ['practitioner'] });
    const { agent, csrf } = await loggedIn(practitioner);
    const [theme] = await ds().query(`SELECT id FROM themes ORDER BY id LIMIT 1`);
    const routes = adminRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(18);

    for (const r of routes) {
      const [method, pattern] = r.split(' ');
      const id = pattern.startsWith('/beheer/themas')
        ? theme.id
        : pattern.startsWith('/beheer/organisaties')
          ? practitioner.organizationId
          : practitioner.id;
      const path = pattern.replace(':id', String(id));
      const body = {
        _csrf: csrf,
        name: 'Poging',
        email: 'poging@example.nl',
        organizationId: practitioner.organizationId,
        roles: 'admin',
        kind: 'overig',
        into: theme.id,
      };
      const res = method === 'GET' ? await agent.get(path) : await agent.post(path).type('form').send(body);
      expect([r, res.status]).toEqual([r, 403]);
      if (method === 'GET') {
        const anon = await request(ctx.app).get(path);
        expect([r, anon.status]).toEqual([r, 303]);
        expect(anon.headers.location).toMatch(/^\/inloggen/);
      }
    }
    // Nothing changed on the way.
    const [row] = await ds().query(`SELECT roles FROM users WHERE id = $1`, [practitioner.id]);
    expect(row.roles).toEqual(['practitioner']);
  });

  it('lets a curator manage themes but not accounts, and shows only what they may use', async () => {
    const curator = await buildUser(ds(), { roles: ['curator'] });
    const { agent } = await loggedIn(curator);
    await agent.get('/beheer/themas').expect(200);
    await agent.get('/beheer/gebruikers').expect(403);
    await agent.get('/beheer/audit').expect(403);
    const overview = await agent.get('/beheer').expect(200);
    expect(overview.text).toContain('href="/beheer/themas"');
    expect(overview.text).not.toContain('href="/beheer/gebruikers"');
    expect(overview.text).not.toContain('href="/beheer/audit"');
  });

  it('shows an admin every section', async () => {
    const overview = await adminAgent.get('/beheer').expect(200);
    for (const href of ['/beheer/gebruikers', '/beheer/organisaties', '/beheer/themas', '/beheer/audit']) {
      expect(overview.text).toContain(`href="${href}"`);
    }
  });
});

describe('users', () => {
  it('invites a member: a one-time link valid for 7 days, and an audit event', async () => {
    const org = await buildOrganization(ds());
    await adminAgent.get('/beheer/gebruikers/nieuw').expect(200);
    const res = await adminPost('/beheer/gebruikers', {
      name: 'Nieuwe Deelnemer',
      email: 'Nieuw.Lid@Example.nl',
      organizationId: org.id,
      roles: ['practitioner', 'expert'],
    }).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const match = /value="(https?:\/\/[^"]+\/uitnodiging\/([A-Za-z0-9_-]+))"/.exec(res.text);
    expect(match).not.toBeNull();
    const token = match![2];

    const [user] = await ds().query(
      `SELECT id, email, roles, organization_id FROM users WHERE email = 'nieuw.lid@example.nl'`,
    );
    expect(user).toMatchObject({ roles: ['practitioner', 'expert'], organization_id: org.id });
    const [invitation] = await ds().query(
      `SELECT purpose, used_at, extract(epoch FROM expires_at - now())::float AS seconds FROM invitations WHERE token_hash = $1`,
      [sha256(token)],
    );
    expect(invitation).toMatchObject({ purpose: 'invite', used_at: null });
    expect(Math.abs(invitation.seconds - 7 * 24 * 3600)).toBeLessThan(120);
    const [audit] = await ds().query(
      `SELECT actor_id FROM audit_events WHERE action = 'user.invited' AND subject_id = $1`,
      [String(user.id)],
    );
    expect(audit.actor_id).toBe(admin.id);

    // The link opens the invitation page, and works exactly once.
    await request(ctx.app).get(`/uitnodiging/${token}`).expect(200);
    const users = new UsersService(ds());
    await expect(users.acceptInvitation(token, 'een-heel-lang-wachtwoord-voor-mij')).resolves.toBe(user.id);
    await expect(users.acceptInvitation(token, 'een-heel-lang-wachtwoord-voor-mij')).rejects.toMatchObject({
      status: 409,
    });
  });

  it('answers a duplicate e-mail address with 409, keeping the form', async () => {
    const existing = await buildUser(ds());
    const res = await adminPost('/beheer/gebruikers', {
      name: 'Getypte Naam',
      email: existing.email.toUpperCase(),
      organizationId: existing.organizationId,
      roles: 'practitioner',
    }).expect(409);
    expect(res.text).toContain('value="Getypte Naam"');
    expect(res.text).toContain('Er bestaat al een account met dit e-mailadres.');
    expect(res.text).toContain('id="veld-email-fout"');
  });

  it('refuses an unknown organisation with 400, keeping the form, and writes nothing', async () => {
    const auditBefore = await ds().query(`SELECT count(*)::int AS n FROM audit_events`);
    const res = await adminPost('/beheer/gebruikers', {
      name: 'Zonder Organisatie',
      email: 'zonder-org@example.nl',
      organizationId: 987654,
      roles: 'practitioner',
    }).expect(400);
    expect(res.text).toContain('Kies een bestaande organisatie.');
    expect(res.text).toContain('id="veld-organizationId-fout"');
    expect(res.text).toContain('value="Zonder Organisatie"');
    expect(await ds().query(`SELECT id FROM users WHERE email = 'zonder-org@example.nl'`)).toEqual([]);
    const [invites] = await ds().query(
      `SELECT count(*)::int AS n FROM invitations i JOIN users u ON u.id = i.user_id WHERE u.email = 'zonder-org@example.nl'`,
    );
    expect(invites.n).toBe(0);
    expect(await ds().query(`SELECT count(*)::int AS n FROM audit_events`)).toEqual(auditBefore);
  });

  it('answers concurrent invitations for one address with one account and 409s, never a 500', async () => {
    const org = await buildOrganization(ds());
    const email = `gelijktijdig-${Date.now()}@example.nl`;
    const responses = await Promise.all(
      [1, 2, 3].map((n) =>
        adminPost('/beheer/gebruikers', {
          name: `Poging ${n}`,
          email,
          organizationId: org.id,
          roles: 'practitioner',
        }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409]);
    for (const refused of responses.filter((r) => r.status === 409)) {
      expect(refused.text).toContain('Er bestaat al een account met dit e-mailadres.');
      expect(refused.text).toMatch(/value="Poging \d"/);
    }
    expect(await ds().query(`SELECT id FROM users WHERE email = $1`, [email])).toHaveLength(1);
  });

  // PGlite has one connection, so requests there take turns and the check-then-insert race cannot
  // happen; on a PostgreSQL server we hold the conflicting row in an open transaction so it does.
  const onServer = process.env.TEST_DATABASE_URL ? it : it.skip;
  onServer(
    'maps a unique-index violation (the check passed, the insert lost the race) to 409 with the form',
    async () => {
      const org = await buildOrganization(ds());
      const email = `race-${Date.now()}@example.nl`;
      const other = ds().createQueryRunner();
      await other.connect();
      await other.startTransaction();
      try {
        await other.query(
          `INSERT INTO users (email, name, roles, organization_id) VALUES ($1, 'Eerder', '{practitioner}', $2)`,
          [email, org.id],
        );
        // The invite does not see the uncommitted row, so its INSERT waits on the unique index …
        const pending = adminPost('/beheer/gebruikers', {
          name: 'Later',
          email: email.toUpperCase(),
          organizationId: org.id,
          roles: 'practitioner',
        }).then((r) => r);
        await waitForLockWait(email);
        // … and fails with 23505 once the other transaction commits.
        await other.commitTransaction();
        const res = await pending;
        expect(res.status).toBe(409);
        expect(res.text).toContain('Er bestaat al een account met dit e-mailadres.');
        expect(res.text).toContain('value="Later"');
        const rows = await ds().query(`SELECT name FROM users WHERE lower(email) = lower($1)`, [email]);
        expect(rows).toEqual([{ name: 'Eerder' }]);
      } finally {
        if (other.isTransactionActive) await other.rollbackTransaction();
        await other.release();
      }
    },
  );

  it('refuses an over-long name and a missing role with 400 and Dutch messages', async () => {
    const org = await buildOrganization(ds());
    const res = await adminPost('/beheer/gebruikers', {
      name: 'x'.repeat(201),
      email: 'te-lang@example.nl',
      organizationId: org.id,
    }).expect(400);
    expect(res.text).toContain('De naam mag hoogstens 200 tekens lang zijn.');
    expect(res.text).toContain('Kies minstens één rol.');
    expect(res.text).toContain('value="te-lang@example.nl"');
    const rows = await ds().query(`SELECT id FROM users WHERE email = 'te-lang@example.nl'`);
    expect(rows).toHaveLength(0);
  });

  it('lists and searches accounts, escaping LIKE wildcards', async () => {
    const org = await buildOrganization(ds(), { name: 'Zoekcorporatie 100% Wonen' });
    await buildUser(ds(), { name: 'Zoekbare Zoë', organizationId: org.id, roles: ['expert'] });
    const byOrg = await adminAgent.get('/beheer/gebruikers').query({ q: '100%' }).expect(200);
    expect(tbody(byOrg.text)).toContain('Zoekbare Zoë');
    expect(tbody(byOrg.text)).toContain('Expert');
    const wildcard = await adminAgent.get('/beheer/gebruikers').query({ q: '%' }).expect(200);
    expect(tbody(wildcard.text)).toContain('Zoekbare Zoë'); // the literal % in the organisation name
    const none = await adminAgent.get('/beheer/gebruikers').query({ q: '_oekbare' }).expect(200);
    expect(tbody(none.text)).not.toContain('Zoekbare Zoë');
  });

  it('updates, deactivates and reactivates an account; refuses to deactivate oneself', async () => {
    const user = await buildUser(ds(), { name: 'Te Wijzigen' });
    const org = await buildOrganization(ds());
    await adminAgent.get(`/beheer/gebruikers/${user.id}`).expect(200);
    await adminPost(`/beheer/gebruikers/${user.id}`, {
      name: 'Gewijzigd',
      organizationId: org.id,
      roles: ['expert'],
    })
      .expect(303)
      .expect('location', `/beheer/gebruikers/${user.id}`);
    const [updated] = await ds().query(`SELECT name, roles, organization_id FROM users WHERE id = $1`, [
      user.id,
    ]);
    expect(updated).toEqual({ name: 'Gewijzigd', roles: ['expert'], organization_id: org.id });

    await adminPost(`/beheer/gebruikers/${user.id}/deactiveren`, {}).expect(303);
    const [row] = await ds().query(`SELECT active FROM users WHERE id = $1`, [user.id]);
    expect(row.active).toBe(false);
    const page = await adminAgent.get(`/beheer/gebruikers/${user.id}`).expect(200);
    expect(page.text).toContain('Het account is gedeactiveerd');
    expect(page.text).toContain('Account weer activeren');
    const [audit] = await ds().query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'user.deactivated' AND subject_id = $1`,
      [String(user.id)],
    );
    expect(audit.n).toBe(1);

    await adminPost(`/beheer/gebruikers/${user.id}/activeren`, {}).expect(303);
    expect((await ds().query(`SELECT active FROM users WHERE id = $1`, [user.id]))[0].active).toBe(true);

    const self = await adminPost(`/beheer/gebruikers/${admin.id}/deactiveren`, {}).expect(409);
    expect(self.text).toContain('U kunt uw eigen account niet deactiveren.');
    const ownRole = await adminPost(`/beheer/gebruikers/${admin.id}`, {
      name: 'Ik',
      organizationId: admin.organizationId,
      roles: 'expert',
    }).expect(409);
    expect(ownRole.text).toContain('U kunt uw eigen beheerdersrol niet intrekken');
    expect(ownRole.text).toContain('value="Ik"');
  });

  it('makes a new password link and resets the second factor', async () => {
    const curator = await buildUser(ds(), { roles: ['curator'] });
    const res = await adminPost(`/beheer/gebruikers/${curator.id}/wachtwoordlink`, {}).expect(200);
    const token = /\/uitnodiging\/([A-Za-z0-9_-]+)"/.exec(res.text)![1];
    const [invitation] = await ds().query(`SELECT purpose FROM invitations WHERE token_hash = $1`, [
      sha256(token),
    ]);
    expect(invitation.purpose).toBe('reset');

    await adminPost(`/beheer/gebruikers/${curator.id}/tweestaps-resetten`, {}).expect(303);
    const [row] = await ds().query(`SELECT totp_enabled_at FROM users WHERE id = $1`, [curator.id]);
    expect(row.totp_enabled_at).toBeNull();
  });

  it('revokes open password links at deactivation: reactivation does not bring them back', async () => {
    const member = await buildUser(ds());
    const res = await adminPost(`/beheer/gebruikers/${member.id}/wachtwoordlink`, {}).expect(200);
    const token = /\/uitnodiging\/([A-Za-z0-9_-]+)"/.exec(res.text)![1];
    await request(ctx.app).get(`/uitnodiging/${token}`).expect(200);
    await adminPost(`/beheer/gebruikers/${member.id}/deactiveren`, {}).expect(303);
    await adminPost(`/beheer/gebruikers/${member.id}/activeren`, {}).expect(303);
    const [row] = await ds().query(`SELECT active FROM users WHERE id = $1`, [member.id]);
    expect(row.active).toBe(true);
    const page = await request(ctx.app).get(`/uitnodiging/${token}`);
    expect(page.status).not.toBe(200);
  });

  it('answers 404 for an unknown account', async () => {
    await adminAgent.get('/beheer/gebruikers/999999').expect(404);
    await adminPost('/beheer/gebruikers/999999/deactiveren', {}).expect(404);
    await adminPost('/beheer/gebruikers/999999', {
      name: 'X',
      organizationId: admin.organizationId,
      roles: 'expert',
    }).expect(404);
    await adminAgent.get('/beheer/gebruikers/abc').expect(404);
  });
});

/** Waits until a backend is blocked on a lock (the racing INSERT), so the test does not rely on timing. */
async function waitForLockWait(email: string) {
  for (let i = 0; i < 100; i++) {
    const [row] = await ds().query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO users%'`,
    );
    if (row.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the invitation for ${email} never waited on the unique index`);
}

describe('links by e-mail', () => {
  let mailCtx: TestContext;
  let mailer: Mailer;
  let agent: ReturnType<typeof request.agent>;
  let csrf: string;
  const sent: Array<{
    from: { address: string };
    to: Array<{ address: string }>;
    subject: string;
    text: string;
  }> = [];

  beforeAll(async () => {
    // A real nodemailer transport that writes the message as JSON instead of sending it.
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sendMail = transport.sendMail.bind(transport);
    transport.sendMail = (async (message: Parameters<typeof sendMail>[0]) => {
      const info = await sendMail(message);
      sent.push(JSON.parse(String(info.message)));
      return info;
    }) as typeof transport.sendMail;
    mailer = createMailer({
      from: 'Casusbank <noreply@example.nl>',
      logger: pino({ level: 'silent' }),
      transport,
    });
    mailCtx = await createTestApp({ mailer, env: { PUBLIC_URL: 'https://casusbank.example.nl/' } });
    const mailAdmin = await buildUser(mailCtx.db.dataSource, { roles: ['admin'] });
    agent = request.agent(mailCtx.app);
    await loginAs(agent, mailAdmin);
    csrf = await csrfOf(agent);
  });
  afterAll(() => mailCtx.close());

  it('e-mails the invitation link (built from PUBLIC_URL, not the Host header) and still shows it', async () => {
    const org = await buildOrganization(mailCtx.db.dataSource);
    const res = await agent
      .post('/beheer/gebruikers')
      .set('Host', 'aanvaller.example')
      .type('form')
      .send({
        name: 'Post Ontvanger',
        email: 'post.ontvanger@example.nl',
        organizationId: org.id,
        roles: 'expert',
        _csrf: csrf,
      })
      .expect(200);
    const shown = /value="(https:\/\/casusbank\.example\.nl\/uitnodiging\/[A-Za-z0-9_-]+)"/.exec(
      res.text,
    )?.[1];
    expect(shown).toBeDefined();
    expect(res.text).toContain('per e-mail verstuurd naar post.ontvanger@example.nl');
    expect(res.text).not.toContain('aanvaller.example');

    await mailer.idle(); // sending happens in the background
    const mail = sent.find((m) => m.to[0].address === 'post.ontvanger@example.nl');
    expect(mail).toMatchObject({
      from: { address: 'noreply@example.nl' },
      subject: 'Uw uitnodiging voor de Casusbank',
    });
    expect(mail!.text).toContain(shown!);
    expect(mail!.text).toContain('Beste Post Ontvanger,');
    expect(mail!.text).toContain('7 dagen geldig');
  });

  it('e-mails a new password link', async () => {
    const member = await buildUser(mailCtx.db.dataSource, { name: 'Vergeten Wachtwoord' });
    const res = await agent
      .post(`/beheer/gebruikers/${member.id}/wachtwoordlink`)
      .type('form')
      .send({ _csrf: csrf })
      .expect(200);
    const shown = /value="(https:\/\/casusbank\.example\.nl\/uitnodiging\/[A-Za-z0-9_-]+)"/.exec(
      res.text,
    )![1];
    await mailer.idle();
    const mail = sent.find((m) => m.to[0].address === member.email);
    expect(mail?.subject).toBe('Nieuw wachtwoord instellen voor de Casusbank');
    expect(mail!.text).toContain(shown);
    expect(mail!.text).toContain('Eerdere links werken niet meer.');
  });

  it('lets a member who forgot a password ask for a link by e-mail, without telling who has an account, and signs them in', async () => {
    const member = await buildUser(mailCtx.db.dataSource, { name: 'Zelf Herstellen' });
    const visitor = request.agent(mailCtx.app);
    const login = await visitor.get('/inloggen').expect(200);
    expect(login.text).toContain('href="/wachtwoord-vergeten"');
    const token = await csrfOf(visitor, '/wachtwoord-vergeten');
    const ask = (address: string) =>
      visitor.post('/wachtwoord-vergeten').type('form').send({ email: address, _csrf: token }).expect(200);
    const known = await ask(member.email.toUpperCase());
    const unknown = await ask('niemand-hier@example.nl');
    const answer = (html: string) =>
      /<div class="alert alert-success" role="status">([^<]*)<\/div>/.exec(html)?.[1];
    expect(answer(known.text)).toContain('Als dit e-mailadres bij de Casusbank bekend is');
    expect(answer(unknown.text)).toBe(answer(known.text));

    await mailer.idle();
    expect(sent.some((m) => m.to[0].address === 'niemand-hier@example.nl')).toBe(false);
    const mail = sent.find((m) => m.to[0].address === member.email);
    expect(mail?.subject).toBe('Nieuw wachtwoord instellen voor de Casusbank');
    expect(mail!.text).toContain('Er is gevraagd om uw wachtwoord opnieuw in te stellen.');
    const link = /https:\/\/casusbank\.example\.nl(\/uitnodiging\/[A-Za-z0-9_-]+)/.exec(mail!.text)![1];

    // Setting the password from the link signs the member in, straight to the start page.
    const setToken = await csrfOf(visitor, link);
    const set = await visitor
      .post(link)
      .type('form')
      .send({ password: 'een-nieuw-lang-wachtwoord', confirm: 'een-nieuw-lang-wachtwoord', _csrf: setToken })
      .expect(303);
    expect(set.headers.location).toBe('/');
    const home = await visitor.get('/').expect(200);
    expect(home.text).toContain('Uw wachtwoord is ingesteld.');
    expect(home.text).toContain('Zelf Herstellen');
  });
});

describe('organisations', () => {
  it('creates, refuses a duplicate name (any case) with 409, and renames with re-indexing', async () => {
    await adminPost('/beheer/organisaties', { name: 'Stichting Dubbel', kind: 'gemeente' }).expect(303);
    const dup = await adminPost('/beheer/organisaties', { name: 'stichting DUBBEL', kind: 'overig' }).expect(
      409,
    );
    expect(dup.text).toContain('Er bestaat al een organisatie met deze naam.');
    expect(dup.text).toContain('value="stichting DUBBEL"');
    await adminPost('/beheer/organisaties', { name: 'Zonder soort', kind: 'bestaat-niet' }).expect(400);

    const [org] = await ds().query(`SELECT id FROM organizations WHERE name = 'Stichting Dubbel'`);
    const author = await buildUser(ds(), { organizationId: org.id });
    const caseId = await buildCase(ds(), author);
    await ctx.indexer.whenIdle();
    await ctx.indexer.stop();
    try {
      await adminPost(`/beheer/organisaties/${org.id}`, {
        name: 'Stichting Enkel',
        kind: 'woningcorporatie',
      }).expect(303);
      const outbox = await ds().query(
        `SELECT case_id FROM search_outbox WHERE reason = 'organization.renamed'`,
      );
      expect(outbox.map((r: { case_id: number }) => r.case_id)).toEqual([caseId]);
    } finally {
      ctx.indexer.start();
    }
    await ctx.indexer.whenIdle();
    const [doc] = await ds().query(
      `SELECT organization_name, organization_kind FROM search_documents WHERE case_id = $1`,
      [caseId],
    );
    expect(doc).toEqual({ organization_name: 'Stichting Enkel', organization_kind: 'woningcorporatie' });
    const list = await adminAgent.get('/beheer/organisaties').expect(200);
    expect(list.text).toContain('Stichting Enkel');

    const other = await buildOrganization(ds());
    const clash = await adminPost(`/beheer/organisaties/${other.id}`, {
      name: 'STICHTING ENKEL',
      kind: 'overig',
    }).expect(409);
    expect(clash.text).toContain(`href="#veld-name-${other.id}"`);
    await adminPost('/beheer/organisaties/999999', { name: 'Nergens', kind: 'overig' }).expect(404);
  });
});

describe('themes', () => {
  it('derives the slug from the name and refuses duplicates', async () => {
    expect(themeSlug('  Één  & Zorg/Welzijn! ')).toBe('een-zorg-welzijn');
    await adminPost('/beheer/themas', { name: 'Wijkaanpak & Ontmoeting' }).expect(303);
    const [row] = await ds().query(`SELECT slug FROM themes WHERE name = 'Wijkaanpak & Ontmoeting'`);
    expect(row.slug).toBe('wijkaanpak-ontmoeting');
    const dup = await adminPost('/beheer/themas', { name: 'Wijkaanpak - ontmoeting' }).expect(409);
    expect(dup.text).toContain('Er bestaat al een thema met deze naam.');
    await adminPost('/beheer/themas', { name: 'x'.repeat(121) }).expect(400);
  });

  it('merges a theme: cases and meetings move without duplicates, the theme goes, search is updated', async () => {
    await adminPost('/beheer/themas', { name: 'Samen Oud' }).expect(303);
    await adminPost('/beheer/themas', { name: 'Samen Nieuw' }).expect(303);
    const [from] = await ds().query(`SELECT id FROM themes WHERE slug = 'samen-oud'`);
    const [into] = await ds().query(`SELECT id FROM themes WHERE slug = 'samen-nieuw'`);
    const author = await buildUser(ds());
    const onlyOld = await buildCase(ds(), author, { themes: ['samen-oud'] });
    const both = await buildCase(ds(), author, { themes: ['samen-oud', 'samen-nieuw'] });
    const untouched = await buildCase(ds(), author, { themes: ['incasso'] });
    const [meeting] = await ds().query(
      `INSERT INTO meetings (title, starts_at) VALUES ('Themamiddag', now() + interval '7 days') RETURNING id`,
    );
    await ds().query(`INSERT INTO meeting_themes (meeting_id, theme_id) VALUES ($1, $2), ($1, $3)`, [
      meeting.id,
      from.id,
      into.id,
    ]);

    await adminPost(`/beheer/themas/${from.id}/samenvoegen`, { into: from.id }).expect(400);
    await ctx.indexer.whenIdle();
    await ctx.indexer.stop();
    try {
      await adminPost(`/beheer/themas/${from.id}/samenvoegen`, { into: into.id })
        .expect(303)
        .expect('location', '/beheer/themas');
      const outbox = await ds().query(
        `SELECT case_id FROM search_outbox WHERE reason = 'theme.renamed' ORDER BY case_id`,
      );
      expect(outbox.map((r: { case_id: number }) => r.case_id)).toEqual(
        [onlyOld, both].sort((a, b) => a - b),
      );
    } finally {
      ctx.indexer.start();
    }
    expect(await ds().query(`SELECT id FROM themes WHERE id = $1`, [from.id])).toHaveLength(0);
    const links = await ds().query(
      `SELECT case_id, theme_id FROM case_themes WHERE case_id = ANY($1) ORDER BY case_id, theme_id`,
      [[onlyOld, both, untouched]],
    );
    const [incasso] = await ds().query(`SELECT id FROM themes WHERE slug = 'incasso'`);
    expect(links).toEqual(
      [
        { case_id: onlyOld, theme_id: into.id },
        { case_id: both, theme_id: into.id },
        { case_id: untouched, theme_id: incasso.id },
      ].sort((a, b) => a.case_id - b.case_id),
    );
    expect(
      await ds().query(`SELECT theme_id FROM meeting_themes WHERE meeting_id = $1`, [meeting.id]),
    ).toEqual([{ theme_id: into.id }]);
    const [audit] = await ds().query(
      `SELECT details FROM audit_events WHERE action = 'theme.merged' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.details).toMatchObject({
      from: { slug: 'samen-oud' },
      into: { slug: 'samen-nieuw' },
      cases: 2,
    });

    await ctx.indexer.whenIdle();
    const [doc] = await ds().query(`SELECT themes FROM search_documents WHERE case_id = $1`, [onlyOld]);
    expect(doc.themes).toEqual(['samen-nieuw']);
    await adminPost(`/beheer/themas/${from.id}/samenvoegen`, { into: into.id }).expect(404);
  });

  it('renames a theme and keeps its slug; the case form offers the new name at once', async () => {
    // The theme list is kept briefly in memory: it is read before each change. The form is
    // read after the themes page, which shows (and so uses up) the change's flash message.
    const caseForm = async () => {
      await adminAgent.get('/beheer/themas').expect(200);
      return (await adminAgent.get('/casussen/nieuw').expect(200)).text;
    };
    expect(await caseForm()).not.toContain('value="hernoem-mij"');
    await adminPost('/beheer/themas', { name: 'Hernoem Mij' }).expect(303);
    expect(await caseForm()).toMatch(/value="hernoem-mij"[^]*Hernoem Mij/);
    const [theme] = await ds().query(`SELECT id FROM themes WHERE slug = 'hernoem-mij'`);
    await adminPost(`/beheer/themas/${theme.id}`, { name: 'Nieuwe Naam' }).expect(303);
    const [row] = await ds().query(`SELECT slug, name FROM themes WHERE id = $1`, [theme.id]);
    expect(row).toEqual({ slug: 'hernoem-mij', name: 'Nieuwe Naam' });
    const form = await caseForm();
    expect(form).toContain('Nieuwe Naam');
    expect(form).not.toContain('Hernoem Mij');
    const empty = await adminPost(`/beheer/themas/${theme.id}`, { name: '' }).expect(400);
    expect(empty.text).toContain(`href="#veld-name-${theme.id}"`);
  });
});

describe('audit log', () => {
  it('filters by action prefix and actor, newest first, escaping what it shows', async () => {
    await adminPost('/beheer/themas', { name: '<script>Audit</script> thema' }).expect(303);
    const themes = await adminAgent.get('/beheer/audit').query({ actie: 'theme.' }).expect(200);
    const rows = auditList(themes.text);
    expect(rows).toContain('theme.created');
    expect(rows).not.toContain('user.invited');
    expect(rows).not.toContain('<script>');
    expect(rows).toContain('&lt;script&gt;');
    expect(themes.text).toContain('<option value="user.invited"');
    // Sentences in Dutch with a link to the subject, the code small beside them.
    expect(rows).toMatch(
      /<strong>[^<]+<\/strong> voegde het thema toe <a href="\/beheer\/themas">&lt;script&gt;Audit/,
    );
    expect(themes.text).toContain('>nodigde uit:</option>');

    // The same selection as CSV for an auditor.
    const csv = await adminAgent.get('/beheer/audit.csv').query({ actie: 'theme.' }).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.text).toContain(
      '"tijd","door","e-mailadres","wat","onderwerp","actiecode","ip-adres","details"',
    );
    expect(csv.text).toContain('"voegde het thema toe","<script>Audit</script> thema","theme.created"');
    expect(csv.text).not.toContain('user.invited');

    const users = await adminAgent.get('/beheer/audit').query({ actie: 'user.invited' }).expect(200);
    expect(auditList(users.text)).toContain('user.invited');
    expect(auditList(users.text)).not.toContain('theme.created');

    const byActor = await adminAgent.get('/beheer/audit').query({ gebruiker: 'niemand-hier@' }).expect(200);
    expect(byActor.text).toContain('Geen gebeurtenissen gevonden.');
    const dated = await adminAgent
      .get('/beheer/audit')
      .query({ actie: 'theme.', van: '2000-01-01', tot: '2100-12-31', gebruiker: admin.email })
      .expect(200);
    expect(auditList(dated.text)).toContain('theme.created');

    const wrong = await adminAgent.get('/beheer/audit').query({ van: '2025-13-45' }).expect(400);
    expect(wrong.text).toContain('Vul een datum in als 2025-01-31.');
  });
});
