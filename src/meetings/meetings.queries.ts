import type { DataSource } from 'typeorm';
import { SqlParams } from '../db/sql';
import { visibilitySql } from '../search/visibility';
import type { CorporationRole, MeetingStatus, NominationStatus } from '../domain';
import type { Viewer } from '../policy';

export interface MeetingRecord {
  id: number;
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  locationName: string;
  locationAddress: string;
  hostOrganizationId: number | null;
  hostOrganizationName: string | null;
  description: string;
  focusRole: CorporationRole | null;
  nominationDeadline: Date | null;
  status: MeetingStatus;
  agendaVersion: number;
  locationPostcode: string;
  locationCity: string;
  /** Seats in total (members and guests); null: no limit. */
  capacity: number | null;
  maxGuestsPerOrganization: number;
  /** Seats for guests of organisations that are not members; null: no separate limit. */
  nonMemberSeats: number | null;
  signupDeadline: Date | null;
  calendarSequence: number;
  themes: Array<{ slug: string; name: string }>;
  experts: Array<{ id: number; name: string; organizationName: string }>;
}

const MEETING_SELECT = `
  SELECT m.id, m.title, m.starts_at AS "startsAt", m.ends_at AS "endsAt", m.location_name AS "locationName",
         m.location_address AS "locationAddress", m.host_organization_id AS "hostOrganizationId", o.name AS "hostOrganizationName",
         m.description, m.focus_role AS "focusRole", m.nomination_deadline AS "nominationDeadline", m.status,
         m.agenda_version AS "agendaVersion", m.location_postcode AS "locationPostcode", m.location_city AS "locationCity",
         m.capacity, m.max_guests_per_organization AS "maxGuestsPerOrganization", m.non_member_seats AS "nonMemberSeats",
         m.signup_deadline AS "signupDeadline", m.calendar_sequence AS "calendarSequence",
         coalesce((SELECT json_agg(json_build_object('slug', t.slug, 'name', t.name) ORDER BY t.name)
                     FROM meeting_themes mt JOIN themes t ON t.id = mt.theme_id WHERE mt.meeting_id = m.id), '[]') AS themes,
         coalesce((SELECT json_agg(json_build_object('id', u.id, 'name', u.name, 'organizationName', uo.name) ORDER BY u.name)
                     FROM meeting_experts me JOIN users u ON u.id = me.user_id JOIN organizations uo ON uo.id = u.organization_id
                    WHERE me.meeting_id = m.id), '[]') AS experts
    FROM meetings m LEFT JOIN organizations o ON o.id = m.host_organization_id`;

export async function findMeeting(ds: DataSource, id: number): Promise<MeetingRecord | null> {
  const [row] = await ds.query(`${MEETING_SELECT} WHERE m.id = $1`, [id]);
  return row ?? null;
}

export interface MeetingListItem {
  id: number;
  title: string;
  startsAt: Date;
  locationName: string;
  status: MeetingStatus;
  themes: string[];
  nominationDeadline: Date | null;
}

/** Upcoming (soonest first) and past (latest first) meetings. */
export async function listMeetings(
  ds: DataSource,
): Promise<{ upcoming: MeetingListItem[]; past: MeetingListItem[] }> {
  const rows: Array<MeetingListItem & { past: boolean }> = await ds.query(
    `SELECT m.id, m.title, m.starts_at AS "startsAt", m.location_name AS "locationName", m.status,
            m.nomination_deadline AS "nominationDeadline",
            coalesce((SELECT array_agg(t.name ORDER BY t.name) FROM meeting_themes mt JOIN themes t ON t.id = mt.theme_id
                       WHERE mt.meeting_id = m.id), '{}') AS themes,
            (m.status = 'held' OR coalesce(m.ends_at, m.starts_at) < now() - interval '12 hours') AS past
       FROM meetings m ORDER BY m.starts_at`,
  );
  return {
    upcoming: rows.filter((r) => !r.past),
    past: rows.filter((r) => r.past).reverse(),
  };
}

