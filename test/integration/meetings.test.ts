import nodemailer from 'nodemailer';
import pino from 'pino';
import request from 'supertest';
import { seedDemo } from '../../src/demo/seed-demo';
import { createMailer } from '../../src/mail/mailer';
import { toLocalParts } from '../../src/meetings/meeting-time';
import {
  buildCase,
  buildOrganization,
  buildUser,
  csrfFrom,
  csrfOf,
  loginAs,
  type TestUser,
} from '../support/factories';
import { createTestApp, type TestContext } from '../support/test-app';

/**
 * The community's rhythm end to end: a practitioner nominates, the kerngroep selects and orders,
 * an expert reflects, everyone prepares with the agenda and dossier, the case is marked presented.
 */
let ctx: TestContext;
let practitioner: TestUser;
let colleague: TestUser;
let expert: TestUser;
let otherExpert: TestUser;
let curator: TestUser;
let stranger: TestUser;
const mails: Array<{ to: Array<{ address: string }>; subject: string; text: string }> = [];

const day = 24 * 60 * 60 * 1000;
const isoDate = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 10);

beforeAll(async () => {
  // A real nodemailer transport that writes JSON instead of talking SMTP: we read what was sent.
  const transport = nodemailer.createTransport({ jsonTransport: true });
  const send = transport.sendMail.bind(transport);
  transport.sendMail = (async (message: nodemailer.SendMailOptions) => {
    const info = await send(message);
    mails.push(JSON.parse(info.message as unknown as string));
    return info;
  }) as typeof transport.sendMail;
  ctx = await createTestApp({
    mailer: createMailer({
      from: 'Casusbank <test@casusbank.local>',
      logger: pino({ level: 'silent' }),
      transport,
    }),
  });
  const ds = ctx.db.dataSource;
  const orgA = await buildOrganization(ds);
  const orgB = await buildOrganization(ds);
  practitioner = await buildUser(ds, { organizationId: orgA.id, name: 'Petra Praktijk' });
  colleague = await buildUser(ds, { organizationId: orgA.id });
  expert = await buildUser(ds, { roles: ['expert'], organizationId: orgB.id, name: 'Erik Expert' });
  otherExpert = await buildUser(ds, { roles: ['expert'], organizationId: orgB.id });
  curator = await buildUser(ds, { roles: ['curator'], organizationId: orgB.id, name: 'Karin Kerngroep' });
  stranger = await buildUser(ds, { organizationId: orgB.id });
});
afterAll(() => ctx.close());

async function agentFor(user: TestUser) {
  const agent = request.agent(ctx.app);
  await loginAs(agent, user);
  return { agent, csrf: await csrfOf(agent, '/account') };
}

const meetingForm = (overrides: Record<string, unknown> = {}) => ({
  title: 'Themabijeenkomst huurachterstanden',
  date: isoDate(30 * day),
  startTime: '13:30',
  endTime: '16:30',
  locationName: 'Kantoor Woonstichting De Vaart',
  locationAddress: 'Havenstraat 1, Zwolle',
  themes: ['incasso', 'schuldhulpverlening'],
  focusRole: 'verhuurder',
  description: 'We bespreken **vroegsignalering**.',
  experts: [String(expert.id)],
  nominationDeadline: isoDate(14 * day),
  ...overrides,
});

async function notificationsOf(user: TestUser) {
  return ctx.db.dataSource.query(
    `SELECT kind, message, url FROM notifications WHERE user_id = $1 ORDER BY id`,
    [user.id],
  );
}

async function createMeeting(overrides: Record<string, unknown> = {}) {
  const { agent, csrf } = await agentFor(curator);
  const res = await agent
    .post('/bijeenkomsten')
    .type('form')
    .send({ ...meetingForm(overrides), _csrf: csrf })
    .expect(303);
  return Number(res.headers.location.split('/').pop());
}

