import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../accounts/audit';
import type { MeetingStatus } from '../domain';
import { MEETING_STATUS_LABELS } from '../domain';
import {
  createNotifications,
  type CreatedNotification,
  type NewNotification,
} from '../notifications/notifications.service';
import { can, type Viewer } from '../policy';
import { badRequest, conflict, forbidden, notFound } from '../web/http-errors';
import { caseFollowerIds } from '../follows/follows.queries';
import { fromLocalParts } from './meeting-time';
import type { MeetingForm } from './meetings.schemas';
import { recordCaseEvent } from '../cases/case-events';

export interface MeetingsAfterCommit {
  kickIndexer(): void;
  notified(created: CreatedNotification[]): void;
  /** Time or place changed: signed-up members get the updated calendar entry. */
  calendarChanged(meetingId: number): void;
}

/** Status changes a curator may make; setting the agenda and marking held have extra checks below. */
const TRANSITIONS: Record<MeetingStatus, MeetingStatus[]> = {
  planned: ['nominations_open'],
  nominations_open: ['planned', 'agenda_set'],
  agenda_set: ['nominations_open', 'held'],
  held: [],
};

/** Decisions and the agenda can change until the meeting is held. */
const DECIDABLE: MeetingStatus[] = ['nominations_open', 'agenda_set'];

interface LockedMeeting {
  id: number;
  title: string;
  status: MeetingStatus;
  startsAt: Date;
  nominationDeadline: Date | null;
  agendaVersion: number;
}

/** The agenda moved on while the curator looked at an older version (answered with 409). */
export class StaleAgendaError extends Error {
  constructor() {
    super(
      'De agenda is intussen door iemand anders gewijzigd. Hieronder staat de huidige volgorde; probeer het opnieuw.',
    );
  }
}

/**
 * The kerngroep's work: meetings, nominations, decisions, the agenda and "presented". Every write
 * runs in one transaction with its audit entry, its notifications and (where a case's search
 * document changes) its outbox row.
 */
