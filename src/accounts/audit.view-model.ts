import type { AuditRow } from './admin.queries';

/** What each action reads as after the actor's name ("… stelde de agenda vast van"), then the subject. */
const ACTIONS: Record<string, string> = {
  'login.succeeded': 'logde in',
  'login.failed': 'probeerde in te loggen met een verkeerd wachtwoord',
  'login.locked': 'werd tijdelijk geblokkeerd na mislukte inlogpogingen',
  'login.refused_locked': 'probeerde in te loggen terwijl inloggen geblokkeerd was',
  'user.created': 'maakte het account aan van',
  'user.invited': 'nodigde uit:',
  'user.updated': 'wijzigde het account van',
  'user.deactivated': 'deactiveerde het account van',
  'user.reactivated': 'activeerde opnieuw het account van',
  'user.password_reset_issued': 'maakte een wachtwoordlink voor',
  'user.password_set': 'stelde een wachtwoord in voor',
  'user.password_changed': 'wijzigde het wachtwoord van',
  'user.password_change_refused_locked': 'kon het wachtwoord niet wijzigen (geblokkeerd) van',
  'user.totp_enabled': 'zette tweestapsverificatie aan voor',
  'user.totp_reset': 'zette tweestapsverificatie uit voor',
  'organization.created': 'voegde de organisatie toe',
  'organization.updated': 'wijzigde de organisatie',
  'theme.created': 'voegde het thema toe',
  'theme.renamed': 'hernoemde het thema',
  'theme.merged': 'voegde een thema samen met',
  'thesaurus.created': 'maakte de thesaurusgroep',
  'thesaurus.updated': 'wijzigde de thesaurusgroep',
  'thesaurus.deleted': 'verwijderde de thesaurusgroep',
  'case.presented': 'legde vast dat deze casus gepresenteerd is:',
  'case.outcome_recorded': 'legde de uitkomst vast van',
  'meeting.created': 'maakte de bijeenkomst',
  'meeting.updated': 'wijzigde de bijeenkomst',
  'meeting.status_changed': 'wijzigde de status van',
  'meeting.agenda_set': 'stelde de agenda vast van',
  'meeting.agenda_changed': 'wijzigde de agenda van',
  'meeting.programme_changed': 'wijzigde het programma van',
  'meeting.attendance_recorded': 'legde de aanwezigheid vast bij',
  'meeting.report_saved': 'sloeg het verslag op van',
  'nomination.created': 'droeg een casus voor voor',
  'nomination.decided': 'besliste over een voordracht voor',
  'reflection.created': 'schreef een reflectie bij',
  'reflection.updated': 'bewerkte een reflectie bij',
  'reflection.withdrawn': 'trok een reflectie in bij',
  'reaction.created': 'reageerde op',
  'reaction.updated': 'bewerkte een reactie bij',
  'reaction.deleted': 'verwijderde een reactie bij',
  'reaction.hidden': 'verborg een reactie bij',
  'reaction.reported': 'meldde een reactie bij',
  'reaction.reports_dismissed': 'wees meldingen af over een reactie bij',
  'reaction.marked_helpful': 'markeerde een reactie als behulpzaam bij',
  'reaction.unmarked_helpful': 'haalde “dit hielp mij” weg bij',
  'signup.created': 'meldde zich aan voor',
  'signup.cancelled': 'meldde zich af voor',
  'signup.guests_changed': 'wijzigde de gasten voor',
};

const SUBJECTS: Record<string, { noun: string; href?: (id: string) => string }> = {
  user: { noun: 'gebruiker', href: (id) => `/beheer/gebruikers/${id}` },
  case: { noun: 'casus', href: (id) => `/casussen/${id}` },
  meeting: { noun: 'bijeenkomst', href: (id) => `/bijeenkomsten/${id}` },
  organization: { noun: 'organisatie', href: () => '/beheer/organisaties' },
  theme: { noun: 'thema', href: () => '/beheer/themas' },
  thesaurus_group: { noun: 'thesaurusgroep', href: (id) => `/beheer/thesaurus/${id}` },
};