describe('a themabijeenkomst from nomination to presentation', () => {
  it('runs the whole flow with notifications once per event, an audit trail and search facets that follow', async () => {
    const ds = ctx.db.dataSource;
    const caseA = await buildCase(ds, practitioner, {
      title: 'Vroegsignalering met de gemeente',
      summary: 'Bellen bij de eerste gemiste huur.',
    });
    const caseB = await buildCase(ds, stranger, { title: 'Budgetcoaching voor nieuwe huurders' });
    const caseC = await buildCase(ds, stranger, { title: 'Huisbezoek bij betalingsachterstand' });
    const cur = await agentFor(curator);
    const prac = await agentFor(practitioner);
    const exp = await agentFor(expert);

    // The kerngroep plans the meeting and opens nominations.
    const meetingId = await createMeeting();
    const page = await prac.agent.get(`/bijeenkomsten/${meetingId}`).expect(200);
    expect(page.text).toContain('Themabijeenkomst huurachterstanden');
    expect(page.text).toContain('Havenstraat 1, Zwolle');
    expect(page.text).toContain('<strong>vroegsignalering</strong>');
    expect(page.text).not.toContain('Een casus voordragen'); // not open yet
    await cur.agent
      .post(`/bijeenkomsten/${meetingId}/status`)
      .type('form')
      .send({ to: 'nominations_open', _csrf: cur.csrf })
      .expect(303);

    // The practitioner nominates their own case from the meeting page.
    const open = await prac.agent.get(`/bijeenkomsten/${meetingId}`).expect(200);
    expect(open.text).toContain('Een casus voordragen');
    expect(open.text).toContain('Vroegsignalering met de gemeente');
    expect(open.text).not.toContain('Budgetcoaching'); // another organisation's case is not offered
    await prac.agent
      .post(`/bijeenkomsten/${meetingId}/voordrachten`)
      .type('form')
      .send({ caseId: caseA, motivation: 'Werkt goed samen met de gemeente.', _csrf: prac.csrf })
      .expect(303);
    // The curator nominates two cases of another organisation (from the case page).
    for (const caseId of [caseB, caseC]) {
      await cur.agent
        .post(`/bijeenkomsten/${meetingId}/voordrachten`)
        .type('form')
        .send({ caseId, motivation: 'Past bij het thema.', terug: `/casussen/${caseId}`, _csrf: cur.csrf })
        .expect(303)
        .expect('Location', `/casussen/${caseId}`);
    }

    // The kerngroep decides: A selected, B not selected (with feedback), C selected in first place.
    const nominations = await ds.query(`SELECT id, case_id FROM nominations WHERE meeting_id = $1`, [
      meetingId,
    ]);
    const nom = (caseId: number) =>
      nominations.find((n: { case_id: number }) => n.case_id === caseId).id as number;
    const review = await cur.agent.get(`/bijeenkomsten/${meetingId}/voordrachten`).expect(200);
    expect(review.text).toContain('Werkt goed samen met de gemeente.');
    expect(review.text).toContain('Voordrachten zonder besluit (3)');
    await cur.agent
      .post(`/voordrachten/${nom(caseA)}/besluit`)
      .type('form')
      .send({ decision: 'selected', _csrf: cur.csrf })
      .expect(303);
    const noFeedback = await cur.agent
      .post(`/voordrachten/${nom(caseB)}/besluit`)
      .type('form')
      .send({ decision: 'not_selected', feedback: '', _csrf: cur.csrf })
      .expect(400);
    expect(noFeedback.text).toContain('Geef de indiener een toelichting');
    await cur.agent
      .post(`/voordrachten/${nom(caseB)}/besluit`)
      .type('form')
      .send({
        decision: 'not_selected',
        feedback: 'Bewaren we voor de bijeenkomst over leefbaarheid.',
        _csrf: cur.csrf,
      })
      .expect(303);
    await cur.agent
      .post(`/voordrachten/${nom(caseC)}/besluit`)
      .type('form')
      .send({ decision: 'selected', position: '1', _csrf: cur.csrf })
      .expect(303);
    // Deciding the same again is no new event: the nominator hears it once.
    await cur.agent
      .post(`/voordrachten/${nom(caseA)}/besluit`)
      .type('form')
      .send({ decision: 'selected', position: '2', _csrf: cur.csrf })
      .expect(303);
    const agendaOrder = async () =>
      (
        await ds.query(
          `SELECT case_id FROM nominations WHERE meeting_id = $1 AND status = 'selected' ORDER BY agenda_position`,
          [meetingId],
        )
      ).map((r: { case_id: number }) => r.case_id);
    expect(await agendaOrder()).toEqual([caseC, caseA]);
    expect(
      (await notificationsOf(practitioner)).filter((n: { kind: string }) => n.kind === 'nomination_decided'),
    ).toHaveLength(1);
    const [declined] = (await notificationsOf(curator)).filter(
      (n: { kind: string }) => n.kind === 'nomination_decided',
    );
    expect(declined.message).toContain('niet geselecteerd');
    expect(declined.message).toContain('Bewaren we voor de bijeenkomst over leefbaarheid.');

    // Reordering: the buttons, and a stale page answered with 409 and the current order.
    const [{ agenda_version: version }] = await ds.query(
      `SELECT agenda_version FROM meetings WHERE id = $1`,
      [meetingId],
    );
    await cur.agent
      .post(`/bijeenkomsten/${meetingId}/agenda`)
      .type('form')
      .send({ agendaVersion: version, move: `${nom(caseA)}:omhoog`, _csrf: cur.csrf })
      .expect(303);
    expect(await agendaOrder()).toEqual([caseA, caseC]);
    const stale = await cur.agent
      .post(`/bijeenkomsten/${meetingId}/agenda`)
      .type('form')
      .send({ agendaVersion: version, move: `${nom(caseA)}:omlaag`, _csrf: cur.csrf })
      .expect(409);
    expect(stale.text).toContain('De agenda is intussen door iemand anders gewijzigd');
    expect(await agendaOrder()).toEqual([caseA, caseC]);
    // Drag and drop sends the whole order as JSON.
    const dragged = await cur.agent
      .post(`/bijeenkomsten/${meetingId}/agenda`)
      .set('x-csrf-token', cur.csrf)
      .send({ agendaVersion: version + 1, order: [nom(caseC), nom(caseA)] })
      .expect(200);
    expect(dragged.body.agendaVersion).toBe(version + 2);
    expect(await agendaOrder()).toEqual([caseC, caseA]);

    // Members do not see the agenda before it is set; setting it tells nominators and the expert.
    expect((await prac.agent.get(`/bijeenkomsten/${meetingId}`)).text).not.toContain(
      'Huisbezoek bij betalingsachterstand',
    );
    await cur.agent
      .post(`/bijeenkomsten/${meetingId}/status`)
      .type('form')
      .send({ to: 'agenda_set', _csrf: cur.csrf })
      .expect(303);
    expect(
      (await notificationsOf(practitioner)).filter((n: { kind: string }) => n.kind === 'agenda_set'),
    ).toHaveLength(1);
    expect((await notificationsOf(expert)).map((n: { kind: string }) => n.kind)).toEqual(['agenda_set']);
    expect(
      (await notificationsOf(curator)).filter((n: { kind: string }) => n.kind === 'agenda_set'),
    ).toHaveLength(1); // curator nominated too

    // The expert reflects on the practitioner's case, tied to the meeting.
    await exp.agent
      .post(`/casussen/${caseA}/reflecties`)
      .type('form')
      .send({
        body: 'Sterke aanpak. <script>alert(1)</script> Let op de **privacy**.',
        meetingId,
        _csrf: exp.csrf,
      })
      .expect(303);
    const [reflection] = await ds.query(`SELECT id FROM reflections WHERE case_id = $1`, [caseA]);
    expect(
      (await notificationsOf(practitioner)).filter((n: { kind: string }) => n.kind === 'reflection'),
    ).toHaveLength(1);

    // The practitioner prepares: agenda in order, summaries, the reflection; the printable dossier.
    const prep = await prac.agent.get(`/bijeenkomsten/${meetingId}`).expect(200);
    expect(prep.text.indexOf('Huisbezoek bij betalingsachterstand')).toBeLessThan(
      prep.text.indexOf('Vroegsignalering met de gemeente'),
    );
    expect(prep.text).toContain('Bellen bij de eerste gemiste huur.');
    expect(prep.text).toContain('Let op de <strong>privacy</strong>');
    expect(prep.text).not.toContain('<script>alert(1)</script>');
    expect(prep.text).toContain('Geselecteerd'); // my nomination's status
    expect(prep.text).toContain('Erik Expert');
    const dossier = await prac.agent.get(`/bijeenkomsten/${meetingId}/dossier`).expect(200);
    expect(dossier.text).toContain('Dossier ter voorbereiding');
    expect(dossier.text).toContain('Aanleiding van de casus.'); // the full case, not only the summary
    expect(dossier.text).toContain('page-break');
    expect(dossier.text).not.toContain('Budgetcoaching voor nieuwe huurders'); // not on the agenda

    // After the meeting: marked held (not before it took place), then presented.
    await cur.agent
      .post(`/bijeenkomsten/${meetingId}/status`)
      .type('form')
      .send({ to: 'held', _csrf: cur.csrf })
      .expect(409);
    await ds.query(
      `UPDATE meetings SET starts_at = now() - interval '2 hours', ends_at = NULL WHERE id = $1`,
      [meetingId],
    );
    await cur.agent
      .post(`/bijeenkomsten/${meetingId}/status`)
      .type('form')
      .send({ to: 'held', _csrf: cur.csrf })
      .expect(303);
    const late = await cur.agent
      .post(`/voordrachten/${nom(caseB)}/besluit`)
      .type('form')
      .send({ decision: 'selected', _csrf: cur.csrf })
      .expect(409);
    expect(late.text).toContain('al gehouden');
    await cur.agent
      .post(`/voordrachten/${nom(caseA)}/gepresenteerd`)
      .type('form')
      .send({ _csrf: cur.csrf })
      .expect(303);
    await cur.agent
      .post(`/voordrachten/${nom(caseB)}/gepresenteerd`)
      .type('form')
      .send({ _csrf: cur.csrf })
      .expect(409);
    const casePage = await prac.agent.get(`/casussen/${caseA}`).expect(200);
    expect(casePage.text).toContain('Gepresenteerd op');
    expect(casePage.text).toContain('Sterke aanpak.');

    // Search follows through the outbox: the facets count the reflection and the presentation.
    await ctx.indexer.whenIdle();
    const presented = await prac.agent.get('/api/search?gepresenteerd=ja').expect(200);
    expect(presented.body.hits.map((h: { id: number }) => h.id)).toEqual([caseA]);
    const reflected = await prac.agent.get('/api/search?reflectie=ja').expect(200);
    expect(reflected.body.hits.map((h: { id: number }) => h.id)).toContain(caseA);
    expect(reflected.body.facets.hasReflection.true).toBeGreaterThanOrEqual(1);
    expect(presented.body.facets.presented.true).toBe(1);
    const byReflectionText = await prac.agent.get('/api/search?q=privacy').expect(200);
    expect(byReflectionText.body.hits.map((h: { id: number }) => h.id)).toContain(caseA);

    // The expert withdraws: gone for everyone, kept in the audit log, gone from search.
    await exp.agent
      .post(`/reflecties/${reflection.id}/intrekken`)
      .type('form')
      .send({ _csrf: exp.csrf })
      .expect(303);
    expect((await prac.agent.get(`/casussen/${caseA}`)).text).not.toContain('Sterke aanpak.');
    await ctx.indexer.whenIdle();
    expect(
      (await prac.agent.get('/api/search?q=privacy')).body.hits.map((h: { id: number }) => h.id),
    ).not.toContain(caseA);

    const audit = await ds.query(
      `SELECT action, actor_id, details FROM audit_events WHERE action = ANY($1) ORDER BY id`,
      [
        [
          'nomination.decided',
          'meeting.agenda_changed',
          'meeting.agenda_set',
          'case.presented',
          'reflection.withdrawn',
        ],
      ],
    );
    const actions = audit.map((a: { action: string }) => a.action);
    expect(actions.filter((a: string) => a === 'nomination.decided')).toHaveLength(4);
    expect(actions).toEqual(
      expect.arrayContaining([
        'meeting.agenda_changed',
        'meeting.agenda_set',
        'case.presented',
        'reflection.withdrawn',
      ]),
    );
    const withdrawn = audit.find((a: { action: string }) => a.action === 'reflection.withdrawn');
    expect(withdrawn.actor_id).toBe(expert.id);
    expect(withdrawn.details.body).toContain('Sterke aanpak.');

    // Every notification also went out by e-mail, to the right person.
    await new Promise((r) => setTimeout(r, 50));
    const toPractitioner = mails.filter((m) => m.to[0].address === practitioner.email);
    expect(toPractitioner.map((m) => m.subject)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('geselecteerd'),
        expect.stringContaining('agenda'),
        expect.stringContaining('reflectie'),
      ]),
    );
    expect(toPractitioner[0].text).toContain('/bijeenkomsten/');
  });
});

