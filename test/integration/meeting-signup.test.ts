import ICAL from 'ical.js';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import {
  buildCase,
  buildOrganization,
  buildUser,
  csrfOf,
  loginAs,
  type TestOrganization,
  type TestUser,
} from '../support/factories';
import { createTestApp, type TestContext } from '../support/test-app';

/**
 * A meeting from invitation to verslag: the kerngroep sets the place, the limits and the programme;
 * members sign up with guests, the waiting list moves up when someone cancels, everyone gets the
 * calendar entry by e-mail (a real SMTP server) and as a download; on the day the kerngroep checks
 * presence; afterwards the verslag tells what each presented case taught, and search finds it.
 */
let ctx: TestContext;
let smtp: SMTPServer;
const mails: ParsedMail[] = [];
let orgA: TestOrganization;
let curator: TestUser;
let expert: TestUser;
let anna: TestUser; // orgA
let arie: TestUser; // orgA, a colleague of Anna
let bart: TestUser; // orgB
let cora: TestUser; // orgC

const day = 24 * 60 * 60 * 1000;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const isoDate = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 10);

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  ctx = await createTestApp({
    env: {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      PUBLIC_URL: 'https://casusbank.example.nl',
      MAIL_FROM: 'Casusbank <bijeenkomsten@casusbank.example.nl>',
    },
  });
  const ds = ctx.db.dataSource;
  orgA = await buildOrganization(ds, { name: 'Woonstichting Maasland' });
  const orgB = await buildOrganization(ds, { name: 'Area Wonen' });
  const orgC = await buildOrganization(ds, { name: 'Gemeente Oss', kind: 'gemeente' });
  curator = await buildUser(ds, { roles: ['curator'], organizationId: orgB.id, name: 'Karin Kerngroep' });
  expert = await buildUser(ds, { roles: ['expert'], organizationId: orgC.id, name: 'Erik Expert' });
  anna = await buildUser(ds, { organizationId: orgA.id, name: 'Anna de Vries' });
  arie = await buildUser(ds, { organizationId: orgA.id, name: 'Arie Maas' });
  bart = await buildUser(ds, { organizationId: orgB.id, name: 'Bart Bos' });
  cora = await buildUser(ds, { organizationId: orgC.id, name: 'Cora Claassen' });
});
afterAll(async () => {
  await ctx.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const agents = new Map<number, { agent: ReturnType<typeof request.agent>; csrf: string }>();
async function as(user: TestUser) {
  let a = agents.get(user.id);
  if (!a) {
    const agent = request.agent(ctx.app);
    await loginAs(agent, user);
    a = { agent, csrf: await csrfOf(agent, '/account') };
    agents.set(user.id, a);
  }
  return a;
}

const meetingForm = (overrides: Record<string, unknown> = {}) => ({
  title: 'Werkbezoek Uden: wonen en zorg',
  date: isoDate(30 * day),
  startTime: '13:00',
  endTime: '17:00',
  locationName: 'Kantoor Area Wonen',
  locationAddress: 'Leeuweriksweg 12',
  locationPostcode: '5402xd',
  locationCity: 'Uden',
  themes: ['zorg-en-welzijn'],
  experts: [String(expert.id)],
  capacity: '3',
  maxGuestsPerOrganization: '1',
  nonMemberSeats: '2',
  signupDeadline: isoDate(20 * day),
  ...overrides,
});

async function createMeeting(overrides: Record<string, unknown> = {}) {
  const { agent, csrf } = await as(curator);
  const res = await agent
    .post('/bijeenkomsten')
    .type('form')
    .send({ ...meetingForm(overrides), _csrf: csrf })
    .expect(303);
  return Number(res.headers.location.split('/').pop());
}

/** Waits (bounded) for the e-mail the app sends after a commit. */
async function mailTo(user: TestUser, subject: string): Promise<ParsedMail> {
  for (let i = 0; i < 200; i++) {
    const found = mails.find(
      (m) => m.subject?.startsWith(subject) && JSON.stringify(m.to).includes(user.email),
    );
    if (found) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`Geen e-mail "${subject}" aan ${user.email}; ontvangen: ${mails.map((m) => m.subject)}`);
}

/** The calendar of a mail: its text/calendar part. */
function calendarOf(mail: ParsedMail): string {
  const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  if (!part) throw new Error(`Geen agenda-uitnodiging in "${mail.subject}"`);
  return part.content.toString('utf8');
}

/** Parses an iCalendar text back: method, UID, SEQUENCE, status, the start as an instant and its zone. */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  expect(vtimezone?.getFirstPropertyValue('tzid')).toBe('Europe/Amsterdam');
  const zone = new ICAL.Timezone(vtimezone!);
  const event = calendar.getFirstSubcomponent('vevent')!;
  const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
  start.zone = zone;
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    status: event.getFirstPropertyValue('status'),
    tzid: event.getFirstProperty('dtstart')!.getParameter('tzid'),
    start: start.toJSDate().toISOString(),
    location: event.getFirstPropertyValue('location'),
  };
}

