import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../accounts/audit';
import type { MeetingStatus } from '../domain';
import { createNotifications, type CreatedNotification } from '../notifications/notifications.service';
import type { Viewer } from '../policy';
import { conflict, HttpError, notFound } from '../web/http-errors';
import { formatDate, formatDateTime } from '../web/view-helpers';
import type { AttendanceInput, GuestInput } from './signups.schemas';
import { presenceValue } from './signups.schemas';
import { seatUsage, type SignupStatus } from './signups.queries';

/** What happens after a sign-up change has committed: notifications and e-mails with the calendar entry. */
export interface SignupsAfterCommit {
  notified(created: CreatedNotification[], options: { mail: boolean }): void;
  signupMail(event: SignupMailEvent): void;
}

export type SignupMailEvent =
  | { kind: 'aangemeld' | 'wachtlijst' | 'promoted'; meetingId: number; userId: number }
  | { kind: 'geannuleerd'; meetingId: number; userId: number; hadSeat: boolean };

interface SignupMeeting {
  id: number;
  title: string;
  status: MeetingStatus;
  startsAt: Date;
  capacity: number | null;
  maxGuestsPerOrganization: number;
  nonMemberSeats: number | null;
  signupDeadline: Date | null;
}

/** 422: the request is understood but breaks a limit the kerngroep set. */
const overLimit = (message: string, field: string) => new HttpError(422, message, { field });

/**
 * Sign-ups for a meeting, with guests, limits and a waiting list. Every change takes the meeting's
 * row lock first, so two members asking for the last seat at once are served one after the other:
 * one gets the seat, the other the waiting list.
 */