describe('nominations: who may, when, and only once', () => {
  let meetingId: number;
  let ownCase: number;
  beforeAll(async () => {
    meetingId = await createMeeting({ title: 'Bijeenkomst over overlast', themes: ['overlast'] });
    const cur = await agentFor(curator);
    await cur.agent
      .post(`/bijeenkomsten/${meetingId}/status`)
      .type('form')
      .send({ to: 'nominations_open', _csrf: cur.csrf })
      .expect(303);
    ownCase = await buildCase(ctx.db.dataSource, practitioner, { themes: ['overlast'] });
  });

  it('refuses a duplicate (409), a draft, another organisation’s case (403) and a missing motivation, keeping the input', async () => {
    const ds = ctx.db.dataSource;
    const prac = await agentFor(practitioner);
    const draft = await buildCase(ds, practitioner, { status: 'draft' });
    const others = await buildCase(ds, stranger);
    const post = (body: Record<string, unknown>) =>
      prac.agent
        .post(`/bijeenkomsten/${meetingId}/voordrachten`)
        .type('form')
        .send({ ...body, _csrf: prac.csrf });

    const missing = await post({ caseId: ownCase, motivation: '' }).expect(400);
    expect(missing.text).toContain('De motivatie is verplicht');
    await post({ caseId: ownCase, motivation: 'Mooi voorbeeld.' }).expect(303);
    const twice = await post({ caseId: ownCase, motivation: 'Nog een keer.' }).expect(409);
    expect(twice.text).toContain('al voorgedragen');
    expect(twice.text).toContain('Nog een keer.'); // what was typed is kept
    const fromDraft = await post({ caseId: draft, motivation: 'Concept.' }).expect(400);
    expect(fromDraft.text).toContain('Alleen gepubliceerde casussen');
    await post({ caseId: others, motivation: 'Niet van mij.' }).expect(403);
    // An expert of another organisation cannot nominate the practitioner's case either.
    const exp = await agentFor(expert);
    await exp.agent
      .post(`/bijeenkomsten/${meetingId}/voordrachten`)
      .type('form')
      .send({ caseId: ownCase, motivation: 'x', _csrf: exp.csrf })
      .expect(403);
    // A colleague of the same organisation may nominate it... but it is already nominated.
    const col = await agentFor(colleague);
    await col.agent
      .post(`/bijeenkomsten/${meetingId}/voordrachten`)
      .type('form')
      .send({ caseId: ownCase, motivation: 'x', _csrf: col.csrf })
      .expect(409);
    expect(
      await ds.query(`SELECT count(*)::int AS n FROM nominations WHERE meeting_id = $1`, [meetingId]),
    ).toEqual([{ n: 1 }]);
  });

  it('closes after the deadline and for meetings that are not open', async () => {
    const ds = ctx.db.dataSource;
    const prac = await agentFor(practitioner);
    const another = await buildCase(ds, practitioner);
    await ds.query(`UPDATE meetings SET nomination_deadline = now() - interval '1 minute' WHERE id = $1`, [
      meetingId,
    ]);
    const late = await prac.agent
      .post(`/bijeenkomsten/${meetingId}/voordrachten`)
      .type('form')
      .send({ caseId: another, motivation: 'Te laat.', _csrf: prac.csrf })
      .expect(409);
    expect(late.text).toContain('sluitingsdatum voor voordrachten is voorbij');
    const planned = await createMeeting({ title: 'Nog niet open' });
    await prac.agent
      .post(`/bijeenkomsten/${planned}/voordrachten`)
      .type('form')
      .send({ caseId: another, motivation: 'Te vroeg.', _csrf: prac.csrf })
      .expect(409);
  });

  it('lets only the kerngroep decide', async () => {
    const [n] = await ctx.db.dataSource.query(`SELECT id FROM nominations WHERE meeting_id = $1`, [
      meetingId,
    ]);
    const prac = await agentFor(practitioner);
    await prac.agent
      .post(`/voordrachten/${n.id}/besluit`)
      .type('form')
      .send({ decision: 'selected', _csrf: prac.csrf })
      .expect(403);
    const exp = await agentFor(expert);
    await exp.agent
      .post(`/voordrachten/${n.id}/besluit`)
      .type('form')
      .send({ decision: 'selected', _csrf: exp.csrf })
      .expect(403);
  });
});