const utcOf = async (meetingId: number) =>
  new Date(
    (await ctx.db.dataSource.query(`SELECT starts_at FROM meetings WHERE id = $1`, [meetingId]))[0].starts_at,
  ).toISOString();

describe('place, limits and programme', () => {
  it('validates the postcode and the programme times, and shows the route and the programme', async () => {
    const { agent, csrf } = await as(curator);
    const bad = await agent
      .post('/bijeenkomsten')
      .type('form')
      .send({ ...meetingForm({ locationPostcode: 'B-1000' }), _csrf: csrf })
      .expect(400);
    expect(bad.text).toContain('Vul een Nederlandse postcode in');
    expect(bad.text).toContain('value="B-1000"'); // what was typed stays
    const meetingId = await createMeeting();
    const [saved] = await ctx.db.dataSource.query(
      `SELECT location_postcode, capacity, max_guests_per_organization FROM meetings WHERE id = $1`,
      [meetingId],
    );
    expect(saved).toEqual({ location_postcode: '5402 XD', capacity: 3, max_guests_per_organization: 1 });

    // The programme: out of order, overlapping, then right.
    const caseId = await buildCase(ctx.db.dataSource, anna, { title: 'Zorgwoningen in de wijk' });
    const [nom] = await ctx.db.dataSource.query(
      `INSERT INTO nominations (meeting_id, case_id, nominated_by_id, motivation, status, agenda_position)
       VALUES ($1, $2, $3, 'Past', 'selected', 1) RETURNING id`,
      [meetingId, caseId, anna.id],
    );
    const slots = (rows: string[][]) => ({
      slotStart: rows.map((r) => r[0]),
      slotEnd: rows.map((r) => r[1]),
      slotTitle: rows.map((r) => r[2]),
      slotCase: rows.map((r) => r[3] ?? ''),
      slotPresenter: rows.map((r) => r[4] ?? ''),
      slotExpert: rows.map((r) => r[5] ?? ''),
      _csrf: csrf,
    });
    const outOfOrder = await agent
      .post(`/bijeenkomsten/${meetingId}/programma`)
      .type('form')
      .send(
        slots([
          ['13.30', '', 'Locatiebezoek'],
          ['13.00', '13.30', 'Ontvangst'],
        ]),
      )
      .expect(400);
    expect(outOfOrder.text).toContain('zet de onderdelen op volgorde van tijd');
    expect(outOfOrder.text).toContain('value="13.00"');
    const overlap = await agent
      .post(`/bijeenkomsten/${meetingId}/programma`)
      .type('form')
      .send(
        slots([
          ['13.00', '13.45', 'Ontvangst'],
          ['13.30', '', 'Locatiebezoek'],
        ]),
      )
      .expect(400);
    expect(overlap.text).toContain('voordat onderdeel 1 is afgelopen (13:45)');
    expect(
      (await ctx.db.dataSource.query(`SELECT count(*)::int AS n FROM meeting_programme_items`))[0].n,
    ).toBe(0); // nothing half-saved
    await agent
      .post(`/bijeenkomsten/${meetingId}/programma`)
      .type('form')
      .send(
        slots([
          ['13.00', '13.30', 'Ontvangst'],
          ['13.30', '14.30', 'Locatiebezoek'],
          ['14.30', '15.30', 'Casus', String(nom.id), String(anna.id), String(expert.id)],
          ['', '', ''],
        ]),
      )
      .expect(303);

    const page = await (await as(bart)).agent.get(`/bijeenkomsten/${meetingId}`).expect(200);
    expect(page.text).toContain('Leeuweriksweg 12, 5402 XD Uden');
    expect(page.text).toContain(
      'href="https://www.openstreetmap.org/search?query=Leeuweriksweg%2012%2C%205402%20XD%20Uden"',
    );
    expect(page.text).not.toMatch(/<script[^>]+openstreetmap/);
    expect(page.text).toMatch(
      /13\.00–13\.30[\s\S]*Ontvangst[\s\S]*14\.30–15\.30[\s\S]*Zorgwoningen in de wijk/,
    );
    expect(page.text).toContain('Presentatie: Anna de Vries (Woonstichting Maasland)');
    expect(page.text).toContain('Expert: Erik Expert');
    expect(page.text).toContain('U kunt zich aanmelden voor deze bijeenkomst');

    const api = await (await as(bart)).agent.get(`/api/bijeenkomsten/${meetingId}`).expect(200);
    expect(api.body.programme.map((p: { startsAt: string }) => p.startsAt)).toEqual([
      '13:00',
      '13:30',
      '14:30',
    ]);
    expect(api.body.programme[2]).toMatchObject({
      case: { id: caseId },
      presenter: { name: 'Anna de Vries' },
      expert: { name: 'Erik Expert' },
    });
    expect(api.body.meeting.location).toMatchObject({ postcode: '5402 XD', city: 'Uden' });
    expect(api.body.capacity).toMatchObject({ total: 3, placesLeft: 3, maxGuestsPerOrganization: 1 });
    expect(api.body.mySignup).toBeNull();

    // Only the kerngroep edits the programme.
    await (
      await as(bart)
    ).agent
      .post(`/bijeenkomsten/${meetingId}/programma`)
      .type('form')
      .send(slots([['10.00', '', 'Koffie']]))
      .expect(403);
  });
});