export class SignupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly after: SignupsAfterCommit,
  ) {}

  /**
   * Signs the viewer up (or changes their guests). A party that does not fit goes on the waiting
   * list; a signed-up member who adds guests beyond the free seats is refused and keeps what they had.
   */
  async signUp(
    meetingId: number,
    viewer: Viewer,
    guests: GuestInput[],
    now = new Date(),
  ): Promise<{ status: SignupStatus; created: boolean }> {
    const result = await this.dataSource.transaction(async (m) => {
      const meeting = await lockForSignup(m, meetingId);
      assertOpen(meeting, now, 'aanmelden');
      const [existing] = await m.query(
        `SELECT id, status FROM meeting_signups WHERE meeting_id = $1 AND user_id = $2`,
        [meetingId, viewer.id],
      );
      const active = existing && existing.status !== 'geannuleerd';
      const ownId: number = existing?.id ?? 0;

      const [orgGuests] = await m.query(
        `SELECT count(*)::int AS n FROM meeting_signup_guests g JOIN meeting_signups s ON s.id = g.signup_id
          WHERE s.meeting_id = $1 AND s.organization_id = $2 AND s.status <> 'geannuleerd' AND s.id <> $3`,
        [meetingId, viewer.organizationId, ownId],
      );
      if (orgGuests.n + guests.length > meeting.maxGuestsPerOrganization) {
        const left = Math.max(meeting.maxGuestsPerOrganization - orgGuests.n, 0);
        throw overLimit(
          `Per organisatie kunnen hoogstens ${meeting.maxGuestsPerOrganization} gasten mee naar deze bijeenkomst` +
            (orgGuests.n > 0 ? `; collega's van uw organisatie hebben er al ${orgGuests.n} aangemeld` : '') +
            `. U kunt nog ${left === 1 ? '1 gast' : `${left} gasten`} aanmelden.`,
          'guests',
        );
      }
      const nonMember = await nonMemberFlags(m, guests);
      const party = { seats: 1 + guests.length, nonMember: nonMember.filter(Boolean).length };
      const fitsNow = fits(meeting, await seatUsage(m, meetingId, ownId), party);

      let status: SignupStatus;
      let signupId: number;
      if (active) {
        signupId = existing.id;
        status = existing.status;
        if (status === 'aangemeld' && !fitsNow) {
          throw conflict(
            `Er zijn niet genoeg vrije plaatsen voor ${guests.length === 1 ? '1 gast' : `${guests.length} gasten`}. ` +
              'Uw aanmelding blijft zoals ze was.',
          );
        }
        await m.query(`UPDATE meeting_signups SET updated_at = now() WHERE id = $1`, [signupId]);
      } else {
        status = fitsNow ? 'aangemeld' : 'wachtlijst';
        const [row] = await m.query(
          `INSERT INTO meeting_signups (meeting_id, user_id, organization_id, status, queued_at)
           VALUES ($1, $2, $3, $4, now())
           ON CONFLICT (meeting_id, user_id) DO UPDATE
             SET status = EXCLUDED.status, organization_id = EXCLUDED.organization_id, present = NULL,
                 queued_at = now(), updated_at = now()
           RETURNING id`,
          [meetingId, viewer.id, viewer.organizationId, status],
        );
        signupId = row.id;
      }
      await replaceGuests(m, signupId, guests, nonMember);
      // Fewer guests may free seats for the waiting list.
      const promoted = await promoteWaiting(m, meeting);
      await recordAudit(m, {
        actorId: viewer.id,
        action: active ? 'signup.guests_changed' : 'signup.created',
        subjectType: 'meeting',
        subjectId: meetingId,
        details: { status, guests: guests.length, promoted },
      });
      const created = await promotionNotices(m, meeting, promoted);
      return { status, created: !active, promoted, notices: created };
    });
    this.after.notified(result.notices, { mail: false });
    if (result.created || result.status === 'aangemeld') {
      this.after.signupMail({
        kind: result.status === 'aangemeld' ? 'aangemeld' : 'wachtlijst',
        meetingId,
        userId: viewer.id,
      });
    }
    for (const userId of result.promoted) this.after.signupMail({ kind: 'promoted', meetingId, userId });
    return { status: result.status, created: result.created };
  }

  /** Cancels the viewer's sign-up (until the deadline); the waiting list moves up into the freed seats. */
  async cancel(meetingId: number, viewer: Viewer, now = new Date()): Promise<void> {
    const result = await this.dataSource.transaction(async (m) => {
      const meeting = await lockForSignup(m, meetingId);
      assertOpen(meeting, now, 'afmelden');
      const [own] = await m.query(
        `SELECT id, status FROM meeting_signups WHERE meeting_id = $1 AND user_id = $2 AND status <> 'geannuleerd'`,
        [meetingId, viewer.id],
      );
      if (!own) throw notFound('U bent niet aangemeld voor deze bijeenkomst.');
      await m.query(`DELETE FROM meeting_signup_guests WHERE signup_id = $1`, [own.id]);
      await m.query(
        `UPDATE meeting_signups SET status = 'geannuleerd', present = NULL, updated_at = now() WHERE id = $1`,
        [own.id],
      );
      // The cancellation is a newer version of the calendar entry than the invitation it withdraws.
      if (own.status === 'aangemeld') {
        await m.query(`UPDATE meetings SET calendar_sequence = calendar_sequence + 1 WHERE id = $1`, [
          meetingId,
        ]);
      }
      const promoted = await promoteWaiting(m, meeting);
      await recordAudit(m, {
        actorId: viewer.id,
        action: 'signup.cancelled',
        subjectType: 'meeting',
        subjectId: meetingId,
        details: { was: own.status, promoted },
      });
      return {
        hadSeat: own.status === 'aangemeld',
        promoted,
        notices: await promotionNotices(m, meeting, promoted),
      };
    });
    this.after.notified(result.notices, { mail: false });
    this.after.signupMail({ kind: 'geannuleerd', meetingId, userId: viewer.id, hadSeat: result.hadSeat });
    for (const userId of result.promoted) this.after.signupMail({ kind: 'promoted', meetingId, userId });
  }

  /** The presence check on the day: aanwezig / afwezig per member and per guest. */
  async setAttendance(meetingId: number, input: AttendanceInput, viewer: Viewer): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await lockForSignup(m, meetingId);
      for (const s of input.signups) {
        await m.query(
          `UPDATE meeting_signups SET present = $3, updated_at = now()
            WHERE id = $2 AND meeting_id = $1 AND status = 'aangemeld'`,
          [meetingId, s.id, presenceValue(s.value)],
        );
      }
      for (const g of input.guests) {
        await m.query(
          `UPDATE meeting_signup_guests g SET present = $3 FROM meeting_signups s
            WHERE g.id = $2 AND s.id = g.signup_id AND s.meeting_id = $1 AND s.status = 'aangemeld'`,
          [meetingId, g.id, presenceValue(g.value)],
        );
      }
      await recordAudit(m, {
        actorId: viewer.id,
        action: 'meeting.attendance_recorded',
        subjectType: 'meeting',
        subjectId: meetingId,
        details: { members: input.signups.length, guests: input.guests.length },
      });
    });
  }
}