export class MeetingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly after: MeetingsAfterCommit,
  ) {}

  /** Creates a meeting; its date and nomination deadline may not lie in the past. */
  async create(form: MeetingForm, viewer: Viewer, now = new Date()): Promise<number> {
    const when = toInstants(form);
    if (when.startsAt.getTime() <= now.getTime()) {
      throw badRequest('Een nieuwe bijeenkomst kan niet in het verleden liggen.', { field: 'date' });
    }
    if (when.nominationDeadline && when.nominationDeadline.getTime() < now.getTime()) {
      throw badRequest('De sluitingsdatum voor voordrachten ligt in het verleden.', {
        field: 'nominationDeadline',
      });
    }
    return this.dataSource.transaction(async (m) => {
      await checkReferences(m, form);
      const [row] = await m.query(
        `INSERT INTO meetings (${MEETING_COLUMNS}, created_by_id) VALUES (${placeholders(1)}, $16) RETURNING id`,
        [...meetingValues(form), viewer.id],
      );
      await saveLinks(m, row.id, form);
      await recordAudit(m, {
        actorId: viewer.id,
        action: 'meeting.created',
        subjectType: 'meeting',
        subjectId: row.id,
        details: { title: form.title },
      });
      return row.id as number;
    });
  }

  /** Edits a meeting. A date may only move into the past if it already was there (a held meeting's details). */
  async update(meetingId: number, form: MeetingForm, viewer: Viewer, now = new Date()): Promise<void> {
    const when = toInstants(form);
    const moved = await this.dataSource.transaction(async (m) => {
      const meeting = await lockMeeting(m, meetingId);
      const before = await calendarFields(m, meetingId);
      if (
        when.startsAt.getTime() !== meeting.startsAt.getTime() &&
        when.startsAt.getTime() <= now.getTime()
      ) {
        throw badRequest('De nieuwe datum ligt in het verleden.', { field: 'date' });
      }
      await checkReferences(m, form);
      await m.query(
        `UPDATE meetings SET (${MEETING_COLUMNS}) = (${placeholders(2)}), updated_at = now() WHERE id = $1`,
        [meetingId, ...meetingValues(form)],
      );
      await saveLinks(m, meetingId, form);
      // A new time or place is a new version of the calendar entry (same UID, higher SEQUENCE).
      const changed = before !== (await calendarFields(m, meetingId));
      if (changed) {
        await m.query(`UPDATE meetings SET calendar_sequence = calendar_sequence + 1 WHERE id = $1`, [
          meetingId,
        ]);
      }
      await recordAudit(m, {
        actorId: viewer.id,
        action: 'meeting.updated',
        subjectType: 'meeting',
        subjectId: meetingId,
        details: changed ? { calendar: 'time or place changed' } : undefined,
      });
      return changed;
    });
    if (moved) this.after.calendarChanged(meetingId);
  }

  /**
   * Moves a meeting along planned → nominations_open → agenda_set → held (one step back is allowed
   * before it is held). Setting the agenda needs every nomination decided, and notifies the
   * nominators and the meeting's experts.
   */
  async setStatus(meetingId: number, to: MeetingStatus, viewer: Viewer, now = new Date()): Promise<void> {
    const created = await this.dataSource.transaction(async (m) => {
      const meeting = await lockMeeting(m, meetingId);
      if (!TRANSITIONS[meeting.status].includes(to)) {
        throw conflict(
          `De status kan niet van "${MEETING_STATUS_LABELS[meeting.status]}" naar "${MEETING_STATUS_LABELS[to]}".`,
        );
      }
      let notifications: NewNotification[] = [];
      if (to === 'agenda_set') notifications = await agendaSetNotifications(m, meeting);
      if (to === 'held' && meeting.startsAt.getTime() > now.getTime()) {
        throw conflict('De bijeenkomst is nog niet geweest; markeer haar als gehouden na afloop.');
      }
      await m.query(`UPDATE meetings SET status = $2, updated_at = now() WHERE id = $1`, [meetingId, to]);
      await recordAudit(m, {
        actorId: viewer.id,
        action: to === 'agenda_set' ? 'meeting.agenda_set' : 'meeting.status_changed',
        subjectType: 'meeting',
        subjectId: meetingId,
        details: { from: meeting.status, to },
      });
      return createNotifications(m, notifications);
    });
    this.after.notified(created);
  }

  /** A member nominates a published case for a meeting that is open for nominations (one per case). */
  async nominate(
    meetingId: number,
    caseId: number,
    motivation: string,
    viewer: Viewer,
    now = new Date(),
  ): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      // The meeting row lock serialises nominations for one meeting, so the duplicate check below holds.
      const meeting = await lockMeeting(m, meetingId);
      const [c] = await m.query(
        `SELECT id, status, author_id, organization_id, visibility FROM cases WHERE id = $1`,
        [caseId],
      );
      const ref = c && {
        status: c.status,
        authorId: c.author_id,
        organizationId: c.organization_id,
        visibility: c.visibility,
      };
      if (!ref || !can(viewer, 'case:read', ref))
        throw badRequest('Deze casus bestaat niet.', { field: 'caseId' });
      if (meeting.status !== 'nominations_open')
        throw conflict('Voor deze bijeenkomst kunnen geen casussen (meer) worden voorgedragen.');
      if (meeting.nominationDeadline && meeting.nominationDeadline.getTime() < now.getTime()) {
        throw conflict('De sluitingsdatum voor voordrachten is voorbij.');
      }
      if (ref.status !== 'published')
        throw badRequest('Alleen gepubliceerde casussen kunnen worden voorgedragen.', { field: 'caseId' });
      if (!can(viewer, 'nomination:create', ref, meeting, now)) {
        throw forbidden('U kunt alleen casussen van uw eigen organisatie voordragen.');
      }
      const [existing] = await m.query(`SELECT id FROM nominations WHERE meeting_id = $1 AND case_id = $2`, [
        meetingId,
        caseId,
      ]);
      if (existing)
        throw conflict('Deze casus is al voorgedragen voor deze bijeenkomst.', { field: 'caseId' });
      const [row] = await m.query(
        `INSERT INTO nominations (meeting_id, case_id, nominated_by_id, motivation) VALUES ($1, $2, $3, $4) RETURNING id`,
        [meetingId, caseId, viewer.id, motivation],
      );
      await recordAudit(m, {
        actorId: viewer.id,
        action: 'nomination.created',
        subjectType: 'meeting',
        subjectId: meetingId,
        details: { nominationId: row.id, caseId },
      });
      return row.id as number;
    });
  }

  /**
   * The kerngroep decides: selected (at a place on the agenda; at the end when none is given) or
   * not selected (with feedback for the nominator, who is notified either way).
   */
  async decide(
    nominationId: number,
    input: { decision: 'selected' | 'not_selected'; position?: number; feedback: string },
    viewer: Viewer,
  ): Promise<{ meetingId: number }> {
    const { meetingId, created } = await this.dataSource.transaction(async (m) => {
      const [n] = await m.query(
        `SELECT n.id, n.meeting_id, n.case_id, n.nominated_by_id, n.status, c.title AS case_title
           FROM nominations n JOIN cases c ON c.id = n.case_id WHERE n.id = $1`,
        [nominationId],
      );
      if (!n) throw notFound('Deze voordracht bestaat niet (meer).');
      const meeting = await lockMeeting(m, n.meeting_id);
      if (!DECIDABLE.includes(meeting.status)) {
        throw conflict('Deze bijeenkomst is al gehouden; de besluiten over voordrachten liggen vast.');
      }
      const agenda = (await currentAgenda(m, meeting.id)).filter((id) => id !== nominationId);
      if (input.decision === 'selected') {
        const at = Math.min(Math.max((input.position ?? agenda.length + 1) - 1, 0), agenda.length);
        agenda.splice(at, 0, nominationId);
      }
      await m.query(
        `UPDATE nominations SET status = $2, feedback = $3, decided_by_id = $4, decided_at = now(), updated_at = now(),
                agenda_position = NULL WHERE id = $1`,
        [nominationId, input.decision, input.feedback, viewer.id],
      );
      await saveAgenda(m, meeting.id, agenda);
      await recordAudit(m, {
        actorId: viewer.id,
        action: 'nomination.decided',
        subjectType: 'meeting',
        subjectId: meeting.id,
        details: {
          nominationId,
          caseId: n.case_id,
          decision: input.decision,
          position: agenda.indexOf(nominationId) + 1 || null,
          feedback: input.feedback,
        },
      });
      const message =
        input.decision === 'selected'
          ? `Uw voordracht "${n.case_title}" is geselecteerd voor "${meeting.title}".`
          : `Uw voordracht "${n.case_title}" voor "${meeting.title}" is niet geselecteerd. Toelichting: ${input.feedback}`;
      const created = await createNotifications(m, [
        {
          userId: n.nominated_by_id,
          kind: 'nomination_decided',
          message,
          url: `/bijeenkomsten/${meeting.id}#mijn-voordrachten`,
          eventKey: `nomination:${nominationId}:${input.decision}`,
        },
      ]);
      return { meetingId: meeting.id, created };
    });
    this.after.notified(created);
    return { meetingId };
  }

  /**
   * Changes the agenda order: one item up or down (buttons), or a whole new order (drag and drop).
   * Refused with StaleAgendaError when the agenda changed since the curator's page was loaded.
   */
  async reorder(
    meetingId: number,
    change: { move?: { nominationId: number; direction: 'up' | 'down' }; order?: number[] },
    expectedVersion: number,
    viewer: Viewer,
  ): Promise<{ agendaVersion: number }> {
    return this.dataSource.transaction(async (m) => {
      const meeting = await lockMeeting(m, meetingId);
      if (!DECIDABLE.includes(meeting.status))
        throw conflict('Deze bijeenkomst is al gehouden; de agenda ligt vast.');
      if (meeting.agendaVersion !== expectedVersion) throw new StaleAgendaError();
      const agenda = await currentAgenda(m, meetingId);
      let next: number[];
      if (change.order) {
        const same =
          change.order.length === agenda.length &&
          [...change.order].sort().join() === [...agenda].sort().join();
        if (!same) throw new StaleAgendaError();
        next = change.order;
      } else {
        const { nominationId, direction } = change.move!;
        const at = agenda.indexOf(nominationId);
        if (at < 0) throw new StaleAgendaError();
        const to = direction === 'up' ? at - 1 : at + 1;
        next = [...agenda];
        if (to >= 0 && to < next.length) [next[at], next[to]] = [next[to], next[at]];
      }
      await saveAgenda(m, meetingId, next);
      await recordAudit(m, {
        actorId: viewer.id,
        action: 'meeting.agenda_changed',
        subjectType: 'meeting',
        subjectId: meetingId,
        details: { order: next },
      });
      return { agendaVersion: meeting.agendaVersion + 1 };
    });
  }

  /** After the meeting: a selected case was presented (the case page and the search facet show it). */
  async markPresented(nominationId: number, viewer: Viewer): Promise<{ meetingId: number }> {
    const meetingId = await this.dataSource.transaction(async (m) => {
      const [n] = await m.query(
        `SELECT id, meeting_id, case_id, status, presented_at FROM nominations WHERE id = $1`,
        [nominationId],
      );
      if (!n) throw notFound('Deze voordracht bestaat niet (meer).');
      const meeting = await lockMeeting(m, n.meeting_id);
      if (meeting.status !== 'held')
        throw conflict('Markeer casussen als gepresenteerd nadat de bijeenkomst als gehouden is gemarkeerd.');
      if (n.status !== 'selected')
        throw conflict('Alleen geselecteerde casussen kunnen als gepresenteerd worden gemarkeerd.');
      if (n.presented_at) return meeting.id;
      await m.query(`UPDATE nominations SET presented_at = $2, updated_at = now() WHERE id = $1`, [
        nominationId,
        meeting.startsAt,
      ]);
      await recordCaseEvent(m, {
        caseId: n.case_id,
        action: 'case.presented',
        actorId: viewer.id,
        details: { meetingId: meeting.id, nominationId },
      });
      return meeting.id;
    });
    this.after.kickIndexer();
    return { meetingId };
  }
}

