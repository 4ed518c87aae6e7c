import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../accounts/audit';
import type { MeetingStatus, NominationStatus } from '../domain';
import { MEETING_STATUS_LABELS } from '../domain';
import {
  createNotifications,
  type CreatedNotification,
  type NewNotification,
} from '../notifications/notifications.service';
import { can, type Viewer } from '../policy';
import { badRequest, conflict, forbidden, notFound } from '../web/http-errors';
import type { FieldErrors } from '../web/validation';
import { caseFollowerIds } from '../follows/follows.queries';
import { fromLocalParts } from './meeting-time';
import type { Decision, DecisionInput, MeetingForm } from './meetings.schemas';
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
    refuseIfPast(form, now);
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
    const moved = await this.dataSource.transaction(async (m) => {
      const meeting = await lockMeeting(m, meetingId);
      const before = await calendarFields(m, meetingId);
      refuseIfPast(form, now, meeting.startsAt);
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
   * before it is held). Setting the agenda needs every nomination decided, or the kerngroep's
   * explicit word to leave the rest (`leaveUndecided`: they become "niet geselecteerd" with a
   * standard toelichting, and their nominators are told); it notifies the nominators and the
   * meeting's experts.
   */
  async setStatus(
    meetingId: number,
    to: MeetingStatus,
    viewer: Viewer,
    now = new Date(),
    options: { leaveUndecided?: boolean } = {},
  ): Promise<void> {
    const created = await this.dataSource.transaction(async (m) => {
      const meeting = await lockMeeting(m, meetingId);
      if (!TRANSITIONS[meeting.status].includes(to)) {
        throw conflict(
          `De status kan niet van “${MEETING_STATUS_LABELS[meeting.status]}” naar “${MEETING_STATUS_LABELS[to]}”.`,
        );
      }
      let notifications: NewNotification[] = [];
      if (to === 'agenda_set') {
        const left = await leaveUndecided(m, meeting, viewer, options.leaveUndecided === true);
        notifications = [...left, ...(await agendaSetNotifications(m, meeting))];
      }
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

  /** One decision (the single form and older links): applied as a batch of one, always recorded. */
  async decide(
    nominationId: number,
    input: { decision: Decision; position?: number; feedback: string },
    viewer: Viewer,
  ): Promise<{ meetingId: number }> {
    const [n] = await this.dataSource.query(`SELECT meeting_id FROM nominations WHERE id = $1`, [
      nominationId,
    ]);
    if (!n) throw notFound('Deze voordracht bestaat niet (meer).');
    await this.decideMany(n.meeting_id, [{ nominationId, ...input }], viewer, { recordUnchanged: true });
    return { meetingId: n.meeting_id };
  }

  /**
   * The kerngroep decides about several nominations at once: selected (at a place on the agenda;
   * at the end when none is given) or not selected (with feedback for the nominator, who is
   * notified either way). Places are checked against the agenda as it will be (1..the number of
   * selected cases, each place once); anything wrong refuses the whole submit with every problem
   * at its field, and nothing is written. Returns how many nominations changed.
   */
  async decideMany(
    meetingId: number,
    decisions: DecisionInput[],
    viewer: Viewer,
    options: { recordUnchanged?: boolean } = {},
  ): Promise<{ changed: number; selected: number; declined: number }> {
    const { result, created } = await this.dataSource.transaction(async (m) => {
      const meeting = await lockMeeting(m, meetingId);
      if (!DECIDABLE.includes(meeting.status)) {
        throw conflict('Deze bijeenkomst is al gehouden; de besluiten over voordrachten liggen vast.');
      }
      const rows: Array<{
        id: number;
        case_id: number;
        nominated_by_id: number;
        status: NominationStatus;
        feedback: string;
        case_title: string;
      }> = await m.query(
        `SELECT n.id, n.case_id, n.nominated_by_id, n.status, n.feedback, c.title AS case_title
           FROM nominations n JOIN cases c ON c.id = n.case_id WHERE n.meeting_id = $1`,
        [meetingId],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      const errors: FieldErrors = {};
      for (const d of decisions) {
        if (!byId.has(d.nominationId))
          errors[`decision-${d.nominationId}`] = 'Deze voordracht hoort niet (meer) bij deze bijeenkomst.';
      }
      if (Object.keys(errors).length) throw badRequest(Object.values(errors)[0], { errors });

      const before = await currentAgenda(m, meetingId);
      const place = (id: number) => before.indexOf(id) + 1;
      const changes = decisions.filter((d) => {
        const n = byId.get(d.nominationId)!;
        return (
          options.recordUnchanged ||
          n.status !== d.decision ||
          n.feedback !== d.feedback ||
          (d.position !== undefined && d.position !== place(d.nominationId))
        );
      });
      const chosen = new Map(changes.map((d) => [d.nominationId, d]));
      // The agenda as it will be: who stays, who comes in (in the order of the page), how many.
      const staying = before.filter((id) => chosen.get(id)?.decision !== 'not_selected');
      const coming = changes
        .filter((d) => d.decision === 'selected' && !before.includes(d.nominationId))
        .map((d) => d.nominationId);
      const size = staying.length + coming.length;
      const taken = new Map<number, number>();
      for (const d of changes) {
        if (d.decision !== 'selected' || d.position === undefined) continue;
        const key = `position-${d.nominationId}`;
        if (d.position > size) errors[key] = outOfRange(d.position, size);
        else if (taken.has(d.position)) {
          const other = byId.get(taken.get(d.position)!)!.case_title;
          errors[key] =
            `Plaats ${d.position} is ook gekozen voor “${other}”. Geef elke casus een eigen plaats, of laat het veld leeg.`;
        } else taken.set(d.position, d.nominationId);
      }
      if (Object.keys(errors).length) throw badRequest(Object.values(errors)[0], { errors });
      if (changes.length === 0) {
        throw badRequest(
          'Er is niets gewijzigd. Kies bij een voordracht “Selecteren voor de agenda” of “Niet selecteren”.',
          { field: '_form' },
        );
      }

      // Wished places first, then everyone else in their present order, newcomers at the end.
      const slots: Array<number | null> = Array.from({ length: size }, () => null);
      for (const [at, id] of taken) slots[at - 1] = id;
      const rest = [...staying, ...coming].filter((id) => ![...taken.values()].includes(id));
      const agenda = slots.map((id) => id ?? rest.shift()!);

      const notifications: NewNotification[] = [];
      for (const d of changes) {
        const n = byId.get(d.nominationId)!;
        await m.query(
          `UPDATE nominations SET status = $2, feedback = $3, decided_by_id = $4, decided_at = now(), updated_at = now(),
                  agenda_position = CASE WHEN $5::boolean THEN agenda_position END WHERE id = $1`,
          [d.nominationId, d.decision, d.feedback, viewer.id, d.decision === 'selected'],
        );
        await recordAudit(m, {
          actorId: viewer.id,
          action: 'nomination.decided',
          subjectType: 'meeting',
          subjectId: meetingId,
          details: {
            nominationId: d.nominationId,
            caseId: n.case_id,
            decision: d.decision,
            position: agenda.indexOf(d.nominationId) + 1 || null,
            feedback: d.feedback,
          },
        });
        notifications.push(decisionNotification(meeting, n, d.decision, d.feedback));
      }
      // A new agenda version only when the agenda changed, so a reorder open elsewhere stays valid.
      if (agenda.join() !== before.join()) await saveAgenda(m, meetingId, agenda);
      return {
        result: {
          changed: changes.length,
          selected: changes.filter((d) => d.decision === 'selected').length,
          declined: changes.filter((d) => d.decision === 'not_selected').length,
        },
        created: await createNotifications(m, notifications),
      };
    });
    this.after.notified(created);
    return result;
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

/** The toelichting a nomination gets when the agenda is set without a decision about it. */
export const UNTREATED_FEEDBACK =
  'Deze voordracht is niet behandeld: de kerngroep heeft de agenda vastgesteld zonder erover te beslissen. U kunt de casus voordragen voor een volgende bijeenkomst.';

/**
 * Before the agenda is set: nominations without a decision are refused (409), unless the kerngroep
 * said to leave them; then each becomes "niet geselecteerd" with UNTREATED_FEEDBACK, in the audit
 * log as such, and its nominator is told.
 */
async function leaveUndecided(
  m: EntityManager,
  meeting: LockedMeeting,
  viewer: Viewer,
  allowed: boolean,
): Promise<NewNotification[]> {
  const pending: Array<{ id: number; case_id: number; nominated_by_id: number; case_title: string }> =
    await m.query(
      `SELECT n.id, n.case_id, n.nominated_by_id, c.title AS case_title
         FROM nominations n JOIN cases c ON c.id = n.case_id
        WHERE n.meeting_id = $1 AND n.status = 'pending' ORDER BY n.id`,
      [meeting.id],
    );
  if (pending.length === 0) return [];
  if (!allowed) {
    const count =
      pending.length === 1
        ? 'Er is nog één voordracht zonder besluit.'
        : `Er zijn nog ${pending.length} voordrachten zonder besluit.`;
    throw conflict(
      `${count} Beslis eerst over alle voordrachten, of vink aan dat u de overige niet behandelt.`,
      { field: 'leaveUndecided' },
    );
  }
  await m.query(
    `UPDATE nominations SET status = 'not_selected', feedback = $2, decided_by_id = $3, decided_at = now(), updated_at = now(),
            agenda_position = NULL WHERE id = ANY($1::int[])`,
    [pending.map((n) => n.id), UNTREATED_FEEDBACK, viewer.id],
  );
  for (const n of pending) {
    await recordAudit(m, {
      actorId: viewer.id,
      action: 'nomination.decided',
      subjectType: 'meeting',
      subjectId: meeting.id,
      details: {
        nominationId: n.id,
        caseId: n.case_id,
        decision: 'not_selected',
        reason: 'niet behandeld bij het vaststellen van de agenda',
      },
    });
  }
  return pending.map((n) => decisionNotification(meeting, n, 'not_selected', UNTREATED_FEEDBACK));
}

/** Everyone to tell that the agenda is set: all nominators and the assigned experts. */
async function agendaSetNotifications(m: EntityManager, meeting: LockedMeeting): Promise<NewNotification[]> {
  const [counts] = await m.query(
    `SELECT count(*) FILTER (WHERE status = 'selected')::int AS selected FROM nominations WHERE meeting_id = $1`,
    [meeting.id],
  );
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
    message: `De agenda van “${meeting.title}” is vastgesteld. Bereid u voor met de casussen op de agenda.`,
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
      message: `“${title.get(f.caseId)}”, een casus die u volgt, staat op de agenda van “${meeting.title}”.`,
      url: `/bijeenkomsten/${meeting.id}`,
      eventKey,
      reason: `Casus: ${title.get(f.caseId)}`,
    });
  }
  return involved;
}

/**
 * The meeting form's rules that need "now": a new meeting lies in the future (an edit may keep the
 * date it had, e.g. a held meeting's details), and so does a new meeting's nomination deadline.
 * Takes the raw form too, so a form refused for other reasons says this on the first submit.
 */
export function pastDateErrors(
  input: { date?: unknown; startTime?: unknown; nominationDeadline?: unknown },
  now: Date,
  existingStart?: Date,
): FieldErrors {
  const errors: FieldErrors = {};
  // Without a readable start time the day itself counts: a date before today is in the past.
  const startsAt = localInstant(input.date, input.startTime) ?? localInstant(input.date, '23:59');
  if (startsAt && startsAt.getTime() <= now.getTime()) {
    if (!existingStart) errors.date = 'Een nieuwe bijeenkomst kan niet in het verleden liggen.';
    else if (startsAt.getTime() !== existingStart.getTime())
      errors.date = 'De nieuwe datum ligt in het verleden.';
  }
  const deadline = existingStart ? null : localInstant(input.nominationDeadline, '23:59');
  if (deadline && deadline.getTime() < now.getTime()) {
    errors.nominationDeadline = 'De sluitingsdatum voor voordrachten ligt in het verleden.';
  }
  return errors;
}

function refuseIfPast(form: MeetingForm, now: Date, existingStart?: Date): void {
  const errors = pastDateErrors(form, now, existingStart);
  const [field] = Object.keys(errors);
  if (field) throw badRequest(errors[field], { field, errors });
}

/** A well-formed local date and time as an instant; null for anything else (the schema says why). */
function localInstant(date: unknown, time: unknown): Date | null {
  if (typeof date !== 'string' || typeof time !== 'string') return null;
  const d = date.trim();
  const t = time.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(t)) return null;
  if (Number.isNaN(Date.parse(`${d}T00:00:00Z`)) || !new Date(`${d}T00:00:00Z`).toISOString().startsWith(d))
    return null;
  return fromLocalParts(d, t);
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

/** A place beyond the agenda, said with the real range ("1 tot en met 3"; one case: only 1). */
export function outOfRange(position: number, size: number): string {
  if (size === 1)
    return `Plaats ${position} bestaat niet: er staat dan één casus op de agenda, dus de plaats kan alleen 1 zijn (of laat het veld leeg).`;
  return `Plaats ${position} bestaat niet: er staan dan ${size} casussen op de agenda. Kies een plaats van 1 tot en met ${size}, of laat het veld leeg.`;
}

/** What the nominator hears about a decision (once per decision: the event key). */
function decisionNotification(
  meeting: LockedMeeting,
  n: { id: number; nominated_by_id: number; case_title: string },
  decision: Decision,
  feedback: string,
): NewNotification {
  return {
    userId: n.nominated_by_id,
    kind: 'nomination_decided',
    message:
      decision === 'selected'
        ? `Uw voordracht “${n.case_title}” is geselecteerd voor “${meeting.title}”.`
        : `Uw voordracht “${n.case_title}” voor “${meeting.title}” is niet geselecteerd. Toelichting: ${feedback}`,
    url: `/bijeenkomsten/${meeting.id}#mijn-voordrachten`,
    eventKey: `nomination:${n.id}:${decision}`,
  };
}