describe('meeting form', () => {
  it('refuses a date in the past and a deadline after the meeting, with Dutch messages and the input kept', async () => {
    const { agent, csrf } = await agentFor(curator);
    const past = await agent
      .post('/bijeenkomsten')
      .type('form')
      .send({ ...meetingForm({ date: isoDate(-2 * day), nominationDeadline: '' }), _csrf: csrf })
      .expect(400);
    expect(past.text).toContain('kan niet in het verleden liggen');
    expect(past.text).toContain('Kantoor Woonstichting De Vaart');
    const deadline = await agent
      .post('/bijeenkomsten')
      .type('form')
      .send({ ...meetingForm({ nominationDeadline: isoDate(40 * day) }), _csrf: csrf })
      .expect(400);
    expect(deadline.text).toContain('vóór of op de dag van de bijeenkomst');
    const badTheme = await agent
      .post('/bijeenkomsten')
      .type('form')
      .send({ ...meetingForm({ themes: ['bestaat-niet'] }), _csrf: csrf })
      .expect(400);
    expect(badTheme.text).toContain('Onbekend thema: bestaat-niet');
    const noExpert = await agent
      .post('/bijeenkomsten')
      .type('form')
      .send({ ...meetingForm({ experts: [String(practitioner.id)] }), _csrf: csrf })
      .expect(400);
    expect(noExpert.text).toContain('Kies experts uit de lijst');
    const tooLong = await agent
      .post('/bijeenkomsten')
      .type('form')
      .send({ ...meetingForm({ title: 'x'.repeat(201) }), _csrf: csrf })
      .expect(400);
    expect(tooLong.text).toContain('hoogstens 200 tekens');
    expect(
      await ctx.db.dataSource.query(`SELECT count(*)::int AS n FROM meetings WHERE title LIKE 'xxxx%'`),
    ).toEqual([{ n: 0 }]);
  });

  it('stores Dutch local time (summer and winter) and shows it back the same on the edit form', async () => {
    const year = new Date().getFullYear() + 1;
    const id = await createMeeting({
      date: `${year}-07-01`,
      startTime: '09:15',
      endTime: '',
      nominationDeadline: '',
    });
    const [row] = await ctx.db.dataSource.query(`SELECT starts_at FROM meetings WHERE id = $1`, [id]);
    expect(new Date(row.starts_at).toISOString()).toBe(`${year}-07-01T07:15:00.000Z`); // CEST = UTC+2
    const winter = await createMeeting({
      date: `${year}-01-20`,
      startTime: '09:15',
      endTime: '',
      nominationDeadline: '',
    });
    const [w] = await ctx.db.dataSource.query(`SELECT starts_at FROM meetings WHERE id = $1`, [winter]);
    expect(new Date(w.starts_at).toISOString()).toBe(`${year}-01-20T08:15:00.000Z`); // CET = UTC+1
    const { agent } = await agentFor(curator);
    const edit = await agent.get(`/bijeenkomsten/${id}/bewerken`).expect(200);
    expect(edit.text).toContain(`value="${year}-07-01"`);
    expect(edit.text).toContain('value="09:15"');
  });
});

