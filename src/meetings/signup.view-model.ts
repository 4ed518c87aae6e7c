import { can, type Viewer } from '../policy';
import type { MeetingRecord, ProgrammeItem } from './meetings.queries';
import type { SeatUsage, SignupRow, SignupStatus } from './signups.queries';

export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = {
  aangemeld: 'Aangemeld',
  wachtlijst: 'Op de wachtlijst',
  geannuleerd: 'Afgemeld',
};

/** Why signing up (and cancelling) is closed, or null while it is open. */
export function signupClosedReason(m: MeetingRecord, now = new Date()): string | null {
  if (m.status === 'held' || new Date(m.startsAt).getTime() <= now.getTime())
    return 'Deze bijeenkomst is al gehouden; aanmelden en afmelden kan niet meer.';
  if (m.signupDeadline && new Date(m.signupDeadline).getTime() < now.getTime())
    return 'Aanmelden en afmelden is gesloten. Neem contact op met de kerngroep als u toch wilt komen of niet kunt.';
  return null;
}

type Mine = (SignupRow & { waitingPosition: number | null }) | null;

/** The sign-up block of the meeting page: seats, the viewer's own sign-up, and what they may do. */
export function signupView(m: MeetingRecord, usage: SeatUsage, mine: Mine, viewer: Viewer, now = new Date()) {
  const closed = signupClosedReason(m, now);
  const active = mine && mine.status !== 'geannuleerd' ? mine : null;
  const placesLeft = m.capacity === null ? null : Math.max(m.capacity - usage.taken, 0);
  return {
    capacity: m.capacity,
    placesLeft,
    full: placesLeft === 0,
    waiting: usage.waiting,
    maxGuestsPerOrganization: m.maxGuestsPerOrganization,
    nonMemberSeats: m.nonMemberSeats,
    signupDeadline: m.signupDeadline,
    closedReason: closed,
    mine: active && {
      status: active.status,
      statusLabel: SIGNUP_STATUS_LABELS[active.status],
      waitingPosition: active.waitingPosition,
      guests: active.guests,
    },
    can: {
      signUp: !closed && can(viewer, 'meeting:signup'),
      manage: can(viewer, 'meeting:manage'),
    },
    /** Guest rows in the form: as many as the organisation may bring, at least the ones already there. */
    guestRows: Math.max(m.maxGuestsPerOrganization, active?.guests.length ?? 0),
  };
}
export type SignupView = ReturnType<typeof signupView>;

/** GET /api/bijeenkomsten/:id: the meeting, its programme, the seats and the member's own sign-up. */
export function meetingApiView(
  m: MeetingRecord,
  programme: ProgrammeItem[],
  usage: SeatUsage,
  mine: Mine,
  view: { fullAddress: string; routeUrl: string | null },
) {
  const active = mine && mine.status !== 'geannuleerd' ? mine : null;
  return {
    meeting: {
      id: m.id,
      title: m.title,
      status: m.status,
      startsAt: new Date(m.startsAt).toISOString(),
      endsAt: m.endsAt ? new Date(m.endsAt).toISOString() : null,
      timeZone: 'Europe/Amsterdam',
      location: {
        name: m.locationName,
        address: m.locationAddress,
        postcode: m.locationPostcode,
        city: m.locationCity,
        full: view.fullAddress,
        routeUrl: view.routeUrl,
      },
      signupDeadline: m.signupDeadline ? new Date(m.signupDeadline).toISOString() : null,
      calendarUrl: `/bijeenkomsten/${m.id}/agenda.ics`,
    },
    programme: programme.map((p) => ({
      startsAt: p.startsAt,
      endsAt: p.endsAt,
      title: p.title,
      case: p.caseId ? { id: p.caseId, title: p.caseTitle } : null,
      presenter: p.presenterId
        ? { id: p.presenterId, name: p.presenterName, organization: p.presenterOrganization }
        : null,
      expert: p.expertId ? { id: p.expertId, name: p.expertName } : null,
    })),
    capacity: {
      total: m.capacity,
      maxGuestsPerOrganization: m.maxGuestsPerOrganization,
      nonMemberSeats: m.nonMemberSeats,
      taken: usage.taken,
      placesLeft: m.capacity === null ? null : Math.max(m.capacity - usage.taken, 0),
      waitingList: usage.waiting,
    },
    mySignup: active && {
      status: active.status,
      waitingPosition: active.waitingPosition,
      guests: active.guests.map((g) => ({ name: g.name, organization: g.organization, email: g.email })),
    },
  };
}

/** A CSV cell: quoted, and a leading = + - @ defused so a spreadsheet never runs it as a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The attendance list as CSV (semicolons and a BOM, as Dutch spreadsheet programs expect). */
export function attendanceCsv(signups: SignupRow[]): string {
  const presence = (p: boolean | null) => (p === true ? 'aanwezig' : p === false ? 'afwezig' : '');
  const lines = [['Naam', 'Organisatie', 'E-mail', 'Soort', 'Status', 'Aanwezigheid']];
  for (const s of signups) {
    lines.push([
      s.userName,
      s.organizationName,
      s.userEmail,
      'lid',
      SIGNUP_STATUS_LABELS[s.status],
      presence(s.present),
    ]);
    for (const g of s.guests) {
      lines.push([
        g.name,
        g.organization,
        g.email,
        `gast van ${s.userName}${g.nonMember ? ' (geen lid)' : ''}`,
        SIGNUP_STATUS_LABELS[s.status],
        presence(g.present),
      ]);
    }
  }
  return '\uFEFF' + lines.map((l) => l.map(cell).join(';')).join('\r\n') + '\r\n';
}
