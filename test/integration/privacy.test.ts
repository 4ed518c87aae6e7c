import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { exportCases } from '../../src/cases/import-export';
import { draftRetention } from '../../src/privacy/retention';
import { pdf } from '../fixtures/pdf';
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
 * Privacy of the tenants a case is about: the check before publishing (text and attachments),
 * the kerngroep's review, the JSON check, a member's own data, removing a member, and the
 * retention of old drafts. Mail goes through a real SMTP server.
 */
let ctx: TestContext;
let smtp: SMTPServer;
const mails: Array<{ to: string; subject: string; text: string }> = [];
let org: { id: number; name: string };
let author: TestUser;
let colleague: TestUser;
let curator: TestUser;
let admin: TestUser;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
          mails.push({ to: to?.value[0]?.address ?? '', subject: mail.subject ?? '', text: mail.text ?? '' });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  ctx = await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  const ds = ctx.db.dataSource;
  org = await buildOrganization(ds, { name: 'Woonstichting De Vaart' });
  author = await buildUser(ds, { organizationId: org.id, name: 'Petra Praktijk' });
  colleague = await buildUser(ds, { organizationId: org.id, name: 'Cor Collega' });
  curator = await buildUser(ds, { roles: ['curator'], name: 'Karin Kerngroep' });
  admin = await buildUser(ds, { roles: ['admin'], name: 'Bea Beheer' });
});
afterAll(async () => {
  await ctx.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function agentFor(user: TestUser) {
  const agent = request.agent(ctx.app);
  await loginAs(agent, user);
  return { agent, csrf: await csrfOf(agent, '/account') };
}

const caseForm = (overrides: Record<string, unknown> = {}) => ({
  title: 'Huisbezoek bij een huurachterstand',
  summary: 'Samen met het wijkteam op bezoek.',
  context: 'Mevrouw Jansen (BSN 123456782) had drie maanden achterstand.',
  approach: 'We belden het wijkteam; contact via Sanne de Vries, 06-87654321.',
  results: '',
  lessons: '',
  question: '',
  roles: 'verhuurder',
  themes: 'incasso',
  tags: 'huisbezoek',
  partners: 'Woonstichting De Vaart, wijkteam',
  region: 'Zwolle',
  year: '2024',
  contact: 'Sanne de Vries, wijkconsulent, 06-87654321',
  ...overrides,
});

async function waitForExtraction(caseId: number, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await ctx.db.dataSource.query(
      `SELECT count(*)::int AS n FROM attachments WHERE case_id = $1 AND extraction_status = 'pending'`,
      [caseId],
    );
    if (row.n === 0 || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function until(check: () => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
}

describe('publishing a case with personal data', () => {
  it('shows the findings in context and publishes nothing, then publishes once the author confirms', async () => {
    const ds = ctx.db.dataSource;
    const { agent, csrf } = await agentFor(author);
    const before = (await ds.query(`SELECT count(*)::int AS n FROM cases`))[0].n;

    const refused = await agent
      .post('/casussen')
      .type('form')
      .send({ ...caseForm(), action: 'publish', _csrf: csrf })
      .expect(400);
    expect(refused.text).toContain('Controleer op persoonsgegevens');
    expect(refused.text).toContain('<mark>Mevrouw Jansen</mark>');
    expect(refused.text).toContain('<mark>123456782</mark>');
    expect(refused.text).toContain('Burgerservicenummer');
    expect(refused.text).toContain('href="#veld-context"'); // the spot in the form
    // The contact person, their phone number and the organisation are no findings.
    expect(refused.text).not.toContain('<mark>06-87654321</mark>');
    expect(refused.text).not.toContain('<mark>Woonstichting De Vaart</mark>');
    // What was typed is kept; nothing is stored.
    expect(refused.text).toContain('Huisbezoek bij een huurachterstand');
    expect((await ds.query(`SELECT count(*)::int AS n FROM cases`))[0].n).toBe(before);

    // A confirmation of something else (a tampered or stale token) is no confirmation.
    await agent
      .post('/casussen')
      .type('form')
      .send({ ...caseForm(), action: 'publish', privacyToken: 'abc123', _csrf: csrf })
      .expect(400);
    await agent
      .post('/casussen')
      .type('form')
      .send({ ...caseForm(), action: 'publish', privacyToken: '<script>', _csrf: csrf })
      .expect(400);

    const token = /name="privacyToken" value="([0-9a-f]+)"/.exec(refused.text)![1];
    const published = await agent
      .post('/casussen')
      .type('form')
      .send({ ...caseForm(), action: 'publish', privacyToken: token, _csrf: csrf })
      .expect(303);
    const caseId = Number(published.headers.location.split('/').pop());
    const [row] = await ds.query(`SELECT status FROM cases WHERE id = $1`, [caseId]);
    expect(row.status).toBe('published');
    const [confirmation] = await ds.query(
      `SELECT confirmed_by_id, confirmed_at, findings, review_status FROM privacy_confirmations WHERE case_id = $1`,
      [caseId],
    );
    expect(confirmation.confirmed_by_id).toBe(author.id);
    expect(confirmation.review_status).toBe('open');
    expect(confirmation.findings).toEqual(
      expect.arrayContaining([
        { kind: 'naam', text: 'Mevrouw Jansen', where: 'Aanleiding' },
        { kind: 'bsn', text: '123456782', where: 'Aanleiding' },
      ]),
    );

    // Editing the published case: what was confirmed is not asked again; something new is.
    const edit = await agent.get(`/casussen/${caseId}/bewerken`).expect(200);
    const version = /name="version" value="(\d+)"/.exec(edit.text)![1];
    await agent
      .post(`/casussen/${caseId}`)
      .type('form')
      .send({ ...caseForm({ lessons: 'Les geleerd.' }), version, action: 'save', _csrf: csrf })
      .expect(303);
    const again = await agent
      .post(`/casussen/${caseId}`)
      .type('form')
      .send({
        ...caseForm({ lessons: 'Haar IBAN NL91ABNA0417164300.' }),
        version: Number(version) + 1,
        action: 'save',
        _csrf: csrf,
      })
      .expect(400);
    expect(again.text).toContain('<mark>NL91ABNA0417164300</mark>');
    expect(again.text).not.toContain('<mark>123456782</mark>');
    const [saved] = await ds.query(`SELECT lessons FROM cases WHERE id = $1`, [caseId]);
    expect(saved.lessons).toBe('Les geleerd.');

    // The kerngroep sees it, asks the author to change it (notification and e-mail), then marks it checked.
    const cur = await agentFor(curator);
    const review = await cur.agent.get('/beheer/privacy').expect(200);
    expect(review.text).toContain('Huisbezoek bij een huurachterstand');
    expect(review.text).toContain('<mark>123456782</mark>');
    const [{ id: confirmationId }] = await ds.query(
      `SELECT id FROM privacy_confirmations WHERE case_id = $1`,
      [caseId],
    );
    await cur.agent
      .post(`/beheer/privacy/${confirmationId}/aanpassing`)
      .type('form')
      .send({ note: '', _csrf: cur.csrf })
      .expect(400);
    await cur.agent
      .post(`/beheer/privacy/${confirmationId}/aanpassing`)
      .type('form')
      .send({ note: 'Laat de naam van de huurder weg.', _csrf: cur.csrf })
      .expect(303);
    const [note] = await ds.query(
      `SELECT kind, message, url FROM notifications WHERE user_id = $1 AND kind = 'privacy_change_requested'`,
      [author.id],
    );
    expect(note.message).toContain('Laat de naam van de huurder weg.');
    expect(note.url).toBe(`/casussen/${caseId}/bewerken?controle=1`);
    await until(() => mails.some((m) => m.to === author.email));
    expect(mails.find((m) => m.to === author.email)?.text).toContain('Laat de naam van de huurder weg.');
    // The link opens the form with the check above it.
    const spot = await agent.get(note.url).expect(200);
    expect(spot.text).toContain('<mark>Mevrouw Jansen</mark>');

    await cur.agent
      .post(`/beheer/privacy/${confirmationId}/gecontroleerd`)
      .type('form')
      .send({ _csrf: cur.csrf })
      .expect(303);
    const after = await cur.agent.get('/beheer/privacy').expect(200);
    expect(after.text).toContain('Niets na te kijken.');
    // Only the kerngroep (and admins) review.
    await agent.get('/beheer/privacy').expect(403);
    await agent
      .post(`/beheer/privacy/${confirmationId}/gecontroleerd`)
      .type('form')
      .send({ _csrf: csrf })
      .expect(403);
  });

  it('checks an attached PDF: the BSN is shown with its page, and a redacted version replaces the letter', async () => {
    const ds = ctx.db.dataSource;
    const { agent, csrf } = await agentFor(author);
    const caseId = await buildCase(ds, author, { status: 'draft', title: 'Brief van de deurwaarder' });
    const upload = await agent
      .post(`/casussen/${caseId}/bijlagen`)
      .set('x-csrf-token', csrf)
      .attach('bijlagen', pdf('Betreft BSN 111222333 van de huurder'), 'brief.pdf')
      .expect(303);
    expect(upload.headers.location).toBe(`/casussen/${caseId}#bijlagen`);
    const [{ id: attachmentId }] = await ds.query(`SELECT id FROM attachments WHERE case_id = $1`, [caseId]);

    await waitForExtraction(caseId);
    const check = await agent
      .post(`/casussen/${caseId}/publiceren`)
      .type('form')
      .send({ _csrf: csrf })
      .expect(400);
    expect(check.text).toContain('Bijlage brief.pdf, pagina 1');
    expect(check.text).toContain('<mark>111222333</mark>');
    expect(check.text).toContain(`/casussen/${caseId}#bijlage-${attachmentId}`);
    expect((await ds.query(`SELECT status FROM cases WHERE id = $1`, [caseId]))[0].status).toBe('draft');

    // Replace the letter by a redacted version: its text is read again and publishing goes through.
    const page = await agent.get(`/casussen/${caseId}`).expect(200);
    expect(page.text).toContain(`action="/bijlagen/${attachmentId}/vervangen"`);
    await agent
      .post(`/bijlagen/${attachmentId}/vervangen`)
      .set('x-csrf-token', csrf)
      .attach('bijlagen', pdf('Betreft BSN XXXXXXXXX van de huurder'), 'brief-geanonimiseerd.pdf')
      .expect(303)
      .expect('Location', `/casussen/${caseId}#bijlage-${attachmentId}`);
    // While the new text is being read, publishing waits.
    const [pending] = await ds.query(`SELECT extraction_status FROM attachments WHERE id = $1`, [
      attachmentId,
    ]);
    if (pending.extraction_status === 'pending') {
      const wait = await agent.post(`/casussen/${caseId}/publiceren`).type('form').send({ _csrf: csrf });
      expect([303, 400]).toContain(wait.status);
    }
    await waitForExtraction(caseId);
    await agent.post(`/casussen/${caseId}/publiceren`).type('form').send({ _csrf: csrf }).expect(303);
    const [after] = await ds.query(
      `SELECT c.status, a.filename FROM cases c JOIN attachments a ON a.case_id = c.id WHERE c.id = $1`,
      [caseId],
    );
    expect(after).toEqual({ status: 'published', filename: 'brief-geanonimiseerd.pdf' });
    // A letter added after publishing is visible at once: once its text is read, the author hears of it.
    await agent
      .post(`/casussen/${caseId}/bijlagen`)
      .set('x-csrf-token', csrf)
      .attach('bijlagen', pdf('IBAN NL91ABNA0417164300'), 'nagekomen.pdf')
      .expect(303);
    await waitForExtraction(caseId);
    // The check runs after the text is stored: on a server with a pool it may land a moment later.
    let late: { message: string; url: string } | undefined;
    for (const deadline = Date.now() + 5000; !late && Date.now() < deadline;) {
      [late] = await ds.query(
        `SELECT message, url FROM notifications WHERE user_id = $1 AND kind = 'privacy_attachment'`,
        [author.id],
      );
      if (!late) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (!late) throw new Error('no privacy_attachment notification within 5 s');
    expect(late.message).toContain('"nagekomen.pdf"');
    expect(late.message).toContain('rekeningnummer (iban)');
    expect(late.url).toMatch(new RegExp(`^/casussen/${caseId}#bijlage-\\d+$`));
    // Someone else cannot replace it.
    const other = await agentFor(colleague);
    await other.agent
      .post(`/bijlagen/${attachmentId}/vervangen`)
      .set('x-csrf-token', other.csrf)
      .attach('bijlagen', pdf('iets'), 'x.pdf')
      .expect(403);
  });
});

describe('reactions and reflections with personal data', () => {
  it('refuses them with what was found, keeps the text, and takes them once the writer confirms', async () => {
    const ds = ctx.db.dataSource;
    const caseId = await buildCase(ds, author, { title: 'Casus om op te reageren' });
    const { agent, csrf } = await agentFor(colleague);
    const text = 'Wij belden de heer Bakker op 06-12345678.';
    const refused = await agent
      .post(`/casussen/${caseId}/reacties`)
      .type('form')
      .send({ body: text, _csrf: csrf })
      .expect(400);
    expect(refused.text).toContain('Mogelijk persoonsgegevens van cliënten of huurders');
    expect(refused.text).toContain('telefoonnummer “06-12345678”');
    expect(refused.text).toContain(text); // kept in the form
    expect(
      (await ds.query(`SELECT count(*)::int AS n FROM reactions WHERE case_id = $1`, [caseId]))[0].n,
    ).toBe(0);
    const token = /name="privacyToken" value="([0-9a-f]+)"/.exec(refused.text)![1];
    await agent
      .post(`/casussen/${caseId}/reacties`)
      .type('form')
      .send({ body: text, privacyToken: token, _csrf: csrf })
      .expect(303);
    const [confirmed] = await ds.query(
      `SELECT confirmed_by_id, findings FROM privacy_confirmations WHERE case_id = $1`,
      [caseId],
    );
    expect(confirmed.confirmed_by_id).toBe(colleague.id);
    expect(confirmed.findings).toEqual(
      expect.arrayContaining([{ kind: 'telefoon', text: '06-12345678', where: 'reactie' }]),
    );
    // The JSON route answers the same refusal with the token to send back.
    const api = await agent
      .post(`/api/cases/${caseId}/reacties`)
      .set('x-csrf-token', csrf)
      .send({ body: 'Mail mevrouw Jansen op j.jansen@gmail.com' })
      .expect(400);
    expect(api.body.privacyToken).toMatch(/^[0-9a-f]+$/);
    await agent
      .post(`/api/cases/${caseId}/reacties`)
      .set('x-csrf-token', csrf)
      .send({ body: 'Mail mevrouw Jansen op j.jansen@gmail.com', privacyToken: api.body.privacyToken })
      .expect(201);

    // A reflection by an expert: the same check.
    const expert = await buildUser(ds, { roles: ['expert'] });
    const exp = await agentFor(expert);
    const reflection = await exp.agent
      .post(`/casussen/${caseId}/reflecties`)
      .type('form')
      .send({ body: 'Bij cliënt De Boer (geb. 03-03-1961) werkte dit.', _csrf: exp.csrf })
      .expect(400);
    expect(reflection.text).toContain('geboortedatum “geb. 03-03-1961”');
    await exp.agent
      .post(`/casussen/${caseId}/reflecties`)
      .type('form')
      .send({ body: 'Bij deze cliënt werkte dit.', _csrf: exp.csrf })
      .expect(303);
  });
});

describe('the JSON check', () => {
  it('answers the findings of a text for members only', async () => {
    const { agent, csrf } = await agentFor(colleague);
    const res = await agent
      .post('/api/privacy/controle')
      .set('x-csrf-token', csrf)
      .send({ text: 'Bel dhr. De Vries op 06-12345678 of mail j.devries@gmail.com.' })
      .expect(200);
    expect(res.body).toEqual({
      findings: [
        { kind: 'naam', start: 4, end: 17, text: 'dhr. De Vries' },
        { kind: 'telefoon', start: 21, end: 32, text: '06-12345678' },
        { kind: 'email', start: 41, end: 60, text: 'j.devries@gmail.com' },
      ],
    });
    await agent.post('/api/privacy/controle').set('x-csrf-token', csrf).send({}).expect(400);
    await agent.post('/api/privacy/controle').set('x-csrf-token', csrf).send({ text: 42 }).expect(400);
    // Without a session there is no CSRF token either: refused before anything is read.
    await request(ctx.app).post('/api/privacy/controle').send({ text: 'x' }).expect(403);
  });
});

describe("a member's own data", () => {
  it('downloads everything stored about the member as JSON, and never someone else’s', async () => {
    const ds = ctx.db.dataSource;
    const member = await buildUser(ds, { organizationId: org.id, name: 'Dirk Download' });
    const caseId = await buildCase(ds, member, { title: 'Mijn eigen casus', status: 'draft' });
    const { agent } = await agentFor(member);
    const res = await agent.get(`/api/leden/${member.id}/gegevens`).expect(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.body.profile).toMatchObject({ id: member.id, email: member.email, name: 'Dirk Download' });
    expect(res.body.profile).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(res.body)).not.toContain('argon2');
    expect(res.body.cases.map((c: { id: number }) => c.id)).toEqual([caseId]);
    expect(res.body.auditEvents.some((e: { byYou: boolean }) => e.byYou)).toBe(true);
    for (const key of [
      'reflections',
      'nominations',
      'reactions',
      'meetingSignups',
      'followedCases',
      'notifications',
      'caseRevisions',
      'privacyConfirmations',
    ])
      expect(Array.isArray(res.body[key])).toBe(true);
    const account = await agent.get('/account').expect(200);
    expect(account.text).toContain(`/api/leden/${member.id}/gegevens`);
    // Anyone else's data: 403, also for an admin.
    await agent.get(`/api/leden/${author.id}/gegevens`).expect(403);
    const adm = await agentFor(admin);
    await adm.agent.get(`/api/leden/${member.id}/gegevens`).expect(403);
  });
});

describe('removing a member', () => {
  it('keeps the content under "voormalig lid", or removes it, as the admin chooses', async () => {
    const ds = ctx.db.dataSource;
    const keeper = await buildUser(ds, { organizationId: org.id, name: 'Karel Kwijt' });
    const keptCase = await buildCase(ds, keeper, {
      title: 'Casus die blijft',
      contact: 'Karel Kwijt, 06-11111111',
    });
    const leaver = await buildUser(ds, { organizationId: org.id, name: 'Lotte Los' });
    const goneCase = await buildCase(ds, leaver, { title: 'Casus die verdwijnt' });
    const adm = await agentFor(admin);

    const form = await adm.agent.get(`/beheer/gebruikers/${keeper.id}/verwijderen`).expect(200);
    expect(form.text).toContain('Bewaren onder “Voormalig lid”');
    await adm.agent
      .post(`/beheer/gebruikers/${keeper.id}/verwijderen`)
      .type('form')
      .send({ _csrf: adm.csrf })
      .expect(400);
    await adm.agent
      .post(`/beheer/gebruikers/${keeper.id}/verwijderen`)
      .type('form')
      .send({ mode: 'bewaren', _csrf: adm.csrf })
      .expect(400);
    await adm.agent
      .post(`/beheer/gebruikers/${keeper.id}/verwijderen`)
      .type('form')
      .send({ mode: 'keep', _csrf: adm.csrf })
      .expect(303);
    const page = await adm.agent.get(`/casussen/${keptCase}`).expect(200);
    expect(page.text).toContain('Voormalig lid');
    expect(page.text).not.toContain('Karel Kwijt');
    const [user] = await ds.query(`SELECT name, email, active, password_hash FROM users WHERE id = $1`, [
      keeper.id,
    ]);
    expect(user).toMatchObject({ name: 'Voormalig lid', active: false, password_hash: null });
    expect(user.email).not.toContain(keeper.email);
    // The person cannot sign in any more, and is no account in Beheer.
    const login = request.agent(ctx.app);
    await expect(loginAs(login, keeper)).rejects.toThrow();
    await adm.agent.get(`/beheer/gebruikers/${keeper.id}`).expect(404);

    await adm.agent
      .post(`/beheer/gebruikers/${leaver.id}/verwijderen`)
      .type('form')
      .send({ mode: 'remove', _csrf: adm.csrf })
      .expect(303);
    await adm.agent.get(`/casussen/${goneCase}`).expect(404);
    const audit = await ds.query(
      `SELECT details FROM audit_events WHERE action = 'user.removed' AND subject_id = $1`,
      [String(leaver.id)],
    );
    expect(audit[0].details).toMatchObject({ mode: 'remove', cases: 1 });
    // Not twice, not oneself, not by a non-admin.
    await adm.agent
      .post(`/beheer/gebruikers/${leaver.id}/verwijderen`)
      .type('form')
      .send({ mode: 'remove', _csrf: adm.csrf })
      .expect(409);
    await adm.agent.get(`/beheer/gebruikers/${admin.id}/verwijderen`).expect(403);
    const cur = await agentFor(curator);
    await cur.agent.get(`/beheer/gebruikers/${colleague.id}/verwijderen`).expect(403);
  });
});

describe('retention of drafts', () => {
  it('reminds the author after 12 months untouched and removes the draft 2 months later, unless edited', async () => {
    const ds = ctx.db.dataSource;
    const writer = await buildUser(ds, { organizationId: org.id, name: 'Olga Oud' });
    const old = await buildCase(ds, writer, { title: 'Vergeten concept', status: 'draft' });
    const revived = await buildCase(ds, writer, { title: 'Concept dat terugkomt', status: 'draft' });
    const fresh = await buildCase(ds, writer, { title: 'Vers concept', status: 'draft' });
    const published = await buildCase(ds, writer, { title: 'Oude gepubliceerde casus' });
    const longAgo = new Date(Date.now() - 400 * 24 * 3600 * 1000);
    await ds.query(`UPDATE cases SET updated_at = $2 WHERE id = ANY($1)`, [
      [old, revived, published],
      longAgo,
    ]);

    const retention = draftRetention(ds, ctx.config, {
      mailer: undefined,
      kickIndexer: () => ctx.indexer.kick(),
    });
    const day = 24 * 3600 * 1000;
    const now = Date.now();
    expect(await retention.run(new Date(now))).toEqual({ reminded: 2, removed: 0 });
    const notes = await ds.query(`SELECT message, url FROM notifications WHERE user_id = $1 ORDER BY id`, [
      writer.id,
    ]);
    expect(notes.map((n: { message: string }) => n.message)).toEqual([
      expect.stringContaining('"Vergeten concept" is 12 maanden niet bewerkt'),
      expect.stringContaining('"Concept dat terugkomt" is 12 maanden niet bewerkt'),
    ]);
    // Running again the same day reminds nobody twice.
    expect(await retention.run(new Date(now + day))).toEqual({ reminded: 0, removed: 0 });

    // The author edits one of them (its clock starts again).
    await ds.query(`UPDATE cases SET summary = 'Bijgewerkt.', updated_at = $2 WHERE id = $1`, [
      revived,
      new Date(now + 10 * day),
    ]);
    expect(await retention.run(new Date(now + 30 * day))).toEqual({ reminded: 0, removed: 0 });
    // Two months after the reminder the untouched one is removed, with an audit entry.
    expect(await retention.run(new Date(now + 62 * day))).toEqual({ reminded: 0, removed: 1 });
    const left = await ds.query(`SELECT id FROM cases WHERE id = ANY($1) ORDER BY id`, [
      [old, revived, fresh, published],
    ]);
    expect(left.map((r: { id: number }) => r.id)).toEqual([revived, fresh, published]);
    const [audit] = await ds.query(
      `SELECT details FROM audit_events WHERE action = 'case.retention_removed' AND subject_id = $1`,
      [String(old)],
    );
    expect(audit.details).toMatchObject({ title: 'Vergeten concept', retentionMonths: 12, removalMonths: 2 });
    const [removedNote] = await ds.query(
      `SELECT message FROM notifications WHERE user_id = $1 AND message LIKE '%is verwijderd%'`,
      [writer.id],
    );
    expect(removedNote.message).toContain('Vergeten concept');
  });
});

describe('visibility per case', () => {
  it('shows a narrower case only to whom its level admits, on every surface', async () => {
    const ds = ctx.db.dataSource;
    const otherOrg = await buildOrganization(ds);
    const stranger = await buildUser(ds, { organizationId: otherOrg.id, name: 'Sam Stranger' });
    const expert = await buildUser(ds, { roles: ['expert'], organizationId: otherOrg.id });
    const { agent, csrf } = await agentFor(author);
    const write = (visibility: string, title: string, word: string) =>
      agent
        .post('/casussen')
        .type('form')
        .send({
          ...caseForm({ title, context: `Over ${word} in de wijk.`, approach: '', contact: '' }),
          tags: `geheimlabel${word}`,
          themes: 'social-return',
          visibility,
          action: 'publish',
          _csrf: csrf,
        });

    // A tampered level is refused, nothing is stored.
    const tampered = await write('iedereen-op-internet', 'Gemanipuleerd', 'manipulatie').expect(400);
    expect(tampered.text).toContain('Onbekende zichtbaarheid');
    expect((await ds.query(`SELECT count(*)::int AS n FROM cases WHERE title = 'Gemanipuleerd'`))[0].n).toBe(
      0,
    );

    const idOf = (res: request.Response) => Number(res.headers.location.split('/').pop());
    const kern = idOf(
      await write('kerngroep-experts', 'Kerngroepcasus woonfraude', 'woonfraudeaanpak').expect(303),
    );
    const intern = idOf(await write('organisatie', 'Interne casus portiek', 'portiekafspraken').expect(303));
    const open = idOf(
      await write('vakgemeenschap', 'Open casus social return', 'socialreturnaanpak').expect(303),
    );
    for (const id of [kern, intern])
      await agent
        .post(`/casussen/${id}/bijlagen`)
        .set('x-csrf-token', csrf)
        .attach('bijlagen', pdf('Alleen voor enkelen'), 'notitie.pdf')
        .expect(303);
    const attachmentOf = async (id: number) =>
      (await ds.query(`SELECT id FROM attachments WHERE case_id = $1`, [id]))[0].id as number;
    const files = { [kern]: await attachmentOf(kern), [intern]: await attachmentOf(intern) };
    await ctx.indexer.whenIdle();

    const viewers = {
      stranger: await agentFor(stranger),
      colleague: await agentFor(colleague),
      expert: await agentFor(expert),
      curator: await agentFor(curator),
      admin: await agentFor(admin),
    };
    const may: Record<keyof typeof viewers, number[]> = {
      stranger: [],
      colleague: [intern],
      expert: [kern],
      curator: [kern],
      admin: [kern, intern],
    };
    for (const [who, { agent: a }] of Object.entries(viewers) as Array<
      [keyof typeof viewers, { agent: request.Agent }]
    >) {
      const allowed = may[who];
      for (const id of [kern, intern]) {
        const status = allowed.includes(id) ? 200 : 404;
        await a.get(`/casussen/${id}`).expect(status);
        await a.get(`/api/cases/${id}`).expect(status);
        await a.get(`/bijlagen/${files[id]}`).expect(status);
      }
      // Search: hits, totals and facet counts, through the JSON API and the page.
      const found = await a.get('/api/search').query({ thema: 'social-return' }).expect(200);
      expect(found.body.hits.map((h: { id: number }) => h.id).sort()).toEqual([...allowed, open].sort());
      expect(found.body.total).toBe(allowed.length + 1);
      expect(found.body.facets.theme['social-return']).toBe(allowed.length + 1);
      const byWord = await a.get('/api/search').query({ q: 'woonfraudeaanpak' }).expect(200);
      expect(byWord.body.total).toBe(allowed.includes(kern) ? 1 : 0);
      const page = await a.get('/casussen').query({ q: 'portiekafspraken' }).expect(200);
      expect(page.text.includes('Interne casus portiek')).toBe(allowed.includes(intern));
      // A typo is never corrected or suggested into a word of a case the viewer may not read.
      if (!allowed.includes(intern)) {
        const typo = await a.get('/api/search').query({ q: 'portiekafsprakn' }).expect(200);
        expect(JSON.stringify([typo.body.suggestions, typo.body.corrections])).not.toContain(
          'portiekafspraken',
        );
        expect(typo.body.total).toBe(0);
      }
      // Tag suggestions in the form, the home page, related cases of the open case.
      const form = await a.get('/casussen/nieuw').expect(200);
      expect(form.text.includes('geheimlabelportiekafspraken')).toBe(allowed.includes(intern));
      const home = await a.get('/').expect(200);
      expect(home.text.includes('Kerngroepcasus woonfraude')).toBe(allowed.includes(kern));
      const openPage = await a.get(`/casussen/${open}`).expect(200);
      expect(openPage.text).not.toContain('Kerngroepcasus woonfraude');
      expect(openPage.text).not.toContain('Interne casus portiek');
    }
    // The author always reads their own, and the API says the level.
    const own = await agent.get(`/api/cases/${intern}`).expect(200);
    expect(own.body.visibility).toBe('organisatie');
    expect((await agent.get(`/api/cases/${open}`).expect(200)).body.visibility).toBe('vakgemeenschap');
    // The export carries the level, so an import keeps it.
    const exported = await exportCases(ds, { includeDrafts: false });
    expect(exported.find((c) => c.title === 'Interne casus portiek')?.visibility).toBe('organisatie');
  });
});