describe('reflections', () => {
  it('only experts write them, only on published cases, and only their author edits or withdraws', async () => {
    const ds = ctx.db.dataSource;
    const published = await buildCase(ds, practitioner);
    const draft = await buildCase(ds, practitioner, { status: 'draft' });
    const prac = await agentFor(practitioner);
    await prac.agent
      .post(`/casussen/${published}/reflecties`)
      .type('form')
      .send({ body: 'Mijn mening.', _csrf: prac.csrf })
      .expect(403);
    const exp = await agentFor(expert);
    await exp.agent
      .post(`/casussen/${draft}/reflecties`)
      .type('form')
      .send({ body: 'Op een concept.', _csrf: exp.csrf })
      .expect(404);
    const empty = await exp.agent
      .post(`/casussen/${published}/reflecties`)
      .type('form')
      .send({ body: '   ', _csrf: exp.csrf })
      .expect(400);
    expect(empty.text).toContain('De reflectie is verplicht');
    const tooLong = await exp.agent
      .post(`/casussen/${published}/reflecties`)
      .type('form')
      .send({ body: 'x'.repeat(20_001), _csrf: exp.csrf })
      .expect(400);
    expect(tooLong.text).toContain('hoogstens 20.000 tekens');
    await exp.agent
      .post(`/casussen/${published}/reflecties`)
      .type('form')
      .send({ body: 'Eerste gedachte.', _csrf: exp.csrf })
      .expect(303);
    const [r] = await ds.query(`SELECT id FROM reflections WHERE case_id = $1`, [published]);

    const other = await agentFor(otherExpert);
    await other.agent.get(`/reflecties/${r.id}/bewerken`).expect(403);
    await other.agent
      .post(`/reflecties/${r.id}`)
      .type('form')
      .send({ body: 'Overschreven.', _csrf: other.csrf })
      .expect(403);
    await other.agent
      .post(`/reflecties/${r.id}/intrekken`)
      .type('form')
      .send({ _csrf: other.csrf })
      .expect(403);

    const form = await exp.agent.get(`/reflecties/${r.id}/bewerken`).expect(200);
    expect(form.text).toContain('Eerste gedachte.');
    await exp.agent
      .post(`/reflecties/${r.id}`)
      .type('form')
      .send({ body: 'Tweede gedachte, [bron](javascript:alert(1)).', _csrf: csrfFrom(form.text) })
      .expect(303);
    const page = await prac.agent.get(`/casussen/${published}`).expect(200);
    expect(page.text).toContain('Tweede gedachte');
    expect(page.text).not.toContain('href="javascript:'); // left as plain text, never a link
    expect(page.text).toContain('Erik Expert');
  });
});

describe('notifications page', () => {
  it('lists my notifications with an unread count in the header, and marks them read', async () => {
    const prac = await agentFor(practitioner);
    const home = await prac.agent.get('/').expect(200);
    const unread = Number(/class="count-badge">(\d+)/.exec(home.text)?.[1]);
    expect(unread).toBeGreaterThan(0);
    const list = await prac.agent.get('/meldingen').expect(200);
    expect(list.text).toContain('schreef een reflectie op uw casus');
    await prac.agent.post('/meldingen/gelezen').type('form').send({ _csrf: prac.csrf }).expect(303);
    expect((await prac.agent.get('/')).text).not.toContain('count-badge');
    // Someone else's notifications are not mine to mark.
    const [mine] = await ctx.db.dataSource.query(`SELECT id FROM notifications WHERE user_id = $1 LIMIT 1`, [
      curator.id,
    ]);
    await prac.agent
      .post('/meldingen/gelezen')
      .type('form')
      .send({ ids: String(mine.id), _csrf: prac.csrf })
      .expect(303);
    const [still] = await ctx.db.dataSource.query(`SELECT read_at FROM notifications WHERE id = $1`, [
      mine.id,
    ]);
    expect(still.read_at).toBeNull();
  });
});