async function lockForSignup(m: EntityManager, id: number): Promise<SignupMeeting> {
  const [row] = await m.query(
    `SELECT id, title, status, starts_at, capacity, max_guests_per_organization, non_member_seats, signup_deadline
       FROM meetings WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (!row) throw notFound('Deze bijeenkomst bestaat niet (meer).');
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    startsAt: new Date(row.starts_at),
    capacity: row.capacity,
    maxGuestsPerOrganization: row.max_guests_per_organization,
    nonMemberSeats: row.non_member_seats,
    signupDeadline: row.signup_deadline ? new Date(row.signup_deadline) : null,
  };
}

/** Signing up and cancelling close at the deadline, and in any case when the meeting begins or is held. */
function assertOpen(meeting: SignupMeeting, now: Date, what: 'aanmelden' | 'afmelden'): void {
  if (meeting.status === 'held' || meeting.startsAt.getTime() <= now.getTime()) {
    throw conflict(`Deze bijeenkomst is al gehouden of begonnen; ${what} kan niet meer.`);
  }
  if (meeting.signupDeadline && meeting.signupDeadline.getTime() < now.getTime()) {
    throw conflict(
      `${what === 'aanmelden' ? 'Aanmelden' : 'Afmelden'} kon tot en met ${formatDate(meeting.signupDeadline)}; ` +
        'neem contact op met de kerngroep.',
    );
  }
}

/** Whether a party (a member with guests) fits in the seats left. */
function fits(
  meeting: SignupMeeting,
  usage: { taken: number; nonMemberTaken: number },
  party: { seats: number; nonMember: number },
): boolean {
  if (meeting.capacity !== null && usage.taken + party.seats > meeting.capacity) return false;
  if (meeting.nonMemberSeats !== null && usage.nonMemberTaken + party.nonMember > meeting.nonMemberSeats)
    return false;
  return true;
}

/** Per guest: true when their organisation is not one of the community's member organisations. */
async function nonMemberFlags(m: EntityManager, guests: GuestInput[]): Promise<boolean[]> {
  if (guests.length === 0) return [];
  const rows: Array<{ key: string }> = await m.query(
    `SELECT lower(trim(name)) AS key FROM organizations WHERE lower(trim(name)) = ANY($1)`,
    [guests.map((g) => g.organization.trim().toLowerCase())],
  );
  const members = new Set(rows.map((r) => r.key));
  return guests.map((g) => !members.has(g.organization.trim().toLowerCase()));
}

async function replaceGuests(m: EntityManager, signupId: number, guests: GuestInput[], nonMember: boolean[]) {
  await m.query(`DELETE FROM meeting_signup_guests WHERE signup_id = $1`, [signupId]);
  if (guests.length === 0) return;
  await m.query(
    `INSERT INTO meeting_signup_guests (signup_id, name, organization, email, non_member, position)
     SELECT $1, x.name, x.organization, x.email, x.non_member, x.position
       FROM jsonb_to_recordset($2::jsonb) AS x(name text, organization text, email text, non_member boolean, position int)`,
    [signupId, JSON.stringify(guests.map((g, i) => ({ ...g, non_member: nonMember[i], position: i + 1 })))],
  );
}

/**
 * Moves waiting sign-ups into free seats, in the order they joined the list; a party too large for
 * what is free is passed over (it keeps its place) so that a smaller one behind it can come in.
 */
async function promoteWaiting(m: EntityManager, meeting: SignupMeeting): Promise<number[]> {
  const waiting: Array<{ id: number; user_id: number; seats: number; non_member: number }> = await m.query(
    `SELECT s.id, s.user_id,
            1 + (SELECT count(*) FROM meeting_signup_guests g WHERE g.signup_id = s.id)::int AS seats,
            (SELECT count(*) FROM meeting_signup_guests g WHERE g.signup_id = s.id AND g.non_member)::int AS non_member
       FROM meeting_signups s WHERE s.meeting_id = $1 AND s.status = 'wachtlijst' ORDER BY s.queued_at, s.id`,
    [meeting.id],
  );
  if (waiting.length === 0) return [];
  const usage = await seatUsage(m, meeting.id);
  const promoted: number[] = [];
  for (const w of waiting) {
    if (!fits(meeting, usage, { seats: w.seats, nonMember: w.non_member })) continue;
    usage.taken += w.seats;
    usage.nonMemberTaken += w.non_member;
    await m.query(`UPDATE meeting_signups SET status = 'aangemeld', updated_at = now() WHERE id = $1`, [
      w.id,
    ]);
    promoted.push(w.user_id);
  }
  return promoted;
}

function promotionNotices(m: EntityManager, meeting: SignupMeeting, userIds: number[]) {
  return createNotifications(
    m,
    userIds.map((userId) => ({
      userId,
      kind: 'signup_promoted' as const,
      message: `Er is een plaats vrijgekomen: u bent nu aangemeld voor “${meeting.title}” (${formatDateTime(meeting.startsAt)}).`,
      url: `/bijeenkomsten/${meeting.id}#aanmelden`,
      eventKey: `meeting:${meeting.id}:promoted:${Date.now()}`,
    })),
    // The caller mails the promotion itself, with the calendar entry.
    { mail: false },
  );
}
