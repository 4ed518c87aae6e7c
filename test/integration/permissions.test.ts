import request from 'supertest';
import { routeRegistry } from '../../src/web/route';
import {
  buildCase,
  buildOrganization,
  buildUser,
  csrfFrom,
  loginAs,
  type TestUser,
} from '../support/factories';
import { createTestApp, type TestContext } from '../support/test-app';

/**
 * Every route of the app × every role (and logged out), against the matrix in DESIGN.md.
 * Outcomes: 'ok' = allowed (any 2xx/3xx, or 400/409 when the minimal body is refused on its
 * merits), 'deny' = 403, 'hidden' = 404 (the object is not visible), 'login' = sent to log in.
 * A route added without a row here makes the coverage test fail.
 */
type Outcome = 'ok' | 'deny' | 'hidden' | 'login';
type Who = 'anon' | 'practitioner' | 'expert' | 'curator' | 'admin';
interface Row {
  route: string; // as registered, e.g. "GET /casussen/:id"
  path: (ids: Ids) => string;
  body?: (ids: Ids) => Record<string, unknown>;
  expect: Record<Who, Outcome>;
  note?: string;
}
interface Ids {
  ownCase: number; // written by the practitioner
  otherCase: number; // published, another organisation
  otherDraft: number; // a draft of someone else
  [key: string]: number;
}

const all = (o: Outcome, anon: Outcome = 'login'): Record<Who, Outcome> => ({
  anon,
  practitioner: o,
  expert: o,
  curator: o,
  admin: o,
});
const roles = (anon: Outcome, practitioner: Outcome, expert: Outcome, curator: Outcome, admin: Outcome) => ({
  anon,
  practitioner,
  expert,
  curator,
  admin,
});

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const adminsOnly = roles('login', 'deny', 'deny', 'deny', 'ok');
const curatorsAndAdmins = roles('login', 'deny', 'deny', 'ok', 'ok');
const caseForm = {
  title: 'Titel',
  summary: 'Samenvatting',
  roles: ['verhuurder'],
  themes: ['incasso'],
  action: 'save',
};