describe('the nominations page: nothing pre-chosen, several decisions in one submit, places checked', () => {
  let meetingId: number;
  const titles = ['Portiekgesprekken', 'Huurdersraad digitaal', 'Buurtbemiddeling', 'Schuldhulp aan huis'];
  const nom: Record<string, number> = {};
  let cur: Awaited<ReturnType<typeof agentFor>>;

  const decide = (body: Record<string, unknown>, agent = cur) =>
    agent.agent
      .post(`/bijeenkomsten/${meetingId}/besluiten`)
      .type('form')
      .send({ ...body, _csrf: agent.csrf });
  const statuses = async () =>
    Object.fromEntries(
      (
        await ctx.db.dataSource.query(
          `SELECT c.title, n.status, n.agenda_position FROM nominations n JOIN cases c ON c.id = n.case_id
            WHERE n.meeting_id = $1`,
          [meetingId],
        )
      ).map((r: { title: string; status: string; agenda_position: number | null }) => [
        r.title,
        `${r.status}${r.agenda_position ? `@${r.agenda_position}` : ''}`,
      ]),
    );
  const writes = async () => {
    const [row] = await ctx.db.dataSource.query(
      `SELECT (SELECT agenda_version FROM meetings WHERE id = $1) AS version,
              (SELECT count(*)::int FROM audit_events WHERE action = 'nomination.decided' AND subject_id = $1::text) AS audits,
              (SELECT count(*)::int FROM notifications WHERE kind = 'nomination_decided') AS told`,
      [meetingId],
    );
    return row;
  };

  beforeAll(async () => {
    meetingId = await createMeeting({ title: 'Bijeenkomst over wijkaanpak', themes: ['leefbaarheid'] });
    cur = await agentFor(curator);
    await cur.agent
      .post(`/bijeenkomsten/${meetingId}/status`)
      .type('form')
      .send({ to: 'nominations_open', _csrf: cur.csrf })
      .expect(303);
    for (const title of titles) {
      const caseId = await buildCase(ctx.db.dataSource, stranger, { title, themes: ['leefbaarheid'] });
      await cur.agent
        .post(`/bijeenkomsten/${meetingId}/voordrachten`)
        .type('form')
        .send({ caseId, motivation: 'Past bij de wijkaanpak.', _csrf: cur.csrf })
        .expect(303);
      const [n] = await ctx.db.dataSource.query(
        `SELECT id FROM nominations WHERE meeting_id = $1 AND case_id = $2`,
        [meetingId, caseId],
      );
      nom[title] = n.id;
    }
  });
  const [A, B, C, D] = titles;

  it('pre-selects no decision and puts the set-agenda button after the list', async () => {
    const page = await cur.agent.get(`/bijeenkomsten/${meetingId}/voordrachten`).expect(200);
    expect(page.text).toContain('Voordrachten zonder besluit (4)');
    // Four groups of two radio buttons, none checked; one form, one save button.
    expect(page.text.match(/type="radio" id="besluit-\d+-(ja|nee)" name="decision-\d+"/g)).toHaveLength(8);
    expect(page.text).not.toMatch(/name="decision-\d+" value="[a-z_]+" checked/);
    expect(page.text.match(/Besluiten opslaan/g)).toHaveLength(1);
    expect(page.text.match(/action="\/bijeenkomsten\/\d+\/besluiten"/g)).toHaveLength(1);
    expect(page.text.indexOf('Besluiten opslaan')).toBeLessThan(
      page.text.indexOf('Agenda vaststellen en deelnemers informeren'),
    );
    expect(page.text.indexOf(`>${D}</a>`)).toBeLessThan(
      page.text.indexOf('Agenda vaststellen en deelnemers informeren'),
    );
    expect(page.text).toContain('De overige 4 voordrachten niet behandelen');
    expect(page.text).toContain('Besluit over “Portiekgesprekken”');
  });

  it('refuses every bad submit whole, with Dutch messages at the fields and the input kept', async () => {
    const before = await writes();
    const untouched = await statuses();

    // Place 9 where the agenda will hold two cases: the message names the real range.
    const nine = await decide({
      [`decision-${nom[A]}`]: 'selected',
      [`position-${nom[A]}`]: '9',
      [`decision-${nom[B]}`]: 'selected',
    }).expect(400);
    expect(nine.text).toContain('Plaats 9 bestaat niet');
    expect(nine.text).toContain('Kies een plaats van 1 tot en met 2');
    expect(nine.text).toContain('De besluiten zijn niet opgeslagen');
    expect(nine.text).toContain(`href="#veld-position-${nom[A]}"`);
    expect(nine.text).toContain(`value="9"`); // kept
    expect(nine.text).toMatch(new RegExp(`name="decision-${nom[B]}" value="selected" checked`)); // kept

    // One case on the agenda: not "van 1 tot en met 1".
    const single = await decide({
      [`decision-${nom[A]}`]: 'selected',
      [`position-${nom[A]}`]: '2',
    }).expect(400);
    expect(single.text).toContain('de plaats kan alleen 1 zijn');
    expect(single.text).not.toContain('tot en met 1.');

    // The same place twice.
    const twice = await decide({
      [`decision-${nom[A]}`]: 'selected',
      [`position-${nom[A]}`]: '1',
      [`decision-${nom[B]}`]: 'selected',
      [`position-${nom[B]}`]: '1',
    }).expect(400);
    expect(twice.text).toContain('Plaats 1 is ook gekozen voor “Portiekgesprekken”');

    // A good decision beside a bad one: neither is saved.
    const half = await decide({
      [`decision-${nom[A]}`]: 'selected',
      [`decision-${nom[B]}`]: 'not_selected',
      [`feedback-${nom[B]}`]: '',
    }).expect(400);
    expect(half.text).toContain('Geef de indiener een toelichting');

    // Not a number; a place typed without a decision; nothing chosen at all; an unknown choice.
    const word = await decide({ [`decision-${nom[A]}`]: 'selected', [`position-${nom[A]}`]: 'twee' }).expect(
      400,
    );
    expect(word.text).toContain('De plaats op de agenda moet een heel getal zijn');
    const noChoice = await decide({ [`position-${nom[C]}`]: '1' }).expect(400);
    expect(noChoice.text).toContain('Kies selecteren of niet selecteren');
    expect(noChoice.text).toContain('“Buurtbemiddeling”: Kies selecteren'); // the summary names the case
    const nothing = await decide({}).expect(400);
    expect(nothing.text).toContain('Er is niets gewijzigd');
    await decide({ [`decision-${nom[A]}`]: 'misschien' }).expect(400);

    // A nomination of another meeting (or none at all) cannot ride along.
    const other = await createMeeting({ title: 'Andere bijeenkomst' });
    const [foreign] = await ctx.db.dataSource.query(
      `INSERT INTO nominations (meeting_id, case_id, nominated_by_id, motivation)
       SELECT $1, case_id, nominated_by_id, motivation FROM nominations WHERE id = $2 RETURNING id`,
      [other, nom[A]],
    );
    const elsewhere = await decide({
      [`decision-${nom[A]}`]: 'selected',
      [`decision-${foreign.id}`]: 'selected',
    }).expect(400);
    expect(elsewhere.text).toContain('hoort niet (meer) bij deze bijeenkomst');

    expect(await statuses()).toEqual(untouched);
    expect(await writes()).toEqual(before);
  });

  it('checks the form token and the permission', async () => {
    await cur.agent
      .post(`/bijeenkomsten/${meetingId}/besluiten`)
      .type('form')
      .send({ [`decision-${nom[A]}`]: 'selected' })
      .expect(403);
    const prac = await agentFor(practitioner);
    await decide({ [`decision-${nom[A]}`]: 'selected' }, prac).expect(403);
    expect((await statuses())[A]).toBe('pending');
  });

  it('refuses to set the agenda while nominations are undecided (409), changing nothing', async () => {
    const refused = await cur.agent
      .post(`/bijeenkomsten/${meetingId}/status`)
      .type('form')
      .send({ to: 'agenda_set', terug: `/bijeenkomsten/${meetingId}/voordrachten`, _csrf: cur.csrf })
      .expect(409);
    expect(refused.text).toContain('Er zijn nog 4 voordrachten zonder besluit');
    expect(refused.text).toContain('of vink aan dat u de overige niet behandelt');
    expect(refused.text).toContain('De overige 4 voordrachten niet behandelen');
    expect(refused.text).toContain('Besluiten opslaan'); // the page itself, not an error page
    const [m] = await ctx.db.dataSource.query(`SELECT status FROM meetings WHERE id = $1`, [meetingId]);
    expect(m.status).toBe('nominations_open');
  });

  it('saves several decisions in one submit, places included, in one transaction', async () => {
    const before = await writes();
    await decide({
      [`decision-${nom[A]}`]: 'selected',
      [`position-${nom[A]}`]: '2',
      [`decision-${nom[B]}`]: 'selected',
      [`position-${nom[B]}`]: '1',
      [`decision-${nom[C]}`]: 'not_selected',
      [`feedback-${nom[C]}`]: 'Past beter bij de bijeenkomst over overlast.',
      [`feedback-${nom[D]}`]: '',
    })
      .expect(303)
      .expect('Location', `/bijeenkomsten/${meetingId}/voordrachten`);
    expect(await statuses()).toEqual({
      [A]: 'selected@2',
      [B]: 'selected@1',
      [C]: 'not_selected',
      [D]: 'pending',
    });
    const after = await writes();
    expect(after.audits - before.audits).toBe(3);
    expect(after.version - before.version).toBe(1); // one new agenda version for the whole submit
    const page = await cur.agent.get(`/bijeenkomsten/${meetingId}/voordrachten`).expect(200);
    expect(page.text).toContain('Opgeslagen: 2 casussen geselecteerd en één voordracht niet geselecteerd');
    // Decided ones show their decision (folded away); D is still open with nothing chosen.
    expect(page.text).toMatch(new RegExp(`name="decision-${nom[A]}" value="selected" checked`));
    expect(page.text).not.toMatch(new RegExp(`name="decision-${nom[D]}" value="[a-z_]+" checked`));
    expect(page.text).toContain('Nu plaats 1.');

    // The page sends the decided ones back unchanged: only D counts, placed first.
    await decide({
      [`decision-${nom[A]}`]: 'selected',
      [`decision-${nom[B]}`]: 'selected',
      [`decision-${nom[C]}`]: 'not_selected',
      [`feedback-${nom[C]}`]: 'Past beter bij de bijeenkomst over overlast.',
      [`decision-${nom[D]}`]: 'selected',
      [`position-${nom[D]}`]: '1',
    }).expect(303);
    expect(await statuses()).toEqual({
      [A]: 'selected@3',
      [B]: 'selected@2',
      [C]: 'not_selected',
      [D]: 'selected@1',
    });
    expect((await writes()).audits - after.audits).toBe(1);

    // A new toelichting only: recorded, but the agenda keeps its version (a reorder open elsewhere stays valid).
    const beforeFeedback = await writes();
    await decide({
      [`decision-${nom[C]}`]: 'not_selected',
      [`feedback-${nom[C]}`]: 'Past beter bij de bijeenkomst over overlast, in het voorjaar.',
    }).expect(303);
    const afterFeedback = await writes();
    expect(afterFeedback.version).toBe(beforeFeedback.version);
    expect(afterFeedback.audits - beforeFeedback.audits).toBe(1);
  });

  it('sets the agenda with the rest left only when the kerngroep says so, and says what happened to them', async () => {
    // A late nomination stays undecided.
    const caseId = await buildCase(ctx.db.dataSource, practitioner, {
      title: 'Wijkbudget',
      themes: ['leefbaarheid'],
    });
    const prac = await agentFor(practitioner);
    await prac.agent
      .post(`/bijeenkomsten/${meetingId}/voordrachten`)
      .type('form')
      .send({ caseId, motivation: 'Nog net op tijd.', _csrf: prac.csrf })
      .expect(303);
    const setAgenda = (extra: Record<string, string>) =>
      cur.agent
        .post(`/bijeenkomsten/${meetingId}/status`)
        .type('form')
        .send({
          to: 'agenda_set',
          terug: `/bijeenkomsten/${meetingId}/voordrachten`,
          _csrf: cur.csrf,
          ...extra,
        });
    const refused = await setAgenda({}).expect(409);
    expect(refused.text).toContain('Er is nog één voordracht zonder besluit');
    expect(refused.text).toContain('De overige voordracht niet behandelen');
    await setAgenda({ leaveUndecided: 'ja' }).expect(303);
    const [left] = await ctx.db.dataSource.query(
      `SELECT status, feedback FROM nominations WHERE meeting_id = $1 AND case_id = $2`,
      [meetingId, caseId],
    );
    expect(left.status).toBe('not_selected');
    expect(left.feedback).toContain('niet behandeld');
    const told = (await notificationsOf(practitioner)).filter((n: { message: string }) =>
      n.message.includes('“Wijkbudget”'),
    );
    expect(told.map((n: { message: string }) => n.message).join(' ')).toContain('niet behandeld');
    const [m] = await ctx.db.dataSource.query(`SELECT status FROM meetings WHERE id = $1`, [meetingId]);
    expect(m.status).toBe('agenda_set');
  });

  it('refuses decisions once the meeting is held (409)', async () => {
    await ctx.db.dataSource.query(`UPDATE meetings SET status = 'held' WHERE id = $1`, [meetingId]);
    const late = await decide({ [`decision-${nom[C]}`]: 'selected' }).expect(409);
    expect(late.text).toContain('al gehouden');
    expect((await statuses())[C]).toBe('not_selected');
  });
});