describe('signing up', () => {
  it('fills the seats, refuses guests over the limit, keeps a waiting list that moves up on a cancellation, with calendar mails', async () => {
    const meetingId = await createMeeting();
    const ds = ctx.db.dataSource;
    const startUtc = await utcOf(meetingId);

    // Anna brings a partner from the gemeente (not a member organisation): 2 of 3 seats.
    const a = await as(anna);
    const first = await a.agent
      .post(`/api/bijeenkomsten/${meetingId}/aanmeldingen`)
      .set('x-csrf-token', a.csrf)
      .send({ guests: [{ name: 'Gert Gast', organization: 'Gemeente Uden', email: 'Gert@Uden.nl' }] })
      .expect(201);
    expect(first.body).toMatchObject({ status: 'aangemeld', guests: [{ email: 'gert@uden.nl' }] });

    // Her colleague may bring no more guests: the organisation's limit is 1. Nothing is saved.
    const r = await as(arie);
    const over = await r.agent
      .post(`/api/bijeenkomsten/${meetingId}/aanmeldingen`)
      .set('x-csrf-token', r.csrf)
      .send({ guests: [{ name: 'Wim Wijkteam', organization: 'Wijkteam Uden', email: 'wim@wijkteam.nl' }] })
      .expect(422);
    expect(over.body.error).toContain('hoogstens 1 gasten');
    expect(over.body.error).toContain('al 1 aangemeld');
    expect(
      (await ds.query(`SELECT count(*)::int AS n FROM meeting_signups WHERE user_id = $1`, [arie.id]))[0].n,
    ).toBe(0);
    // A guest without an e-mail address is a field error on the form, with the input kept.
    const badGuest = await r.agent
      .post(`/bijeenkomsten/${meetingId}/aanmelding`)
      .type('form')
      .send({ guestName: 'Wim', guestOrganization: 'Wijkteam', guestEmail: 'geen-adres', _csrf: r.csrf })
      .expect(400);
    expect(badGuest.text).toContain('Gast 1: Dit is geen geldig e-mailadres.');
    expect(badGuest.text).toContain('href="#veld-gast-1-email"');
    expect(badGuest.text).toContain('value="Wim"');

    // Bart signs up through the form (no JavaScript needed): the last seat.
    const b = await as(bart);
    await b.agent
      .post(`/bijeenkomsten/${meetingId}/aanmelding`)
      .type('form')
      .send({ guestName: '', guestOrganization: '', guestEmail: '', _csrf: b.csrf })
      .expect(303);
    expect((await b.agent.get(`/bijeenkomsten/${meetingId}`)).text).toContain(
      'Uw aanmelding: <strong>Aangemeld</strong>',
    );

    // Full: Cora goes on the waiting list, and is told so.
    const c = await as(cora);
    const waiting = await c.agent
      .post(`/api/bijeenkomsten/${meetingId}/aanmeldingen`)
      .set('x-csrf-token', c.csrf)
      .send({ guests: [] })
      .expect(201);
    expect(waiting.body).toMatchObject({ status: 'wachtlijst', waitingPosition: 1 });
    expect(waiting.body.message).toContain('wachtlijst');
    const full = await c.agent.get(`/api/bijeenkomsten/${meetingId}`).expect(200);
    expect(full.body.capacity).toMatchObject({ placesLeft: 0, taken: 3, waitingList: 1 });
    expect(full.body.mySignup).toMatchObject({ status: 'wachtlijst', waitingPosition: 1 });
    expect((await c.agent.get(`/bijeenkomsten/${meetingId}`)).text).toContain(
      'Alle 3 plaatsen zijn bezet; er staat 1 aanmelding op de wachtlijst.',
    );

    // The confirmation carries the invitation: Europe/Amsterdam with its VTIMEZONE, the meeting's UID.
    const confirmation = await mailTo(anna, 'Aangemeld:');
    expect(confirmation.text).toContain('Gert Gast (Gemeente Uden)');
    // The mail says the Dutch local time that was entered, start and end.
    expect(confirmation.text).toMatch(/Wanneer: \d{1,2} \w+ \d{4} om 13:00 tot 17:00/);
    const invite = parseCalendar(calendarOf(confirmation));
    expect(invite).toMatchObject({
      method: 'REQUEST',
      uid: `bijeenkomst-${meetingId}@casusbank.example.nl`,
      sequence: 0,
      tzid: 'Europe/Amsterdam',
      start: startUtc,
      location: 'Kantoor Area Wonen, Leeuweriksweg 12, 5402 XD Uden',
    });
    expect((await mailTo(cora, 'Wachtlijst:')).text).toContain('plaats 1');

    // Bart cancels: his calendar entry is withdrawn (higher SEQUENCE) and Cora moves up.
    await b.agent
      .delete(`/api/bijeenkomsten/${meetingId}/aanmeldingen/mijn`)
      .set('x-csrf-token', b.csrf)
      .expect(200);
    const cancel = parseCalendar(calendarOf(await mailTo(bart, 'Afgemeld:')));
    expect(cancel).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', uid: invite.uid, sequence: 1 });
    const promoted = await mailTo(cora, 'Aangemeld:');
    expect(promoted.text).toContain('Er is een plaats vrijgekomen');
    expect(parseCalendar(calendarOf(promoted)).sequence).toBe(1);
    const [notice] = await ds.query(`SELECT kind, url FROM notifications WHERE user_id = $1`, [cora.id]);
    expect(notice).toEqual({ kind: 'signup_promoted', url: `/bijeenkomsten/${meetingId}#aanmelden` });
    expect((await c.agent.get(`/api/bijeenkomsten/${meetingId}`)).body.mySignup.status).toBe('aangemeld');
    // Cancelling twice: there is nothing left to cancel.
    await b.agent
      .delete(`/api/bijeenkomsten/${meetingId}/aanmeldingen/mijn`)
      .set('x-csrf-token', b.csrf)
      .expect(404);
    // No CSRF token, no change.
    await c.agent.delete(`/api/bijeenkomsten/${meetingId}/aanmeldingen/mijn`).expect(403);

    // The .ics download: the same UID, and a new time is a higher SEQUENCE mailed to who signed up.
    const ics = await a.agent.get(`/bijeenkomsten/${meetingId}/agenda.ics`).expect(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    const downloaded = parseCalendar(ics.text);
    expect(downloaded).toMatchObject({ method: 'PUBLISH', uid: invite.uid, sequence: 1, start: startUtc });
    const cur = await as(curator);
    await cur.agent
      .post(`/bijeenkomsten/${meetingId}`)
      .type('form')
      .send({ ...meetingForm({ startTime: '14:00' }), _csrf: cur.csrf })
      .expect(303);
    const moved = parseCalendar((await a.agent.get(`/bijeenkomsten/${meetingId}/agenda.ics`)).text);
    expect(moved).toMatchObject({ uid: invite.uid, sequence: 2, start: await utcOf(meetingId) });
    expect(new Date(moved.start).getTime() - new Date(startUtc).getTime()).toBe(60 * 60 * 1000);
    const update = await mailTo(anna, 'Gewijzigd:');
    expect(update.text).toContain('om 14:00 tot 17:00');
    expect(parseCalendar(calendarOf(update))).toMatchObject({ method: 'REQUEST', sequence: 2 });
    // Saving without a change of time or place sends nothing new and keeps the SEQUENCE.
    await cur.agent
      .post(`/bijeenkomsten/${meetingId}`)
      .type('form')
      .send({ ...meetingForm({ startTime: '14:00', capacity: '4' }), _csrf: cur.csrf })
      .expect(303);
    expect(parseCalendar((await a.agent.get(`/bijeenkomsten/${meetingId}/agenda.ics`)).text).sequence).toBe(
      2,
    );
  });

  it('closes at the deadline and for a held meeting (409), and guests never get an account', async () => {
    const ds = ctx.db.dataSource;
    const meetingId = await createMeeting({ capacity: '' });
    const a = await as(anna);
    await a.agent
      .post(`/api/bijeenkomsten/${meetingId}/aanmeldingen`)
      .set('x-csrf-token', a.csrf)
      .send({ guests: [{ name: 'Gert Gast', organization: 'Gemeente Uden', email: 'gert2@uden.nl' }] })
      .expect(201);
    expect((await ds.query(`SELECT count(*)::int AS n FROM users WHERE email = 'gert2@uden.nl'`))[0].n).toBe(
      0,
    );

    // Two seats for non-members: Bart's partner takes the second; Cora's waits, unless her guest
    // comes from a member organisation (no limit on seats here, only on non-members).
    const signUp = async (user: TestUser, organization: string, email: string) => {
      const who = await as(user);
      const res = await who.agent
        .post(`/api/bijeenkomsten/${meetingId}/aanmeldingen`)
        .set('x-csrf-token', who.csrf)
        .send({ guests: [{ name: 'Partner', organization, email }] });
      expect([200, 201]).toContain(res.status);
      return res.body.status;
    };
    expect(await signUp(bart, 'Wijkteam Uden', 'wijkteam@uden.nl')).toBe('aangemeld');
    expect(await signUp(cora, 'GGZ Oost Brabant', 'ggz@example.nl')).toBe('wachtlijst');
    expect(await signUp(cora, 'area wonen', 'collega@area.nl')).toBe('wachtlijst'); // keeps her place…
    const bb = await as(bart);
    await bb.agent
      .post(`/api/bijeenkomsten/${meetingId}/aanmeldingen`)
      .set('x-csrf-token', bb.csrf)
      .send({ guests: [] })
      .expect(200); // …and moves up when Bart's partner no longer comes
    const coraNow = await (await as(cora)).agent.get(`/api/bijeenkomsten/${meetingId}`).expect(200);
    expect(coraNow.body.mySignup).toMatchObject({
      status: 'aangemeld',
      guests: [{ organization: 'area wonen' }],
    });

    await ds.query(`UPDATE meetings SET signup_deadline = now() - interval '1 hour' WHERE id = $1`, [
      meetingId,
    ]);
    const b = await as(bart);
    const late = await b.agent
      .post(`/api/bijeenkomsten/${meetingId}/aanmeldingen`)
      .set('x-csrf-token', b.csrf)
      .send({})
      .expect(409);
    expect(late.body.error).toMatch(/^Aanmelden kon tot en met/);
    const lateCancel = await a.agent
      .delete(`/api/bijeenkomsten/${meetingId}/aanmeldingen/mijn`)
      .set('x-csrf-token', a.csrf)
      .expect(409);
    expect(lateCancel.body.error).toMatch(/^Afmelden kon tot en met/);
    const page = await b.agent.get(`/bijeenkomsten/${meetingId}`).expect(200);
    expect(page.text).toContain('Aanmelden en afmelden is gesloten.');
    expect(page.text).not.toContain('action="/bijeenkomsten/' + meetingId + '/aanmelding"');

    await ds.query(
      `UPDATE meetings SET signup_deadline = NULL, status = 'held', starts_at = now() - interval '1 day' WHERE id = $1`,
      [meetingId],
    );
    const held = await b.agent
      .post(`/bijeenkomsten/${meetingId}/aanmelding`)
      .type('form')
      .send({ _csrf: b.csrf })
      .expect(409);
    expect(held.text).toContain('Deze bijeenkomst is al gehouden of begonnen; aanmelden kan niet meer.');
    expect(
      (await ds.query(`SELECT count(*)::int AS n FROM meeting_signups WHERE meeting_id = $1`, [meetingId]))[0]
        .n,
    ).toBe(3);
  });

  const server = process.env.TEST_DATABASE_URL ? it : it.skip;
  if (!process.env.TEST_DATABASE_URL) {
    console.info(
      'Skipped: the parallel sign-up test needs TEST_DATABASE_URL (a PostgreSQL server); PGlite has one connection.',
    );
  }
  server(
    'gives the last seat to one of two members who ask at the same moment; the other waits',
    async () => {
      for (let round = 0; round < 3; round++) {
        const meetingId = await createMeeting({ capacity: '1', nonMemberSeats: '' });
        const [x, y] = [await as(bart), await as(cora)];
        const answers = await Promise.all(
          [x, y].map((who) =>
            who.agent
              .post(`/api/bijeenkomsten/${meetingId}/aanmeldingen`)
              .set('x-csrf-token', who.csrf)
              .send({ guests: [] }),
          ),
        );
        expect(answers.map((res) => res.status)).toEqual([201, 201]);
        expect(answers.map((res) => res.body.status).sort()).toEqual(['aangemeld', 'wachtlijst']);
        const [seats] = await ctx.db.dataSource.query(
          `SELECT count(*) FILTER (WHERE status = 'aangemeld')::int AS taken FROM meeting_signups WHERE meeting_id = $1`,
          [meetingId],
        );
        expect(seats.taken).toBe(1);
      }
    },
  );
});

describe('for the kerngroep: attendance, and after the meeting the verslag', () => {
  it('lists who comes with guests and organisations, exports CSV, checks presence, and reports to who attended', async () => {
    const ds = ctx.db.dataSource;
    const meetingId = await createMeeting({ capacity: '', maxGuestsPerOrganization: '2' });
    const caseId = await buildCase(ds, anna, {
      title: 'Huismeester als signaleerder',
      question: 'Hoe houden jullie de huismeester betrokken?',
    });
    const [nom] = await ds.query(
      `INSERT INTO nominations (meeting_id, case_id, nominated_by_id, motivation, status, agenda_position)
       VALUES ($1, $2, $3, 'Past', 'selected', 1) RETURNING id`,
      [meetingId, caseId, anna.id],
    );
    for (const [user, guests] of [
      [anna, [{ name: '=Gert Gast', organization: 'Gemeente Uden', email: 'gert3@uden.nl' }]],
      [bart, []],
      [cora, []],
    ] as const) {
      const who = await as(user);
      await who.agent
        .post(`/api/bijeenkomsten/${meetingId}/aanmeldingen`)
        .set('x-csrf-token', who.csrf)
        .send({ guests })
        .expect(201);
    }
    const cur = await as(curator);
    await (await as(anna)).agent.get(`/bijeenkomsten/${meetingId}/aanmeldingen`).expect(403);
    const list = await cur.agent.get(`/bijeenkomsten/${meetingId}/aanmeldingen`).expect(200);
    expect(list.text).toContain('=Gert Gast <span class="muted">(gast van Anna de Vries)</span>');
    expect(list.text).toContain('Gemeente Uden (geen lid)');
    expect(list.text).toMatch(/<th scope="row">Woonstichting Maasland<\/th><td>1<\/td><td>0<\/td>/);
    expect(list.text).toMatch(/<th scope="row">Gemeente Uden<\/th><td>0<\/td><td>1<\/td>/);

    // On the day: Anna and her guest present, Bart absent, Cora not recorded.
    const [annaSignup, bartSignup] = await Promise.all(
      [anna, bart].map(
        async (u) =>
          (
            await ds.query(`SELECT id FROM meeting_signups WHERE meeting_id = $1 AND user_id = $2`, [
              meetingId,
              u.id,
            ])
          )[0].id,
      ),
    );
    const [guest] = await ds.query(`SELECT id FROM meeting_signup_guests WHERE signup_id = $1`, [annaSignup]);
    await cur.agent
      .post(`/bijeenkomsten/${meetingId}/aanwezigheid`)
      .type('form')
      .send({
        [`p-s${annaSignup}`]: 'aanwezig',
        [`p-g${guest.id}`]: 'aanwezig',
        [`p-s${bartSignup}`]: 'afwezig',
        _csrf: cur.csrf,
      })
      .expect(303);
    const badPresence = await cur.agent
      .post(`/bijeenkomsten/${meetingId}/aanwezigheid`)
      .type('form')
      .send({ [`p-s${annaSignup}`]: 'misschien', _csrf: cur.csrf })
      .expect(400);
    expect(badPresence.text).toContain('Kies aanwezig of afwezig.');
    const csv = await cur.agent.get(`/bijeenkomsten/${meetingId}/aanmeldingen.csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('"Naam";"Organisatie";"E-mail";"Soort";"Status";"Aanwezigheid"');
    expect(lines).toContain(
      `"'=Gert Gast";"Gemeente Uden";"gert3@uden.nl";"gast van Anna de Vries (geen lid)";"Aangemeld";"aanwezig"`,
    );
    expect(lines.find((l) => l.startsWith('"Bart Bos"'))).toMatch(/"afwezig"$/);

    // The verslag waits until the meeting is held.
    const early = await cur.agent
      .post(`/bijeenkomsten/${meetingId}/verslag`)
      .type('form')
      .send({ body: 'Te vroeg', _csrf: cur.csrf })
      .expect(409);
    expect(early.text).toContain('nadat de bijeenkomst als gehouden is gemarkeerd');
    await ds.query(
      `UPDATE meetings SET status = 'held', starts_at = now() - interval '3 hours' WHERE id = $1`,
      [meetingId],
    );
    await ds.query(`UPDATE nominations SET presented_at = now() - interval '3 hours' WHERE id = $1`, [
      nom.id,
    ]);
    const empty = await cur.agent
      .post(`/bijeenkomsten/${meetingId}/verslag`)
      .type('form')
      .send({ body: '', [`outcome-${nom.id}`]: 'Iets', _csrf: cur.csrf })
      .expect(400);
    expect(empty.text).toContain('Het verslag is verplicht.');
    expect(empty.text).toContain('>Iets</textarea>');
    await cur.agent
      .post(`/bijeenkomsten/${meetingId}/verslag`)
      .type('form')
      .send({
        body: '## Wat kwam eruit\n\nEen middag vol **praktijk**. <script>alert(1)</script>',
        [`outcome-${nom.id}`]: 'Een vaste wekelijkse ronde met de wijkverpleegkundige houdt signalen levend.',
        _csrf: cur.csrf,
      })
      .expect(303);
    const report = await (await as(bart)).agent.get(`/bijeenkomsten/${meetingId}/verslag`).expect(200);
    expect(report.text).toContain('<strong>praktijk</strong>');
    expect(report.text).not.toContain('<script>alert(1)</script>');
    expect(report.text).toContain('Een vaste wekelijkse ronde met de wijkverpleegkundige');

    // Attachments with the verslag: the kerngroep adds them (checked by content), every member downloads them.
    const annaAgent = await as(anna);
    await annaAgent.agent
      .post(`/bijeenkomsten/${meetingId}/verslag/bijlagen`)
      .set('x-csrf-token', annaAgent.csrf)
      .attach('bijlagen', PNG, 'foto.png')
      .expect(403);
    const notPng = await cur.agent
      .post(`/bijeenkomsten/${meetingId}/verslag/bijlagen`)
      .set('x-csrf-token', cur.csrf)
      .attach('bijlagen', Buffer.from('geen plaatje'), 'foto.png')
      .expect(415);
    expect(notPng.text).toContain('terug naar het verslag');
    await cur.agent
      .post(`/bijeenkomsten/${meetingId}/verslag/bijlagen`)
      .set('x-csrf-token', cur.csrf)
      .attach('bijlagen', PNG, 'groepsfoto.png')
      .expect(303)
      .expect('Location', `/bijeenkomsten/${meetingId}/verslag/bewerken#bijlagen`);
    const [photo] = await ds.query(
      `SELECT id, case_id, extraction_status FROM attachments WHERE meeting_id = $1`,
      [meetingId],
    );
    expect(photo).toMatchObject({ case_id: null, extraction_status: 'none' });
    expect((await (await as(bart)).agent.get(`/bijeenkomsten/${meetingId}/verslag`)).text).toContain(
      `<a href="/bijlagen/${photo.id}" download>groepsfoto.png</a>`,
    );
    const download = await (await as(bart)).agent.get(`/bijlagen/${photo.id}`).expect(200);
    expect(download.headers['content-type']).toBe('image/png');
    await annaAgent.agent
      .post(`/bijlagen/${photo.id}/verwijderen`)
      .type('form')
      .send({ _csrf: annaAgent.csrf })
      .expect(403);
    await cur.agent
      .post(`/bijlagen/${photo.id}/verwijderen`)
      .type('form')
      .send({ _csrf: cur.csrf })
      .expect(303)
      .expect('Location', `/bijeenkomsten/${meetingId}/verslag/bewerken#bijlagen`);

    // The case says where it was discussed and what came out, linking to the verslag.
    const casePage = await (await as(cora)).agent.get(`/casussen/${caseId}`).expect(200);
    expect(casePage.text).toContain(
      `Besproken op <a href="/bijeenkomsten/${meetingId}/verslag">Werkbezoek Uden: wonen en zorg</a>: Een vaste wekelijkse ronde`,
    );
    // Those who attended hear of it (Anna: present); Bart was absent, Cora not recorded.
    const told = await ds.query(
      `SELECT user_id FROM notifications WHERE kind = 'meeting_report' AND url = $1 ORDER BY user_id`,
      [`/bijeenkomsten/${meetingId}/verslag`],
    );
    expect(told.map((t: { user_id: number }) => t.user_id)).toEqual([anna.id]);
    expect((await mailTo(anna, 'Casusbank: Het verslag')).text).toContain(
      `/bijeenkomsten/${meetingId}/verslag`,
    );

    // Search finds the case by what the meeting learnt from it.
    await ctx.indexer.whenIdle();
    const found = await (await as(cora)).agent.get('/api/search?q=wijkverpleegkundige').expect(200);
    expect(found.body.hits.map((h: { id: number }) => h.id)).toContain(caseId);

    // The dossier: programme first, the case's question with the answer its author marked; no calls
    // to action or deadlines; a running header.
    await ds.query(
      `INSERT INTO reactions (case_id, author_id, body, helpful_at) VALUES ($1, $2, $3, now())`,
      [caseId, bart.id, 'Elke week samen koffie met de huismeester.'],
    );
    const dossier = await (await as(bart)).agent.get(`/bijeenkomsten/${meetingId}/dossier`).expect(200);
    expect(dossier.text.indexOf('id="dossier-programma"')).toBeLessThan(
      dossier.text.indexOf('id="dossier-agenda"'),
    );
    expect(dossier.text).toContain('De vraag en de antwoorden die hielpen');
    expect(dossier.text).toContain('Elke week samen koffie met de huismeester.');
    expect(dossier.text).toContain('Hoe houden jullie de huismeester betrokken?');
    expect(dossier.text).not.toContain('Aanmelden en afmelden tot en met');
    expect(dossier.text).not.toContain('Voordragen kan tot en met');
    expect(dossier.text).not.toContain('Zet in uw agenda');
    const css = await (await as(bart)).agent.get(`/bijeenkomsten/${meetingId}/dossier.css`).expect(200);
    expect(css.text).toMatch(/@top-left \{ content: "Werkbezoek Uden: wonen en zorg · \d+ \w+ \d{4}"; \}/);
  });
});