export const permissionRows: Row[] = [
  { route: 'GET /inloggen', path: () => '/inloggen', expect: all('ok', 'ok') },
  {
    route: 'POST /inloggen',
    path: () => '/inloggen',
    body: () => ({ email: 'geen-adres', password: 'y' }),
    expect: all('ok', 'ok'),
    note: 'public form',
  },
  { route: 'GET /inloggen/code', path: () => '/inloggen/code', expect: all('ok', 'ok') },
  {
    route: 'POST /inloggen/code',
    path: () => '/inloggen/code',
    body: () => ({ code: '123456' }),
    expect: all('ok', 'ok'),
  },
  { route: 'POST /uitloggen', path: () => '/uitloggen', expect: all('ok', 'ok') },
  {
    route: 'GET /uitnodiging/:token',
    path: () => '/uitnodiging/onbekend-onbekend-onbekend',
    expect: all('hidden', 'hidden'),
  },
  {
    route: 'POST /uitnodiging/:token',
    path: () => '/uitnodiging/onbekend-onbekend-onbekend',
    body: () => ({ password: 'een-lang-genoeg-wachtwoord', confirm: 'een-lang-genoeg-wachtwoord' }),
    expect: all('hidden', 'hidden'),
  },
  { route: 'GET /wachtwoord-vergeten', path: () => '/wachtwoord-vergeten', expect: all('ok', 'ok') },
  {
    route: 'POST /wachtwoord-vergeten',
    path: () => '/wachtwoord-vergeten',
    body: () => ({ email: 'niemand@example.org' }),
    expect: all('ok', 'ok'),
    note: 'public form',
  },
  { route: 'GET /', path: () => '/', expect: all('ok') },
  { route: 'GET /account', path: () => '/account', expect: all('ok') },
  {
    route: 'POST /account/wachtwoord',
    path: () => '/account/wachtwoord',
    body: () => ({ current: 'fout', password: 'x', confirm: 'x' }),
    expect: all('ok'),
  },
  { route: 'GET /account/tweestaps', path: () => '/account/tweestaps', expect: all('ok') },
  {
    route: 'POST /account/tweestaps',
    path: () => '/account/tweestaps',
    body: () => ({ code: '000000' }),
    expect: all('ok'),
  },
  { route: 'GET /casussen', path: () => '/casussen', expect: all('ok') },
  { route: 'GET /api/search', path: () => '/api/search', expect: all('ok') },
  { route: 'GET /casussen/nieuw', path: () => '/casussen/nieuw', expect: all('ok') },
  { route: 'POST /casussen', path: () => '/casussen', body: () => caseForm, expect: all('ok') },
  {
    route: 'POST /casussen/voorbeeld',
    path: () => '/casussen/voorbeeld',
    body: () => ({ markdown: '**x**' }),
    expect: all('ok'),
  },
  { route: 'GET /casussen/:id', path: (i) => `/casussen/${i.otherCase}`, expect: all('ok') },
  {
    route: 'GET /casussen/:id',
    path: (i) => `/casussen/${i.otherDraft}`,
    expect: roles('login', 'hidden', 'hidden', 'hidden', 'ok'),
    note: "someone else's draft (IDOR)",
  },
  {
    route: 'GET /api/cases/:id',
    path: (i) => `/api/cases/${i.otherDraft}`,
    expect: roles('login', 'hidden', 'hidden', 'hidden', 'ok'),
    note: 'draft through the API',
  },
  { route: 'GET /api/cases/:id', path: (i) => `/api/cases/${i.otherCase}`, expect: all('ok') },
  {
    route: 'GET /casussen/:id/bewerken',
    path: (i) => `/casussen/${i.otherCase}/bewerken`,
    expect: roles('login', 'deny', 'deny', 'ok', 'ok'),
  },
  {
    route: 'GET /casussen/:id/bewerken',
    path: (i) => `/casussen/${i.ownCase}/bewerken`,
    expect: roles('login', 'ok', 'deny', 'ok', 'ok'),
    note: "the practitioner's own case",
  },
  {
    route: 'POST /casussen/:id',
    path: (i) => `/casussen/${i.otherCase}`,
    body: () => caseForm,
    expect: roles('login', 'deny', 'deny', 'ok', 'ok'),
  },
  {
    route: 'POST /casussen/:id',
    path: (i) => `/casussen/${i.otherDraft}`,
    body: () => caseForm,
    expect: roles('login', 'hidden', 'hidden', 'hidden', 'ok'),
  },
  {
    route: 'POST /casussen/:id/publiceren',
    path: (i) => `/casussen/${i.draftToPublish}/publiceren`,
    expect: roles('login', 'hidden', 'hidden', 'hidden', 'ok'),
  },
  {
    route: 'POST /casussen/:id/archiveren',
    path: (i) => `/casussen/${i.caseToArchive}/archiveren`,
    expect: roles('login', 'deny', 'deny', 'ok', 'ok'),
  },
  {
    route: 'POST /casussen/:id/herstellen',
    path: (i) => `/casussen/${i.caseToArchive}/herstellen`,
    expect: roles('login', 'deny', 'deny', 'ok', 'ok'),
  },
  {
    route: 'GET /casussen/:id/revisies',
    path: (i) => `/casussen/${i.otherCase}/revisies`,
    expect: roles('login', 'deny', 'deny', 'ok', 'ok'),
  },
  {
    route: 'POST /casussen/:id/bijlagen',
    path: (i) => `/casussen/${i.otherCase}/bijlagen`,
    expect: roles('login', 'deny', 'deny', 'ok', 'ok'),
    note: 'no file: 400 when allowed',
  },
  {
    route: 'POST /casussen/:id/bijlagen',
    path: (i) => `/casussen/${i.otherDraft}/bijlagen`,
    expect: roles('login', 'hidden', 'hidden', 'hidden', 'ok'),
    note: "someone else's draft",
  },
  {
    route: 'POST /bijlagen/voorlopig',
    path: () => '/bijlagen/voorlopig',
    expect: all('ok'),
    note: "the new-case form's files: no file is 400 for any member; a pending upload is its uploader's only",
  },
  { route: 'GET /bijlagen/:id', path: (i) => `/bijlagen/${i.otherCaseAttachment}`, expect: all('ok') },
  {
    route: 'GET /bijlagen/:id',
    path: (i) => `/bijlagen/${i.otherDraftAttachment}`,
    expect: roles('login', 'hidden', 'hidden', 'hidden', 'ok'),
    note: "attachment of someone else's draft (IDOR)",
  },
  {
    route: 'POST /bijlagen/:id/verwijderen',
    path: () => '/bijlagen/999999/verwijderen',
    expect: all('hidden'),
  },
  {
    route: 'POST /bijlagen/:id/vervangen',
    path: (i) => `/bijlagen/${i.otherCaseAttachment}/vervangen`,
    expect: roles('login', 'deny', 'deny', 'ok', 'ok'),
    note: 'without a file: 400 for whoever may edit',
  },
  {
    route: 'POST /bijlagen/:id/vervangen',
    path: (i) => `/bijlagen/${i.otherDraftAttachment}/vervangen`,
    expect: roles('login', 'hidden', 'hidden', 'hidden', 'ok'),
    note: "attachment of someone else's draft (IDOR)",
  },
  {
    route: 'POST /api/privacy/controle',
    path: () => '/api/privacy/controle',
    body: () => ({ text: 'Mevrouw Jansen, 06-12345678' }),
    expect: all('ok'),
  },
  { route: 'GET /beheer/privacy', path: () => '/beheer/privacy', expect: curatorsAndAdmins },
  {
    route: 'POST /beheer/privacy/:id/gecontroleerd',
    path: (i) => `/beheer/privacy/${i.privacyConfirmation}/gecontroleerd`,
    expect: curatorsAndAdmins,
    note: 'the second time a 409',
  },
  {
    route: 'POST /beheer/privacy/:id/aanpassing',
    path: (i) => `/beheer/privacy/${i.privacyConfirmation}/aanpassing`,
    body: () => ({ note: 'Graag de naam weghalen.' }),
    expect: curatorsAndAdmins,
  },
  {
    route: 'GET /api/leden/:id/gegevens',
    path: (i) => `/api/leden/${i.targetUser}/gegevens`,
    expect: roles('login', 'deny', 'deny', 'deny', 'deny'),
    note: "someone else's data, also for an admin",
  },
  {
    route: 'GET /beheer/gebruikers/:id/verwijderen',
    path: (i) => `/beheer/gebruikers/${i.targetUser}/verwijderen`,
    expect: adminsOnly,
  },
  {
    route: 'POST /beheer/gebruikers/:id/verwijderen',
    path: (i) => `/beheer/gebruikers/${i.targetUser}/verwijderen`,
    body: () => ({ mode: 'niet-gekozen' }),
    expect: adminsOnly,
    note: 'an unknown choice: 400 for an admin, nothing removed',
  },
  { route: 'GET /beheer', path: () => '/beheer', expect: curatorsAndAdmins },
  { route: 'GET /beheer/gebruikers', path: () => '/beheer/gebruikers', expect: adminsOnly },
  { route: 'GET /beheer/gebruikers/nieuw', path: () => '/beheer/gebruikers/nieuw', expect: adminsOnly },
  {
    route: 'POST /beheer/gebruikers',
    path: () => '/beheer/gebruikers',
    body: () => ({ name: '' }),
    expect: adminsOnly,
    note: 'invalid: 400 when allowed',
  },
  {
    route: 'GET /beheer/gebruikers/:id',
    path: (i) => `/beheer/gebruikers/${i.targetUser}`,
    expect: adminsOnly,
  },
  {
    route: 'POST /beheer/gebruikers/:id',
    path: (i) => `/beheer/gebruikers/${i.targetUser}`,
    body: () => ({ name: '' }),
    expect: adminsOnly,
  },
  {
    route: 'POST /beheer/gebruikers/:id/deactiveren',
    path: (i) => `/beheer/gebruikers/${i.targetUser}/deactiveren`,
    expect: adminsOnly,
  },
  {
    route: 'POST /beheer/gebruikers/:id/activeren',
    path: (i) => `/beheer/gebruikers/${i.targetUser}/activeren`,
    expect: adminsOnly,
  },
  {
    route: 'POST /beheer/gebruikers/:id/wachtwoordlink',
    path: (i) => `/beheer/gebruikers/${i.targetUser}/wachtwoordlink`,
    expect: adminsOnly,
  },
  {
    route: 'POST /beheer/gebruikers/:id/tweestaps-resetten',
    path: (i) => `/beheer/gebruikers/${i.targetUser}/tweestaps-resetten`,
    expect: adminsOnly,
  },
  { route: 'GET /beheer/organisaties', path: () => '/beheer/organisaties', expect: adminsOnly },
  {
    route: 'POST /beheer/organisaties',
    path: () => '/beheer/organisaties',
    body: () => ({ name: '' }),
    expect: adminsOnly,
  },
  {
    route: 'POST /beheer/organisaties/:id',
    path: (i) => `/beheer/organisaties/${i.targetOrganization}`,
    body: () => ({ name: '' }),
    expect: adminsOnly,
  },
  { route: 'GET /beheer/themas', path: () => '/beheer/themas', expect: curatorsAndAdmins },
  {
    route: 'POST /beheer/themas',
    path: () => '/beheer/themas',
    body: () => ({ name: '' }),
    expect: curatorsAndAdmins,
  },
  {
    route: 'POST /beheer/themas/:id',
    path: (i) => `/beheer/themas/${i.targetTheme}`,
    body: () => ({ name: '' }),
    expect: curatorsAndAdmins,
  },
  {
    route: 'POST /beheer/themas/:id/samenvoegen',
    path: (i) => `/beheer/themas/${i.targetTheme}/samenvoegen`,
    body: () => ({ into: '' }),
    expect: curatorsAndAdmins,
  },
  { route: 'GET /beheer/audit', path: () => '/beheer/audit', expect: adminsOnly },
  { route: 'GET /beheer/audit.csv', path: () => '/beheer/audit.csv', expect: adminsOnly },
  { route: 'GET /beheer/inzicht', path: () => '/beheer/inzicht', expect: curatorsAndAdmins },
  {
    route: 'GET /beheer/inzicht/:grafiek.csv',
    path: () => '/beheer/inzicht/themas.csv',
    expect: curatorsAndAdmins,
  },
  { route: 'GET /beheer/thesaurus', path: () => '/beheer/thesaurus', expect: curatorsAndAdmins },
  { route: 'GET /beheer/thesaurus/nieuw', path: () => '/beheer/thesaurus/nieuw', expect: curatorsAndAdmins },
  {
    route: 'POST /beheer/thesaurus',
    path: () => '/beheer/thesaurus',
    body: () => ({ kind: 'synoniem', terms: '' }),
    expect: curatorsAndAdmins,
    note: 'invalid: 400 when allowed',
  },
  {
    route: 'GET /beheer/thesaurus/:id',
    path: (i) => `/beheer/thesaurus/${i.targetThesaurusGroup}`,
    expect: curatorsAndAdmins,
  },
  {
    route: 'POST /beheer/thesaurus/:id',
    path: (i) => `/beheer/thesaurus/${i.targetThesaurusGroup}`,
    body: () => ({ kind: 'synoniem', terms: '' }),
    expect: curatorsAndAdmins,
    note: 'invalid: 400 when allowed',
  },
  {
    route: 'POST /beheer/thesaurus/:id/verwijderen',
    path: () => '/beheer/thesaurus/999999/verwijderen',
    expect: roles('login', 'deny', 'deny', 'hidden', 'hidden'),
    note: 'unknown group: 404 when allowed',
  },

  { route: 'GET /bijeenkomsten', path: () => '/bijeenkomsten', expect: all('ok') },
  { route: 'GET /bijeenkomsten/nieuw', path: () => '/bijeenkomsten/nieuw', expect: curatorsAndAdmins },
  {
    route: 'POST /bijeenkomsten',
    path: () => '/bijeenkomsten',
    body: () => ({ title: '' }),
    expect: curatorsAndAdmins,
    note: 'invalid: 400 when allowed',
  },
  { route: 'GET /bijeenkomsten/:id', path: (i) => `/bijeenkomsten/${i.openMeeting}`, expect: all('ok') },
  {
    route: 'GET /bijeenkomsten/:id',
    path: () => '/bijeenkomsten/999999',
    expect: all('hidden'),
    note: 'unknown meeting',
  },
  {
    route: 'GET /bijeenkomsten/:id/dossier',
    path: (i) => `/bijeenkomsten/${i.openMeeting}/dossier`,
    expect: all('ok'),
  },
  {
    route: 'GET /bijeenkomsten/:id/bewerken',
    path: (i) => `/bijeenkomsten/${i.openMeeting}/bewerken`,
    expect: curatorsAndAdmins,
  },
  {
    route: 'POST /bijeenkomsten/:id',
    path: (i) => `/bijeenkomsten/${i.openMeeting}`,
    body: () => ({ title: '' }),
    expect: curatorsAndAdmins,
  },
  {
    route: 'POST /bijeenkomsten/:id/status',
    path: (i) => `/bijeenkomsten/${i.openMeeting}/status`,
    body: () => ({ to: 'onbekend' }),
    expect: curatorsAndAdmins,
  },
  {
    route: 'GET /bijeenkomsten/:id/voordrachten',
    path: (i) => `/bijeenkomsten/${i.openMeeting}/voordrachten`,
    expect: curatorsAndAdmins,
  },
  {
    route: 'POST /bijeenkomsten/:id/voordrachten',
    path: (i) => `/bijeenkomsten/${i.openMeeting}/voordrachten`,
    body: (i) => ({ caseId: i.ownCase, motivation: 'Past goed.' }),
    expect: all('ok'),
    note: "the practitioner's organisation's case (the second try is a 409)",
  },
  {
    route: 'POST /bijeenkomsten/:id/voordrachten',
    path: (i) => `/bijeenkomsten/${i.openMeeting}/voordrachten`,
    body: (i) => ({ caseId: i.caseToNominate, motivation: 'Past goed.' }),
    expect: roles('login', 'deny', 'deny', 'ok', 'ok'),
    note: "another organisation's case",
  },
  {
    route: 'POST /bijeenkomsten/:id/agenda',
    path: (i) => `/bijeenkomsten/${i.openMeeting}/agenda`,
    body: () => ({ agendaVersion: '1', move: 'x' }),
    expect: curatorsAndAdmins,
  },
  {
    route: 'POST /bijeenkomsten/:id/aanmelding',
    path: (i) => `/bijeenkomsten/${i.openMeeting}/aanmelding`,
    body: () => ({ guestName: 'Gast', guestOrganization: 'Gemeente', guestEmail: 'geen-adres' }),
    expect: all('ok'),
    note: 'every member signs themself up (invalid guest: 400)',
  },
  {
    route: 'POST /bijeenkomsten/:id/aanmelding/annuleren',
    path: (i) => `/bijeenkomsten/${i.openMeeting}/aanmelding/annuleren`,
    expect: all('hidden'),
    note: 'only their own sign-up: none here, 404',
  },
  {
    route: 'GET /bijeenkomsten/:id/agenda.ics',
    path: (i) => `/bijeenkomsten/${i.openMeeting}/agenda.ics`,
    expect: all('ok'),
  },
  {
    route: 'GET /api/bijeenkomsten/:id',
    path: (i) => `/api/bijeenkomsten/${i.openMeeting}`,
    expect: all('ok'),
  },
  {
    route: 'POST /api/bijeenkomsten/:id/aanmeldingen',
    path: (i) => `/api/bijeenkomsten/${i.openMeeting}/aanmeldingen`,
    body: () => ({ guestName: 'x' }),
    expect: all('ok'),
    note: 'a form body is no guest list: signs up without guests',
  },
  {
    route: 'DELETE /api/bijeenkomsten/:id/aanmeldingen/mijn',
    path: (i) => `/api/bijeenkomsten/${i.openMeeting}/aanmeldingen/mijn`,
    expect: all('ok'),
    note: 'cancels the sign-up made in the row above',
  },
  {
    route: 'GET /bijeenkomsten/:id/aanmeldingen',
    path: (i) => `/bijeenkomsten/${i.openMeeting}/aanmeldingen`,
    expect: curatorsAndAdmins,
  },
  {
    route: 'GET /bijeenkomsten/:id/aanmeldingen.csv',
    path: (i) => `/bijeenkomsten/${i.openMeeting}/aanmeldingen.csv`,
    expect: curatorsAndAdmins,
  },
  {
    route: 'POST /bijeenkomsten/:id/aanwezigheid',
    path: (i) => `/bijeenkomsten/${i.openMeeting}/aanwezigheid`,
    expect: curatorsAndAdmins,
  },
  {
    route: 'GET /bijeenkomsten/:id/programma',
    path: (i) => `/bijeenkomsten/${i.openMeeting}/programma`,
    expect: curatorsAndAdmins,
  },
  {
    route: 'POST /bijeenkomsten/:id/programma',
    path: (i) => `/bijeenkomsten/${i.openMeeting}/programma`,
    body: () => ({ slotStart: '25:00', slotTitle: 'x' }),
    expect: curatorsAndAdmins,
    note: 'invalid time: 400 when allowed',
  },
  {
    route: 'GET /bijeenkomsten/:id/verslag',
    path: (i) => `/bijeenkomsten/${i.openMeeting}/verslag`,
    expect: roles('login', 'hidden', 'hidden', 'ok', 'ok'),
    note: 'no verslag yet: the kerngroep sees the page to write it',
  },
  {
    route: 'GET /bijeenkomsten/:id/verslag/bewerken',
    path: (i) => `/bijeenkomsten/${i.openMeeting}/verslag/bewerken`,
    expect: curatorsAndAdmins,
  },
  {
    route: 'POST /bijeenkomsten/:id/verslag',
    path: (i) => `/bijeenkomsten/${i.openMeeting}/verslag`,
    body: () => ({ body: 'Verslag' }),
    expect: curatorsAndAdmins,
    note: 'meeting not held: 409 when allowed',
  },
  {
    route: 'POST /bijeenkomsten/:id/verslag/bijlagen',
    path: (i) => `/bijeenkomsten/${i.openMeeting}/verslag/bijlagen`,
    expect: curatorsAndAdmins,
    note: 'meeting not held: 409 when allowed',
  },
  {
    route: 'GET /bijeenkomsten/:id/dossier.css',
    path: (i) => `/bijeenkomsten/${i.openMeeting}/dossier.css`,
    expect: all('ok'),
  },
  {
    route: 'POST /voordrachten/:id/besluit',
    path: (i) => `/voordrachten/${i.strangerNomination}/besluit`,
    body: () => ({ decision: 'geen' }),
    expect: curatorsAndAdmins,
    note: "another organisation's nomination",
  },
  {
    route: 'POST /bijeenkomsten/:id/besluiten',
    path: (i) => `/bijeenkomsten/${i.openMeeting}/besluiten`,
    body: () => ({}),
    expect: curatorsAndAdmins,
    note: 'nothing chosen: 400 when allowed',
  },
  {
    route: 'POST /voordrachten/:id/gepresenteerd',
    path: (i) => `/voordrachten/${i.strangerNomination}/gepresenteerd`,
    expect: curatorsAndAdmins,
    note: 'meeting not held: 409 when allowed',
  },
  {
    route: 'POST /casussen/:id/reflecties',
    path: (i) => `/casussen/${i.otherCase}/reflecties`,
    body: () => ({ body: 'Een reflectie.' }),
    expect: roles('login', 'deny', 'ok', 'deny', 'ok'),
  },
  {
    route: 'POST /casussen/:id/reflecties',
    path: (i) => `/casussen/${i.otherDraft}/reflecties`,
    body: () => ({ body: 'Een reflectie.' }),
    expect: roles('login', 'hidden', 'hidden', 'hidden', 'deny'),
    note: "someone else's draft",
  },
  {
    route: 'GET /reflecties/:id/bewerken',
    path: (i) => `/reflecties/${i.othersReflection}/bewerken`,
    expect: roles('login', 'deny', 'deny', 'deny', 'deny'),
    note: "someone else's reflection (IDOR)",
  },
  {
    route: 'GET /reflecties/:id/bewerken',
    path: (i) => `/reflecties/${i.expertsReflection}/bewerken`,
    expect: roles('login', 'deny', 'ok', 'deny', 'deny'),
    note: "the expert's own reflection",
  },
  {
    route: 'POST /reflecties/:id',
    path: (i) => `/reflecties/${i.othersReflection}`,
    body: () => ({ body: 'Overschreven.' }),
    expect: roles('login', 'deny', 'deny', 'deny', 'deny'),
    note: "someone else's reflection (IDOR)",
  },
  {
    route: 'POST /reflecties/:id/intrekken',
    path: (i) => `/reflecties/${i.othersReflection}/intrekken`,
    expect: roles('login', 'deny', 'deny', 'deny', 'deny'),
    note: "someone else's reflection (IDOR)",
  },
  {
    route: 'POST /casussen/:id/reacties',
    path: (i) => `/casussen/${i.otherCase}/reacties`,
    body: () => ({ body: 'Wij doen het zo.' }),
    expect: all('ok'),
  },
  {
    route: 'POST /casussen/:id/reacties',
    path: (i) => `/casussen/${i.otherDraft}/reacties`,
    body: () => ({ body: 'Wij doen het zo.' }),
    expect: roles('login', 'hidden', 'hidden', 'hidden', 'deny'),
    note: "someone else's draft: nobody reacts",
  },
  {
    route: 'POST /casussen/:id/reacties',
    path: (i) => `/casussen/${i.archivedCase}/reacties`,
    body: () => ({ body: 'Wij doen het zo.' }),
    expect: all('deny'),
    note: 'an archived case',
  },
  {
    route: 'POST /api/cases/:id/reacties',
    path: (i) => `/api/cases/${i.otherCase}/reacties`,
    body: () => ({ body: 'Via de API.' }),
    expect: all('ok'),
  },
  {
    route: 'GET /reacties/:id/bewerken',
    path: (i) => `/reacties/${i.othersReaction}/bewerken`,
    expect: all('deny'),
    note: "someone else's reaction (IDOR)",
  },
  {
    route: 'GET /reacties/:id/bewerken',
    path: (i) => `/reacties/${i.practitionersReaction}/bewerken`,
    expect: roles('login', 'ok', 'deny', 'deny', 'deny'),
    note: "the practitioner's own reaction",
  },
  {
    route: 'POST /reacties/:id',
    path: (i) => `/reacties/${i.othersReaction}`,
    body: () => ({ body: 'Overschreven.' }),
    expect: all('deny'),
    note: "someone else's reaction (IDOR)",
  },
  {
    route: 'POST /reacties/:id/verwijderen',
    path: (i) => `/reacties/${i.othersReaction}/verwijderen`,
    expect: all('deny'),
    note: "someone else's reaction (IDOR)",
  },
  {
    route: 'POST /reacties/:id/hielp',
    path: (i) => `/reacties/${i.reactionOnOwnCase}/hielp`,
    body: () => ({ hielp: 'ja' }),
    expect: roles('login', 'ok', 'deny', 'deny', 'deny'),
    note: "only the case's author marks",
  },
  {
    route: 'POST /reacties/:id/melden',
    path: (i) => `/reacties/${i.othersReaction}/melden`,
    body: () => ({ reason: 'Niet netjes.' }),
    expect: all('ok'),
  },
  {
    route: 'POST /reacties/:id/verbergen',
    path: (i) => `/reacties/${i.othersReaction}/verbergen`,
    body: () => ({ reason: '' }),
    expect: curatorsAndAdmins,
    note: 'no reason: 400 when allowed',
  },
  {
    route: 'POST /reacties/:id/meldingen-afhandelen',
    path: (i) => `/reacties/${i.othersReaction}/meldingen-afhandelen`,
    expect: curatorsAndAdmins,
  },
  { route: 'GET /beheer/reacties', path: () => '/beheer/reacties', expect: curatorsAndAdmins },
  {
    route: 'POST /casussen/:id/volgen',
    path: (i) => `/casussen/${i.otherCase}/volgen`,
    body: () => ({ volgen: 'ja' }),
    expect: all('ok'),
  },
  {
    route: 'POST /casussen/:id/volgen',
    path: (i) => `/casussen/${i.otherDraft}/volgen`,
    body: () => ({ volgen: 'ja' }),
    expect: roles('login', 'hidden', 'hidden', 'hidden', 'deny'),
    note: "someone else's draft",
  },
  { route: 'GET /meldingen', path: () => '/meldingen', expect: all('ok') },
  { route: 'POST /meldingen/gelezen', path: () => '/meldingen/gelezen', expect: all('ok') },
  { route: 'GET /volg', path: () => '/volg', expect: all('ok') },
  {
    route: 'POST /volg',
    path: () => '/volg',
    body: () => ({ kind: 'theme', value: 'incasso' }),
    expect: all('ok'),
  },
  {
    route: 'POST /volg/:id/verwijderen',
    path: (i) => `/volg/${i.strangerFollow}/verwijderen`,
    expect: all('hidden'),
    note: "someone else's follow",
  },
  { route: 'GET /api/volg', path: () => '/api/volg', expect: all('ok') },
  {
    route: 'POST /api/volg',
    path: () => '/api/volg',
    body: () => ({ kind: 'role', value: 'verhuurder' }),
    expect: all('ok'),
  },
  {
    route: 'DELETE /api/volg/:id',
    path: (i) => `/api/volg/${i.strangerFollow}`,
    expect: all('hidden'),
    note: "someone else's follow",
  },
  { route: 'GET /api/meldingen', path: () => '/api/meldingen', expect: all('ok') },
  { route: 'GET /instellingen/meldingen', path: () => '/instellingen/meldingen', expect: all('ok') },
  {
    route: 'POST /instellingen/meldingen',
    path: () => '/instellingen/meldingen',
    body: () => ({ email: 'weekly' }),
    expect: all('ok'),
  },
  {
    route: 'GET /afmelden/:token',
    path: () => '/afmelden/ongeldig',
    expect: all('ok', 'ok'),
    note: 'public: the signed link decides (400 when forged)',
  },
  {
    route: 'POST /afmelden/:token',
    path: () => '/afmelden/ongeldig',
    expect: all('ok', 'ok'),
    note: 'public: the signed link decides (400 when forged)',
  },
  { route: 'GET /beheer/e-mail', path: () => '/beheer/e-mail', expect: adminsOnly },
];