describe('meeting form wording and times', () => {
  it('says a missing date is required, and that a past date is in the past on the first submit', async () => {
    const { agent, csrf } = await agentFor(curator);
    const empty = await agent
      .post('/bijeenkomsten')
      .type('form')
      .send({ ...meetingForm({ date: '', startTime: '' }), _csrf: csrf })
      .expect(400);
    expect(empty.text).toContain('De datum is verplicht.');
    expect(empty.text).toContain('De begintijd is verplicht.');
    expect(empty.text).not.toContain('gebruik de vorm jjjj-mm-dd');
    // A past date and no theme: both said at once, not the past only after fixing the theme.
    const first = await agent
      .post('/bijeenkomsten')
      .type('form')
      .send({ ...meetingForm({ date: isoDate(-2 * day), themes: [], nominationDeadline: '' }), _csrf: csrf })
      .expect(400);
    expect(first.text).toContain('Kies minstens één thema.');
    expect(first.text).toContain('kan niet in het verleden liggen');
    const noTime = await agent
      .post('/bijeenkomsten')
      .type('form')
      .send({
        ...meetingForm({ date: isoDate(-2 * day), startTime: '', nominationDeadline: '' }),
        _csrf: csrf,
      })
      .expect(400);
    expect(noTime.text).toContain('De begintijd is verplicht.');
    expect(noTime.text).toContain('kan niet in het verleden liggen');
    // Editing: moving the date into the past is said at once too.
    const id = await createMeeting({ title: 'Te verplaatsen' });
    const edit = await agent
      .post(`/bijeenkomsten/${id}`)
      .type('form')
      .send({ ...meetingForm({ date: isoDate(-3 * day), title: '' }), _csrf: csrf })
      .expect(400);
    expect(edit.text).toContain('De titel is verplicht');
    expect(edit.text).toContain('De nieuwe datum ligt in het verleden');
  });

  it('names the role in focus in plain Dutch', async () => {
    const { agent } = await agentFor(curator);
    const form = await agent.get('/bijeenkomsten/nieuw').expect(200);
    expect(form.text).toContain('Welke rol van de corporatie staat centraal?');
    const id = await createMeeting({ title: 'Rol centraal' });
    const page = await agent.get(`/bijeenkomsten/${id}`).expect(200);
    expect(page.text).toContain('Centrale rol van de corporatie');
    expect(page.text).not.toContain('in de aandacht');
  });

  it.each([
    ['March (summer time)', '03-30'],
    ['November (winter time)', '11-16'],
  ])(
    'a meeting entered at 14:00 in %s shows 14:00 on its page, in the calendar file and on the edit form',
    async (_n, md) => {
      const year = new Date().getFullYear() + 1;
      const date = `${year}-${md}`;
      const id = await createMeeting({
        title: `Om twee uur ${md}`,
        date,
        startTime: '14:00',
        endTime: '17:00',
        nominationDeadline: '',
      });
      const { agent } = await agentFor(curator);
      const page = await agent.get(`/bijeenkomsten/${id}`).expect(200);
      expect(page.text).toContain('om 14:00 tot 17:00');
      const ics = await agent.get(`/bijeenkomsten/${id}/agenda.ics`).expect(200);
      expect(ics.text).toContain(`DTSTART;TZID=Europe/Amsterdam:${date.replace(/-/g, '')}T140000`);
      expect(ics.text).toContain(`DTEND;TZID=Europe/Amsterdam:${date.replace(/-/g, '')}T170000`);
      const edit = await agent.get(`/bijeenkomsten/${id}/bewerken`).expect(200);
      expect(edit.text).toContain('value="14:00"');
      expect(edit.text).toContain('value="17:00"');
    },
  );
});