export interface NominationRow {
  id: number;
  meetingId: number;
  caseId: number;
  caseTitle: string;
  caseSummary: string;
  caseStatus: string;
  caseRoles: CorporationRole[];
  caseThemes: string[];
  organizationName: string;
  nominatedById: number;
  nominatorName: string;
  motivation: string;
  status: NominationStatus;
  feedback: string;
  agendaPosition: number | null;
  decidedAt: Date | null;
  presentedAt: Date | null;
  createdAt: Date;
}

const NOMINATION_SELECT = `
  SELECT n.id, n.meeting_id AS "meetingId", n.case_id AS "caseId", c.title AS "caseTitle", c.summary AS "caseSummary",
         c.status AS "caseStatus", c.roles AS "caseRoles",
         coalesce((SELECT array_agg(t.name ORDER BY t.name) FROM case_themes ct JOIN themes t ON t.id = ct.theme_id
                    WHERE ct.case_id = c.id), '{}') AS "caseThemes",
         o.name AS "organizationName", n.nominated_by_id AS "nominatedById", u.name AS "nominatorName", n.motivation, n.status,
         n.feedback, n.agenda_position AS "agendaPosition", n.decided_at AS "decidedAt", n.presented_at AS "presentedAt",
         n.created_at AS "createdAt"
    FROM nominations n JOIN cases c ON c.id = n.case_id JOIN organizations o ON o.id = c.organization_id
    JOIN users u ON u.id = n.nominated_by_id`;

/** Every nomination of a meeting (the kerngroep's view): agenda first, then open ones, then the rest. */
export async function meetingNominations(ds: DataSource, meetingId: number): Promise<NominationRow[]> {
  return ds.query(
    `${NOMINATION_SELECT} WHERE n.meeting_id = $1
      ORDER BY CASE n.status WHEN 'selected' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END, n.agenda_position, n.created_at, n.id`,
    [meetingId],
  );
}

/** The viewer's own nominations for a meeting (to see the decision and feedback). */
export async function myNominations(
  ds: DataSource,
  meetingId: number,
  viewer: Viewer,
): Promise<NominationRow[]> {
  return ds.query(
    `${NOMINATION_SELECT} WHERE n.meeting_id = $1 AND n.nominated_by_id = $2 ORDER BY n.created_at`,
    [meetingId, viewer.id],
  );
}

/**
 * The agenda: selected nominations in order, of cases this viewer may read (never a draft; a case
 * of a narrower visibility level only for whom it admits, by the search rule).
 */
export async function agendaOf(ds: DataSource, meetingId: number, viewer: Viewer): Promise<NominationRow[]> {
  const p = new SqlParams(meetingId);
  return ds.query(
    `${NOMINATION_SELECT} WHERE n.meeting_id = $1 AND n.status = 'selected'
        AND ${visibilitySql('c', (v) => p.add(v), viewer, ['published', 'archived'])}
      ORDER BY n.agenda_position NULLS LAST, n.id`,
    p.values,
  );
}

export async function findNomination(ds: DataSource, id: number): Promise<NominationRow | null> {
  const [row] = await ds.query(`${NOMINATION_SELECT} WHERE n.id = $1`, [id]);
  return row ?? null;
}

/** Published cases the viewer may nominate for this meeting: their organisation's, not yet nominated. */
export async function nominatableCases(
  ds: DataSource,
  meetingId: number,
  viewer: Viewer,
): Promise<Array<{ id: number; title: string }>> {
  // Only cases the viewer may read (a colleague's case for the kerngroep alone is not offered).
  const p = new SqlParams(meetingId, viewer.organizationId);
  return ds.query(
    `SELECT c.id, c.title FROM cases c
      WHERE c.status = 'published' AND c.organization_id = $2
        AND ${visibilitySql('c', (v) => p.add(v), viewer, ['published'])}
        AND NOT EXISTS (SELECT 1 FROM nominations n WHERE n.meeting_id = $1 AND n.case_id = c.id)
      ORDER BY c.title LIMIT 500`,
    p.values,
  );
}

