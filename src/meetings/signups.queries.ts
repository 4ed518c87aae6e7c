import type { DataSource, EntityManager } from 'typeorm';

export type SignupStatus = 'aangemeld' | 'wachtlijst' | 'geannuleerd';

export interface GuestRow {
  id: number;
  name: string;
  organization: string;
  email: string;
  nonMember: boolean;
  present: boolean | null;
}

export interface SignupRow {
  id: number;
  userId: number;
  userName: string;
  userEmail: string;
  organizationId: number;
  organizationName: string;
  status: SignupStatus;
  present: boolean | null;
  queuedAt: Date;
  guests: GuestRow[];
}

const SIGNUP_SELECT = `
  SELECT s.id, s.user_id AS "userId", u.name AS "userName", u.email AS "userEmail", s.organization_id AS "organizationId",
         o.name AS "organizationName", s.status, s.present, s.queued_at AS "queuedAt",
         coalesce((SELECT json_agg(json_build_object('id', g.id, 'name', g.name, 'organization', g.organization, 'email', g.email,
                                                     'nonMember', g.non_member, 'present', g.present) ORDER BY g.position)
                     FROM meeting_signup_guests g WHERE g.signup_id = s.id), '[]') AS guests
    FROM meeting_signups s JOIN users u ON u.id = s.user_id JOIN organizations o ON o.id = s.organization_id`;

/** The viewer's own sign-up for a meeting (also a cancelled one), with their place on the waiting list. */
export async function mySignup(
  ds: DataSource | EntityManager,
  meetingId: number,
  userId: number,
): Promise<(SignupRow & { waitingPosition: number | null }) | null> {
  const [row] = await ds.query(`${SIGNUP_SELECT} WHERE s.meeting_id = $1 AND s.user_id = $2`, [
    meetingId,
    userId,
  ]);
  if (!row) return null;
  let waitingPosition: number | null = null;
  if (row.status === 'wachtlijst') {
    // Compared in SQL: queued_at has microseconds, a JavaScript Date only milliseconds.
    const [p] = await ds.query(
      `SELECT count(*)::int AS n FROM meeting_signups w JOIN meeting_signups me ON me.id = $2
        WHERE w.meeting_id = $1 AND w.status = 'wachtlijst' AND (w.queued_at, w.id) <= (me.queued_at, me.id)`,
      [meetingId, row.id],
    );
    waitingPosition = p.n;
  }
  return { ...row, waitingPosition };
}

/** Active sign-ups (signed up first, then the waiting list in its order), for the kerngroep's list. */
export async function meetingSignups(ds: DataSource, meetingId: number): Promise<SignupRow[]> {
  return ds.query(
    `${SIGNUP_SELECT} WHERE s.meeting_id = $1 AND s.status <> 'geannuleerd'
      ORDER BY CASE s.status WHEN 'aangemeld' THEN 0 ELSE 1 END,
               CASE WHEN s.status = 'aangemeld' THEN o.name END, CASE WHEN s.status = 'aangemeld' THEN u.name END,
               s.queued_at, s.id`,
    [meetingId],
  );
}

export interface SeatUsage {
  /** Seats taken by signed-up members and their guests. */
  taken: number;
  /** Of those, guests of organisations that are not members. */
  nonMemberTaken: number;
  /** Sign-ups on the waiting list. */
  waiting: number;
}

/** Seats in use for a meeting (read inside the sign-up transaction, under the meeting's row lock). */
export async function seatUsage(
  m: DataSource | EntityManager,
  meetingId: number,
  exceptSignupId = 0,
): Promise<SeatUsage> {
  const [row] = await m.query(
    `SELECT coalesce(sum(1 + (SELECT count(*) FROM meeting_signup_guests g WHERE g.signup_id = s.id))
                       FILTER (WHERE s.status = 'aangemeld'), 0)::int AS taken,
            coalesce(sum((SELECT count(*) FROM meeting_signup_guests g WHERE g.signup_id = s.id AND g.non_member))
                       FILTER (WHERE s.status = 'aangemeld'), 0)::int AS "nonMemberTaken",
            count(*) FILTER (WHERE s.status = 'wachtlijst')::int AS waiting
       FROM meeting_signups s WHERE s.meeting_id = $1 AND s.id <> $2`,
    [meetingId, exceptSignupId],
  );
  return row;
}

/** Members and guests per organisation (signed up, waiting, present), for the kerngroep. */
export function countsPerOrganization(signups: SignupRow[]) {
  const counts = new Map<
    string,
    { organization: string; members: number; guests: number; waiting: number; present: number }
  >();
  const bump = (organization: string, key: 'members' | 'guests' | 'waiting' | 'present') => {
    const c = counts.get(organization) ?? { organization, members: 0, guests: 0, waiting: 0, present: 0 };
    c[key] += 1;
    counts.set(organization, c);
  };
  for (const s of signups) {
    if (s.status === 'wachtlijst') {
      bump(s.organizationName, 'waiting');
      for (const g of s.guests) bump(g.organization, 'waiting');
      continue;
    }
    bump(s.organizationName, 'members');
    if (s.present) bump(s.organizationName, 'present');
    for (const g of s.guests) {
      bump(g.organization, 'guests');
      if (g.present) bump(g.organization, 'present');
    }
  }
  return [...counts.values()].sort((a, b) => a.organization.localeCompare(b.organization, 'nl'));
}