describe('programme times', () => {
  it('says an empty start time is required, and shows the programme in the meeting’s own local time', async () => {
    const year = new Date().getFullYear() + 1;
    const id = await createMeeting({
      title: 'Programma in maart',
      date: `${year}-03-30`,
      startTime: '13:00',
      endTime: '17:00',
      nominationDeadline: '',
    });
    const { agent, csrf } = await agentFor(curator);
    const post = (body: Record<string, unknown>) =>
      agent
        .post(`/bijeenkomsten/${id}/programma`)
        .type('form')
        .send({ ...body, _csrf: csrf });
    const empty = await post({ slotStart: ['', ''], slotTitle: ['Ontvangst', ''] }).expect(400);
    expect(empty.text).toContain('Onderdeel 1: de begintijd is verplicht.');
    expect(empty.text).toContain('value="Ontvangst"');
    const wrong = await post({ slotStart: ['25.00'], slotTitle: ['Ontvangst'] }).expect(400);
    expect(wrong.text).toContain('Onderdeel 1: schrijf de begintijd als uu:mm');
    await post({
      slotStart: ['13.00', '13.30'],
      slotEnd: ['13.30', ''],
      slotTitle: ['Ontvangst', 'Casussen'],
    }).expect(303);
    const page = await agent.get(`/bijeenkomsten/${id}`).expect(200);
    expect(page.text).toContain(`30 maart ${year} om 13:00 tot 17:00`);
    expect(page.text).toMatch(/13\.00–13\.30/);
  });
});

describe('the demo data', () => {
  it('starts the demo meeting when its programme starts, in Amsterdam time', async () => {
    const demo = await createTestApp();
    try {
      await seedDemo(demo.db.dataSource);
      const rows: Array<{ id: number; starts_at: Date; ends_at: Date; first: string }> =
        await demo.db.dataSource.query(
          `SELECT m.id, m.starts_at, m.ends_at,
                  (SELECT starts_at FROM meeting_programme_items p WHERE p.meeting_id = m.id ORDER BY position LIMIT 1) AS first
             FROM meetings m`,
        );
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        expect(toLocalParts(new Date(r.starts_at)).time).toBe(r.first);
        expect(toLocalParts(new Date(r.ends_at)).time).toBe('17:00');
      }
    } finally {
      await demo.close();
    }
  });
});