let ctx: TestContext;
const users = {} as Record<Exclude<Who, 'anon'>, TestUser>;
const agents = {} as Record<Who, request.Agent>;
const csrf = {} as Record<Who, string>;
let ids: Ids;

beforeAll(async () => {
  ctx = await createTestApp();
  const ds = ctx.db.dataSource;
  const orgA = await buildOrganization(ds);
  const orgB = await buildOrganization(ds);
  users.practitioner = await buildUser(ds, { roles: ['practitioner'], organizationId: orgA.id });
  users.expert = await buildUser(ds, { roles: ['expert'], organizationId: orgA.id });
  users.curator = await buildUser(ds, { roles: ['curator'], organizationId: orgA.id });
  users.admin = await buildUser(ds, { roles: ['admin'], organizationId: orgA.id });
  const stranger = await buildUser(ds, { organizationId: orgB.id });
  ids = {
    ownCase: await buildCase(ds, users.practitioner),
    otherCase: await buildCase(ds, stranger),
    otherDraft: await buildCase(ds, stranger, { status: 'draft' }),
    // Rows that change state get objects of their own, so no row changes what another row sees.
    draftToPublish: await buildCase(ds, stranger, { status: 'draft' }),
    caseToArchive: await buildCase(ds, stranger),
    targetUser: stranger.id,
    targetOrganization: orgB.id,
    targetTheme: (await ds.query(`SELECT id FROM themes WHERE slug = 'onderhoud'`))[0].id,
    caseToNominate: await buildCase(ds, stranger),
    targetThesaurusGroup: (await ds.query(`SELECT id FROM thesaurus_groups ORDER BY id LIMIT 1`))[0].id,
    strangerFollow: (
      await ds.query(
        `INSERT INTO follows (user_id, kind, value, label) VALUES ($1, 'theme', 'incasso', 'Incasso') RETURNING id`,
        [stranger.id],
      )
    )[0].id,
  };
  // A meeting open for nominations, with a nomination of another organisation's case in it.
  const [meeting] = await ds.query(
    `INSERT INTO meetings (title, starts_at, nomination_deadline, status) VALUES ('Open bijeenkomst', now() + interval '30 days', now() + interval '10 days', 'nominations_open') RETURNING id`,
  );
  ids.openMeeting = meeting.id;
  const [nomination] = await ds.query(
    `INSERT INTO nominations (meeting_id, case_id, nominated_by_id, motivation) VALUES ($1, $2, $3, 'Van een ander') RETURNING id`,
    [meeting.id, ids.otherCase, stranger.id],
  );
  ids.strangerNomination = nomination.id;
  const [confirmation] = await ds.query(
    `INSERT INTO privacy_confirmations (case_id, confirmed_by_id, findings) VALUES ($1, $2, '[{"kind":"naam","text":"mevrouw Jansen","where":"Aanleiding"}]') RETURNING id`,
    [ids.otherCase, stranger.id],
  );
  ids.privacyConfirmation = confirmation.id;
  // Reflections: one by an expert of another organisation, one by the table's own expert.
  const otherExpert = await buildUser(ds, { roles: ['expert'], organizationId: orgB.id });
  const reflect = async (authorId: number) =>
    (
      await ds.query(
        `INSERT INTO reflections (case_id, author_id, body) VALUES ($1, $2, 'Een reflectie') RETURNING id`,
        [ids.otherCase, authorId],
      )
    )[0].id;
  ids.othersReflection = await reflect(otherExpert.id);
  ids.expertsReflection = await reflect(users.expert.id);
  // Reactions: the stranger's and the practitioner's on another case, the stranger's on the practitioner's case.
  ids.archivedCase = await buildCase(ds, stranger, { status: 'archived' });
  const react = async (caseId: number, authorId: number) =>
    (
      await ds.query(
        `INSERT INTO reactions (case_id, author_id, body) VALUES ($1, $2, 'Een reactie') RETURNING id`,
        [caseId, authorId],
      )
    )[0].id;
  ids.othersReaction = await react(ids.otherCase, stranger.id);
  ids.practitionersReaction = await react(ids.otherCase, users.practitioner.id);
  ids.reactionOnOwnCase = await react(ids.ownCase, stranger.id);
  // The stranger attaches a file to each of their cases, through the real upload.
  const strangerAgent = request.agent(ctx.app);
  await loginAs(strangerAgent, stranger);
  const token = csrfFrom((await strangerAgent.get('/account')).text);
  for (const key of ['otherCase', 'otherDraft'] as const) {
    await strangerAgent
      .post(`/casussen/${ids[key]}/bijlagen`)
      .set('x-csrf-token', token)
      .attach('bijlagen', PNG, 'foto.png')
      .expect(303);
    const [row] = await ds.query(`SELECT id FROM attachments WHERE case_id = $1`, [ids[key]]);
    ids[`${key}Attachment`] = row.id;
  }
  for (const who of ['anon', 'practitioner', 'expert', 'curator', 'admin'] as Who[]) {
    agents[who] = request.agent(ctx.app);
    if (who !== 'anon') await loginAs(agents[who], users[who]);
    const page = await agents[who].get(who === 'anon' ? '/inloggen' : '/account');
    csrf[who] = csrfFrom(page.text);
  }
});
afterAll(() => ctx.close());