/** Meetings open for nominations now (for the "voordragen" form on a case page), minus those this case is already in. */
export async function openMeetingsFor(
  ds: DataSource,
  caseId: number,
): Promise<Array<{ id: number; title: string; startsAt: Date; nominationDeadline: Date | null }>> {
  return ds.query(
    `SELECT m.id, m.title, m.starts_at AS "startsAt", m.nomination_deadline AS "nominationDeadline" FROM meetings m
      WHERE m.status = 'nominations_open' AND (m.nomination_deadline IS NULL OR m.nomination_deadline >= now())
        AND NOT EXISTS (SELECT 1 FROM nominations n WHERE n.meeting_id = m.id AND n.case_id = $1)
      ORDER BY m.starts_at`,
    [caseId],
  );
}

/** Where a case stands in meetings: for the case page ("op de agenda van …", "gepresenteerd op …"). */
export async function caseMeetings(
  ds: DataSource,
  caseId: number,
): Promise<
  Array<{
    nominationId: number;
    meetingId: number;
    meetingTitle: string;
    startsAt: Date;
    meetingStatus: MeetingStatus;
    status: NominationStatus;
    nominatedById: number;
    presentedAt: Date | null;
    feedback: string;
    /** What the meeting learnt from the case ("wat we leerden"), from the verslag. */
    outcome: string;
    hasReport: boolean;
  }>
> {
  return ds.query(
    `SELECT n.id AS "nominationId", m.id AS "meetingId", m.title AS "meetingTitle", m.starts_at AS "startsAt", m.status AS "meetingStatus",
            n.status, n.nominated_by_id AS "nominatedById", n.presented_at AS "presentedAt", n.feedback, n.outcome,
            EXISTS (SELECT 1 FROM meeting_reports r WHERE r.meeting_id = m.id) AS "hasReport"
       FROM nominations n JOIN meetings m ON m.id = n.meeting_id WHERE n.case_id = $1 ORDER BY m.starts_at DESC`,
    [caseId],
  );
}

/** Options for the meeting form. */
export async function meetingFormOptions(ds: DataSource) {
  const [themes, organizations, experts] = await Promise.all([
    ds.query(`SELECT slug, name FROM themes ORDER BY name`),
    ds.query(`SELECT id, name FROM organizations ORDER BY name`),
    ds.query(
      `SELECT u.id, u.name, o.name AS "organizationName" FROM users u JOIN organizations o ON o.id = u.organization_id
        WHERE u.active AND 'expert' = ANY(u.roles) ORDER BY u.name`,
    ),
  ]);
  return { themes, organizations, experts } as {
    themes: Array<{ slug: string; name: string }>;
    organizations: Array<{ id: number; name: string }>;
    experts: Array<{ id: number; name: string; organizationName: string }>;
  };
}

/** Meetings to tie a reflection to: recent and upcoming ones. */
export async function reflectionMeetingOptions(
  ds: DataSource,
): Promise<Array<{ id: number; title: string; startsAt: Date }>> {
  return ds.query(
    `SELECT id, title, starts_at AS "startsAt" FROM meetings WHERE starts_at >= now() - interval '180 days' ORDER BY starts_at DESC LIMIT 50`,
  );
}

export interface ProgrammeItem {
  position: number;
  startsAt: string;
  endsAt: string | null;
  title: string;
  nominationId: number | null;
  caseId: number | null;
  caseTitle: string | null;
  presenterId: number | null;
  presenterName: string | null;
  presenterOrganization: string | null;
  expertId: number | null;
  expertName: string | null;
}

/**
 * The programme in time order, with the agenda case, its presenter and the expert per slot. With a
 * viewer, a case they may not read is left out of its slot (the slot's own title stays).
 */