export const DETAIL_LABELS: Record<string, string> = {
  email: 'e-mailadres',
  name: 'naam',
  roles: 'rollen',
  slug: 'code',
  from: 'van',
  to: 'naar',
  status: 'status',
  reason: 'reden',
  source: 'bron',
  count: 'aantal',
  into: 'samengevoegd in',
  kind: 'soort',
  kinds: 'soorten',
  kindBefore: 'soort daarvoor',
  title: 'titel',
  terms: 'termen',
  note: 'notitie',
  nameBefore: 'naam daarvoor',
  rolesBefore: 'rollen daarvoor',
  guests: 'gasten',
  cases: 'casussen',
  body: 'tekst',
  previousBody: 'vorige tekst',
  before: 'daarvoor',
  after: 'daarna',
  was: 'was',
  slots: 'programmaonderdelen',
  reports: 'meldingen',
  removalAfter: 'verwijderen na',
  outcome: 'uitkomst',
  outcomes: 'uitkomsten',
  order: 'volgorde',
  minutes: 'minuten',
  members: 'leden',
  attempt: 'poging',
  decision: 'besluit',
  feedback: 'toelichting',
  position: 'plaats',
  scope: 'bereik',
  caseId: 'casus nr.',
  meetingId: 'bijeenkomst nr.',
  nominationId: 'voordracht nr.',
  reflectionId: 'reflectie nr.',
  reactionId: 'reactie nr.',
  organizationId: 'organisatie nr.',
  authorId: 'auteur nr.',
  attachmentId: 'bijlage nr.',
  confirmationId: 'bevestiging nr.',
  parentId: 'antwoord op nr.',
  id: 'nr.',
  method: 'methode',
  mode: 'wijze',
  promoted: 'van de wachtlijst',
  reflections: 'reflecties',
  retentionMonths: 'bewaartermijn (maanden)',
  removalMonths: 'verwijderen na (maanden)',
};

/** Values that are codes, in words (the kerngroep's decisions). */
const DETAIL_VALUES: Record<string, string> = {
  selected: 'geselecteerd',
  not_selected: 'niet geselecteerd',
};

/** The action as words (the code itself when it has none yet, so nothing is ever hidden). */
export function actionText(action: string): string {
  return ACTIONS[action] ?? action;
}

/** One audit event as a sentence with a link to its subject and its details as a short list. */
export function auditEventView(e: AuditRow) {
  const subject = e.subjectType ? SUBJECTS[e.subjectType] : undefined;
  const deleted = e.action.endsWith('.deleted');
  const subjectLabel = e.subjectType
    ? (e.subjectName ?? `${subject?.noun ?? e.subjectType} ${e.subjectId ?? ''}`.trim())
    : null;
  return {
    at: e.at,
    ip: e.ip,
    action: e.action,
    actor: e.actorName ?? 'Het systeem',
    actorEmail: e.actorEmail,
    text: actionText(e.action),
    subject: subjectLabel
      ? {
          label: subjectLabel,
          href: subject?.href && e.subjectId && !deleted ? subject.href(e.subjectId) : null,
        }
      : null,
    details: Object.entries(e.details ?? {}).map(([key, value]) => ({
      label: DETAIL_LABELS[key] ?? key,
      value: Array.isArray(value)
        ? value.join(', ')
        : typeof value === 'object' && value !== null
          ? JSON.stringify(value)
          : (DETAIL_VALUES[String(value)] ?? String(value)),
    })),
  };
}

/** The same events as CSV for an auditor: one line each, the sentence and the raw code both. */
export function auditCsv(rows: AuditRow[]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    // Quoted, and a leading = + - @ defused so a spreadsheet never runs it as a formula.
    return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
  };
  const header = ['tijd', 'door', 'e-mailadres', 'wat', 'onderwerp', 'actiecode', 'ip-adres', 'details'];
  const lines = rows.map((e) => {
    const v = auditEventView(e);
    return [
      new Date(e.at).toISOString(),
      v.actor,
      v.actorEmail,
      v.text,
      v.subject?.label,
      e.action,
      e.ip,
      v.details.map((d) => `${d.label}: ${d.value}`).join('; '),
    ]
      .map(cell)
      .join(',');
  });
  return [header.map(cell).join(','), ...lines].join('\r\n') + '\r\n';
}
