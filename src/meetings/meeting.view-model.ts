import { renderMarkdown } from '../cases/markdown';
import {
  CORPORATION_ROLE_LABELS,
  MEETING_STATUS_LABELS,
  type MeetingStatus,
  type NominationStatus,
} from '../domain';
import { can, type Viewer } from '../policy';
import { meetingWhen, toLocalParts } from './meeting-time';
import type { MeetingRecord, NominationRow } from './meetings.queries';

export const NOMINATION_STATUS_LABELS: Record<NominationStatus, string> = {
  pending: 'In behandeling',
  selected: 'Geselecteerd',
  not_selected: 'Niet geselecteerd',
};

/** The buttons a curator sees for each status, in the order of the meeting's life. */
const STATUS_ACTIONS: Record<
  MeetingStatus,
  Array<{ to: MeetingStatus; label: string; primary?: boolean }>
> = {
  planned: [{ to: 'nominations_open', label: 'Voordrachten openen', primary: true }],
  nominations_open: [
    { to: 'agenda_set', label: 'Agenda vaststellen en deelnemers informeren', primary: true },
    { to: 'planned', label: 'Voordrachten sluiten' },
  ],
  agenda_set: [
    { to: 'held', label: 'Markeren als gehouden', primary: true },
    { to: 'nominations_open', label: 'Agenda heropenen' },
  ],
  held: [],
};

/** Street, postcode and city, as far as they are known. */
export function fullAddress(m: Pick<MeetingRecord, 'locationAddress' | 'locationPostcode' | 'locationCity'>) {
  const place = [m.locationPostcode, m.locationCity].filter(Boolean).join(' ');
  return [m.locationAddress, place].filter(Boolean).join(', ');
}

/** A meeting as every page shows it, with the viewer's permissions precomputed. */
export function meetingView(m: MeetingRecord, viewer: Viewer, now = new Date()) {
  const manage = can(viewer, 'meeting:manage');
  const deadlinePassed =
    m.nominationDeadline !== null && new Date(m.nominationDeadline).getTime() < now.getTime();
  return {
    id: m.id,
    title: m.title,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    /** "30 maart 2027 om 14:00 tot 17:00", in Amsterdam time. */
    when: meetingWhen(m.startsAt, m.endsAt),
    locationName: m.locationName,
    locationAddress: m.locationAddress,
    locationPostcode: m.locationPostcode,
    locationCity: m.locationCity,
    /** The whole address on one line, as a route planner wants it. */
    fullAddress: fullAddress(m),
    /** A plain link to OpenStreetMap's search (no map script on our pages). */
    routeUrl: fullAddress(m)
      ? `https://www.openstreetmap.org/search?query=${encodeURIComponent(fullAddress(m))}`
      : null,
    signupDeadline: m.signupDeadline,
    hostOrganizationName: m.hostOrganizationName,
    descriptionHtml: renderMarkdown(m.description),
    focusRole: m.focusRole ? { value: m.focusRole, label: CORPORATION_ROLE_LABELS[m.focusRole] } : null,
    nominationDeadline: m.nominationDeadline,
    status: m.status,
    statusLabel: MEETING_STATUS_LABELS[m.status],
    agendaVersion: m.agendaVersion,
    themes: m.themes,
    experts: m.experts,
    /** Members see the agenda once it is set; the kerngroep sees it while it takes shape. */
    agendaPublic: m.status === 'agenda_set' || m.status === 'held',
    nominationsOpen: m.status === 'nominations_open' && !deadlinePassed,
    deadlinePassed,
    can: {
      manage,
      decide: can(viewer, 'nomination:decide'),
      statusActions: manage ? STATUS_ACTIONS[m.status] : [],
    },
  };
}
export type MeetingView = ReturnType<typeof meetingView>;

/** A nomination row with labels for the templates. */
export function nominationView(n: NominationRow) {
  return {
    ...n,
    statusLabel: NOMINATION_STATUS_LABELS[n.status],
    roleLabels: n.caseRoles.map((r) => CORPORATION_ROLE_LABELS[r]),
  };
}

/** The meeting form's values from a stored meeting (local date and times). */
export function meetingFormValues(m: MeetingRecord) {
  const start = toLocalParts(new Date(m.startsAt));
  return {
    title: m.title,
    date: start.date,
    startTime: start.time,
    endTime: m.endsAt ? toLocalParts(new Date(m.endsAt)).time : '',
    locationName: m.locationName,
    locationAddress: m.locationAddress,
    hostOrganizationId: m.hostOrganizationId ?? '',
    themes: m.themes.map((t) => t.slug),
    focusRole: m.focusRole ?? '',
    description: m.description,
    experts: m.experts.map((e) => String(e.id)),
    nominationDeadline: m.nominationDeadline ? toLocalParts(new Date(m.nominationDeadline)).date : '',
    locationPostcode: m.locationPostcode,
    locationCity: m.locationCity,
    capacity: m.capacity ?? '',
    maxGuestsPerOrganization: m.maxGuestsPerOrganization,
    nonMemberSeats: m.nonMemberSeats ?? '',
    signupDeadline: m.signupDeadline ? toLocalParts(new Date(m.signupDeadline)).date : '',
  };
}