export async function programmeOf(
  ds: DataSource,
  meetingId: number,
  viewer?: Viewer,
): Promise<ProgrammeItem[]> {
  const p = new SqlParams(meetingId);
  const readable = viewer
    ? `AND ${visibilitySql('c', (v) => p.add(v), viewer, ['published', 'archived'])}`
    : '';
  return ds.query(
    `SELECT p.position, p.starts_at AS "startsAt", p.ends_at AS "endsAt", p.title, p.nomination_id AS "nominationId",
            c.id AS "caseId", c.title AS "caseTitle", p.presenter_id AS "presenterId", pu.name AS "presenterName",
            po.name AS "presenterOrganization", p.expert_id AS "expertId", eu.name AS "expertName"
       FROM meeting_programme_items p
       LEFT JOIN nominations n ON n.id = p.nomination_id AND n.status = 'selected'
       LEFT JOIN cases c ON c.id = n.case_id AND c.status <> 'draft' ${readable}
       LEFT JOIN users pu ON pu.id = p.presenter_id LEFT JOIN organizations po ON po.id = pu.organization_id
       LEFT JOIN users eu ON eu.id = p.expert_id
      WHERE p.meeting_id = $1 ORDER BY p.position`,
    p.values,
  );
}

/** Who may be named on the programme: members of the agenda's organisations and nominators (presenters), experts. */
export async function programmeOptions(ds: DataSource, meetingId: number) {
  const [presenters, experts] = await Promise.all([
    ds.query(
      `SELECT DISTINCT u.id, u.name, o.name AS "organizationName" FROM users u JOIN organizations o ON o.id = u.organization_id
        WHERE u.active AND (u.organization_id IN (SELECT c.organization_id FROM nominations n JOIN cases c ON c.id = n.case_id
                                                 WHERE n.meeting_id = $1 AND n.status = 'selected')
                         OR u.id IN (SELECT nominated_by_id FROM nominations WHERE meeting_id = $1 AND status = 'selected'))
        ORDER BY u.name`,
      [meetingId],
    ),
    ds.query(
      `SELECT u.id, u.name, o.name AS "organizationName" FROM users u JOIN organizations o ON o.id = u.organization_id
        WHERE u.active AND 'expert' = ANY(u.roles) ORDER BY u.name`,
    ),
  ]);
  return { presenters, experts } as {
    presenters: Array<{ id: number; name: string; organizationName: string }>;
    experts: Array<{ id: number; name: string; organizationName: string }>;
  };
}

/** The meeting's verslag, if written. */
export async function reportOf(
  ds: DataSource,
  meetingId: number,
): Promise<{ body: string; authorName: string | null; publishedAt: Date; updatedAt: Date } | null> {
  const [row] = await ds.query(
    `SELECT r.body, u.name AS "authorName", r.published_at AS "publishedAt", r.updated_at AS "updatedAt"
       FROM meeting_reports r LEFT JOIN users u ON u.id = r.author_id WHERE r.meeting_id = $1`,
    [meetingId],
  );
  return row ?? null;
}

/** The presented cases of a meeting with what the meeting learnt from each (never a draft; with a viewer, only those they may read). */
export async function presentedCases(
  ds: DataSource,
  meetingId: number,
  viewer?: Viewer,
): Promise<
  Array<{
    nominationId: number;
    caseId: number;
    caseTitle: string;
    organizationName: string;
    outcome: string;
  }>
> {
  const p = new SqlParams(meetingId);
  const readable = viewer
    ? `AND ${visibilitySql('c', (v) => p.add(v), viewer, ['published', 'archived'])}`
    : '';
  return ds.query(
    `SELECT n.id AS "nominationId", c.id AS "caseId", c.title AS "caseTitle", o.name AS "organizationName", n.outcome
       FROM nominations n JOIN cases c ON c.id = n.case_id JOIN organizations o ON o.id = c.organization_id
      WHERE n.meeting_id = $1 AND n.presented_at IS NOT NULL AND c.status <> 'draft' ${readable}
      ORDER BY n.agenda_position NULLS LAST, n.id`,
    p.values,
  );
}