function outcomeOf(res: request.Response, method: string, path: string): Outcome {
  if (res.status === 403) return 'deny';
  if (res.status === 404) return 'hidden';
  if (res.status === 401) return 'login';
  const publicPath = ['/inloggen', '/uitloggen', '/uitnodiging'].some((p) => path.startsWith(p));
  if (res.status === 303 && String(res.headers.location).startsWith('/inloggen') && !publicPath) {
    return 'login';
  }
  if (res.status < 500) return 'ok';
  throw new Error(`${method} ${path} → ${res.status}: ${res.text.slice(0, 500)}`);
}

describe('permission table', () => {
  const cases = permissionRows.flatMap((row) =>
    (['anon', 'practitioner', 'expert', 'curator', 'admin'] as Who[]).map(
      (who) => [row.route + (row.note ? ` (${row.note})` : ''), who, row] as const,
    ),
  );
  it.each(cases)('%s as %s', async (_name, who, row) => {
    const [method] = row.route.split(' ');
    const path = row.path(ids);
    // Sign-out ends the session: give each such request an agent of its own.
    let agent = agents[who];
    let token = csrf[who];
    if (row.route === 'POST /uitloggen') {
      agent = request.agent(ctx.app);
      if (who !== 'anon') await loginAs(agent, users[who]);
      token = csrfFrom((await agent.get(who === 'anon' ? '/inloggen' : '/account')).text);
    }
    const res =
      method === 'GET'
        ? await agent.get(path)
        : method === 'DELETE'
          ? await agent.delete(path).set('x-csrf-token', token)
          : await agent
              .post(path)
              .type('form')
              .send({ ...(row.body?.(ids) ?? {}), _csrf: token });
    expect(outcomeOf(res, method, path)).toBe(row.expect[who]);
  });

  it('covers every route of the app', () => {
    const covered = new Set(permissionRows.map((r) => r.route));
    const missing = [...routeRegistry.keys()].filter((r) => !covered.has(r));
    expect(missing).toEqual([]);
  });
});