async function lockMeeting(m: EntityManager, id: number): Promise<LockedMeeting> {
  const [row] = await m.query(
    `SELECT id, title, status, starts_at, nomination_deadline, agenda_version FROM meetings WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (!row) throw notFound('Deze bijeenkomst bestaat niet (meer).');
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    startsAt: new Date(row.starts_at),
    nominationDeadline: row.nomination_deadline ? new Date(row.nomination_deadline) : null,
    agendaVersion: row.agenda_version,
  };
}

/** Selected nomination ids in agenda order. */
async function currentAgenda(m: EntityManager, meetingId: number): Promise<number[]> {
  const rows = await m.query(
    `SELECT id FROM nominations WHERE meeting_id = $1 AND status = 'selected' ORDER BY agenda_position NULLS LAST, id`,
    [meetingId],
  );
  return rows.map((r: { id: number }) => r.id);
}

/** Numbers the agenda 1..n in this order and bumps the version (so older pages get a 409). */
async function saveAgenda(m: EntityManager, meetingId: number, order: number[]): Promise<void> {
  await m.query(
    `UPDATE nominations n SET agenda_position = x.pos, updated_at = now()
       FROM unnest($2::int[]) WITH ORDINALITY AS x(id, pos) WHERE n.id = x.id AND n.meeting_id = $1`,
    [meetingId, order],
  );
  await m.query(`UPDATE meetings SET agenda_version = agenda_version + 1, updated_at = now() WHERE id = $1`, [
    meetingId,
  ]);
}

/** Everyone to tell that the agenda is set: all nominators and the assigned experts. */
async function agendaSetNotifications(m: EntityManager, meeting: LockedMeeting): Promise<NewNotification[]> {
  const [counts] = await m.query(
    `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending, count(*) FILTER (WHERE status = 'selected')::int AS selected
       FROM nominations WHERE meeting_id = $1`,
    [meeting.id],
  );
  if (counts.pending > 0) {
    throw conflict(
      counts.pending === 1
        ? 'Er is nog één voordracht zonder besluit. Beslis eerst over alle voordrachten.'
        : `Er zijn nog ${counts.pending} voordrachten zonder besluit. Beslis eerst over alle voordrachten.`,
    );
  }
  if (counts.selected === 0) throw conflict('Selecteer eerst minstens één casus voor de agenda.');
  const people: Array<{ user_id: number }> = await m.query(
    `SELECT nominated_by_id AS user_id FROM nominations WHERE meeting_id = $1
     UNION SELECT user_id FROM meeting_experts WHERE meeting_id = $1`,
    [meeting.id],
  );
  // A new version of the agenda (after reopening) is a new event; the same one is told once.
  const eventKey = `meeting:${meeting.id}:agenda:${meeting.agendaVersion}`;
  const involved: NewNotification[] = people.map((p) => ({
    userId: p.user_id,
    kind: 'agenda_set' as const,
    message: `De agenda van "${meeting.title}" is vastgesteld. Bereid u voor met de casussen op de agenda.`,
    url: `/bijeenkomsten/${meeting.id}`,
    eventKey,
  }));
  // Members following a case on the agenda (once per member, however many of their cases are on it).
  const onAgenda: Array<{ id: number; title: string }> = await m.query(
    `SELECT c.id, c.title FROM nominations n JOIN cases c ON c.id = n.case_id
      WHERE n.meeting_id = $1 AND n.status = 'selected' AND c.status = 'published' ORDER BY n.agenda_position NULLS LAST, n.id`,
    [meeting.id],
  );
  const title = new Map(onAgenda.map((c) => [c.id, c.title]));
  const followers = await caseFollowerIds(m, [...title.keys()]);
  const told = new Set(involved.map((n) => n.userId));
  for (const f of followers) {
    if (told.has(f.userId)) continue;
    told.add(f.userId);
    involved.push({
      userId: f.userId,
      kind: 'followed_agenda',
      message: `"${title.get(f.caseId)}", een casus die u volgt, staat op de agenda van "${meeting.title}".`,
      url: `/bijeenkomsten/${meeting.id}`,
      eventKey,
      reason: `Casus: ${title.get(f.caseId)}`,
    });
  }
  return involved;
}

function toInstants(form: MeetingForm) {
  return {
    startsAt: fromLocalParts(form.date, form.startTime),
    endsAt: form.endTime ? fromLocalParts(form.date, form.endTime) : null,
    // Nominations close at the end of the deadline day; so do sign-ups and cancellations.
    nominationDeadline: form.nominationDeadline ? fromLocalParts(form.nominationDeadline, '23:59') : null,
    signupDeadline: form.signupDeadline ? fromLocalParts(form.signupDeadline, '23:59') : null,
  };
}

/** Themes, the host organisation and experts must exist (experts: active members with the expert role). */
async function checkReferences(m: EntityManager, form: MeetingForm): Promise<void> {
  const themes: Array<{ slug: string }> = await m.query(`SELECT slug FROM themes ORDER BY slug`);
  const unknown = form.themes.filter((t) => !themes.some((x) => x.slug === t));
  if (unknown.length) {
    throw badRequest(
      `Onbekend thema: ${unknown.join(', ')}. Kies uit: ${themes.map((t) => t.slug).join(', ')}.`,
      { field: 'themes' },
    );
  }
  if (form.hostOrganizationId !== undefined) {
    const [org] = await m.query(`SELECT id FROM organizations WHERE id = $1`, [form.hostOrganizationId]);
    if (!org) throw badRequest('Deze organisatie bestaat niet.', { field: 'hostOrganizationId' });
  }
  if (form.experts.length) {
    const rows = await m.query(
      `SELECT id FROM users WHERE id = ANY($1) AND active AND 'expert' = ANY(roles)`,
      [form.experts],
    );
    if (rows.length !== new Set(form.experts).size)
      throw badRequest('Kies experts uit de lijst.', { field: 'experts' });
  }
}

/** The meeting columns the form fills, in the order of meetingValues(). */
const MEETING_COLUMNS =
  'title, starts_at, ends_at, location_name, location_address, host_organization_id, description, focus_role, nomination_deadline, ' +
  'location_postcode, location_city, capacity, max_guests_per_organization, non_member_seats, signup_deadline';
const placeholders = (from: number) => Array.from({ length: 15 }, (_, i) => `$${from + i}`).join(', ');

function meetingValues(form: MeetingForm): unknown[] {
  const when = toInstants(form);
  return [
    form.title,
    when.startsAt,
    when.endsAt,
    form.locationName,
    form.locationAddress,
    form.hostOrganizationId ?? null,
    form.description,
    form.focusRole ?? null,
    when.nominationDeadline,
    form.locationPostcode ?? '',
    form.locationCity,
    form.capacity ?? null,
    form.maxGuestsPerOrganization,
    form.nonMemberSeats ?? null,
    when.signupDeadline,
  ];
}

/** What a calendar entry shows of a meeting (time and place), as one comparable string. */
async function calendarFields(m: EntityManager, meetingId: number): Promise<string> {
  const [row] = await m.query(
    `SELECT json_build_array(title, starts_at, ends_at, location_name, location_address, location_postcode, location_city)::text AS v
       FROM meetings WHERE id = $1`,
    [meetingId],
  );
  return row.v;
}

/** Replaces the meeting's themes and experts with the form's. */
async function saveLinks(m: EntityManager, meetingId: number, form: MeetingForm): Promise<void> {
  await m.query(`DELETE FROM meeting_themes WHERE meeting_id = $1`, [meetingId]);
  await m.query(`DELETE FROM meeting_experts WHERE meeting_id = $1`, [meetingId]);
  await m.query(
    `INSERT INTO meeting_themes (meeting_id, theme_id) SELECT $1, id FROM themes WHERE slug = ANY($2)`,
    [meetingId, form.themes],
  );
  if (form.experts.length) {
    await m.query(
      `INSERT INTO meeting_experts (meeting_id, user_id) SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING`,
      [meetingId, [...new Set(form.experts)]],
    );
  }
}
