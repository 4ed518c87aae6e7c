import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../accounts/passwords';
import { CasesService } from '../cases/cases.service';
import { enqueueSearchUpdate } from '../search/outbox';
import { fromLocalParts, toLocalParts } from '../meetings/meeting-time';
import { demoCases, demoMeetings, demoOrganizations, demoUsers } from './demo-content';
import { contentOf } from '../cases/case-fields';
import { demoReactions } from './demo-reactions';
import { USER_ROLE_LABELS, type UserRole } from '../domain';

/** Demo passwords per account: documented in README, printed on the console outside production. */
export const DEMO_PASSWORDS: Record<string, string> = {
  'deelnemer@casusbank.nl': 'demo-deelnemer-2026',
  'expert@casusbank.nl': 'demo-expert-2026',
  'kerngroep@casusbank.nl': 'demo-kerngroep-2026',
  'beheer@casusbank.nl': 'demo-beheerder-2026',
};
const OTHER_DEMO_PASSWORD = 'demo-collega-2026';

export interface SeedResult {
  seeded: boolean;
  accounts: Array<{ email: string; password: string; roles: string[] }>;
  cases: number;
}

/** True when the database holds no organisations yet (a fresh install). */
export async function isEmptyDatabase(dataSource: DataSource): Promise<boolean> {
  const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM organizations`);
  return row.n === 0;
}

/**
 * Fills an empty database with the demo community: organisations, one account per role,
 * ~30 cases, two meetings with nominations and reflections. All or nothing, in one transaction.
 */
export async function seedDemo(dataSource: DataSource): Promise<SeedResult> {
  if (!(await isEmptyDatabase(dataSource))) return { seeded: false, accounts: [], cases: 0 };

  const passwords = new Map<string, string>();
  const hashes = new Map<string, string>();
  for (const user of demoUsers) {
    const password = DEMO_PASSWORDS[user.email] ?? OTHER_DEMO_PASSWORD;
    passwords.set(user.email, password);
    hashes.set(user.email, await hashPassword(password));
  }

  const cases = new CasesService(dataSource);
  await dataSource.transaction(async (m) => {
    const orgIds = new Map<string, number>();
    for (const org of demoOrganizations) {
      const [row] = await m.query(`INSERT INTO organizations (name, kind) VALUES ($1, $2) RETURNING id`, [
        org.name,
        org.kind,
      ]);
      orgIds.set(org.name, row.id);
    }
    const userIds = new Map<string, { id: number; organizationId: number }>();
    for (const user of demoUsers) {
      const organizationId = required(orgIds, user.organization, 'organisatie');
      const [row] = await m.query(
        `INSERT INTO users (email, name, password_hash, roles, organization_id, password_changed_at)
         VALUES ($1, $2, $3, $4, $5, now()) RETURNING id`,
        [user.email, user.name, hashes.get(user.email), user.roles, organizationId],
      );
      userIds.set(user.email, { id: row.id, organizationId });
    }

    const caseIds = new Map<string, number>();
    let daysAgo = demoCases.length * 9;
    for (const c of demoCases) {
      const author = required(userIds, c.author, 'auteur');
      const id = await cases.create(
        contentOf(c),
        {
          authorId: author.id,
          organizationId: required(orgIds, c.organization, 'organisatie'),
          status: c.status,
          createdAt: new Date(Date.now() - daysAgo * 86_400_000),
        },
        m,
      );
      daysAgo -= 9;
      caseIds.set(c.title, id);
    }

    for (const meeting of demoMeetings) await seedMeeting(m, meeting, orgIds, userIds, caseIds);
    await seedReactions(m, userIds, caseIds);
    // The demo member follows a theme and a search (Wat ik volg, the home page); the collection
    // itself is not news to anyone, so its publications are marked as told.
    const member = required(userIds, 'deelnemer@casusbank.nl', 'deelnemer');
    await m.query(
      `INSERT INTO follows (user_id, kind, value, label) VALUES
         ($1, 'theme', 'incasso', 'Incasso en huurachterstanden'), ($1, 'search', 'q=wijkteam', '“wijkteam”')`,
      [member.id],
    );
    await m.query(`UPDATE publication_events SET processed_at = now() WHERE processed_at IS NULL`);
  });

  return {
    seeded: true,
    accounts: demoUsers.map((u) => ({ email: u.email, password: passwords.get(u.email)!, roles: u.roles })),
    cases: demoCases.length,
  };
}

async function seedMeeting(
  m: EntityManager,
  meeting: (typeof demoMeetings)[number],
  orgIds: Map<string, number>,
  userIds: Map<string, { id: number }>,
  caseIds: Map<string, number>,
) {
  const day = 86_400_000;
  // Dutch local time, like the meeting form: the day in Amsterdam, the programme's first slot as
  // the start (a fixed 13:00 UTC read as 14:00 in winter, an hour after the programme began).
  const localDay = (days: number) => toLocalParts(new Date(Date.now() + days * day)).date;
  const date = localDay(meeting.startsInDays);
  const startsAt = fromLocalParts(date, meeting.startTime ?? meeting.programme[0]?.startsAt ?? '13:00');
  const endsAt = fromLocalParts(date, meeting.endTime ?? '17:00');
  // Nominations close at the end of the deadline day, as the form stores it.
  const deadline =
    meeting.nominationDeadlineInDays === undefined
      ? null
      : fromLocalParts(localDay(meeting.nominationDeadlineInDays), '23:59');
  const curator = [...userIds.entries()].find(([email]) => email.startsWith('kerngroep'))?.[1].id ?? null;
  const [row] = await m.query(
    `INSERT INTO meetings (title, starts_at, ends_at, location_name, location_address, host_organization_id,
                           description, focus_role, nomination_deadline, status, created_by_id,
                           location_postcode, location_city, capacity)
     VALUES ($1, $2, $14, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [
      meeting.title,
      startsAt,
      meeting.locationName,
      meeting.locationAddress,
      meeting.hostOrganization ? required(orgIds, meeting.hostOrganization, 'organisatie') : null,
      meeting.description,
      meeting.focusRole ?? null,
      deadline,
      meeting.status,
      curator,
      meeting.locationPostcode,
      meeting.locationCity,
      meeting.capacity ?? null,
      endsAt,
    ],
  );
  const meetingId: number = row.id;
  await m.query(
    `INSERT INTO meeting_themes (meeting_id, theme_id) SELECT $1, id FROM themes WHERE slug = ANY($2)`,
    [meetingId, meeting.themes],
  );
  for (const email of meeting.experts) {
    await m.query(`INSERT INTO meeting_experts (meeting_id, user_id) VALUES ($1, $2)`, [
      meetingId,
      required(userIds, email, 'expert').id,
    ]);
  }
  const touched: number[] = [];
  for (const n of meeting.nominations) {
    const caseId = required(caseIds, n.caseTitle, 'casus');
    const decided = n.status !== 'pending';
    await m.query(
      `INSERT INTO nominations (meeting_id, case_id, nominated_by_id, motivation, status, feedback, agenda_position,
                                decided_by_id, decided_at, presented_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        meetingId,
        caseId,
        required(userIds, n.nominatedBy, 'voordrager').id,
        n.motivation,
        n.status,
        n.feedback ?? '',
        n.agendaPosition ?? null,
        decided ? curator : null,
        decided ? new Date(startsAt.getTime() - 14 * day) : null,
        n.presented ? startsAt : null,
      ],
    );
    touched.push(caseId);
  }
  for (const r of meeting.reflections ?? []) {
    const caseId = required(caseIds, r.caseTitle, 'casus');
    await m.query(
      `INSERT INTO reflections (case_id, author_id, meeting_id, body, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $5)`,
      [
        caseId,
        required(userIds, r.author, 'expert').id,
        meetingId,
        r.body,
        new Date(startsAt.getTime() + day),
      ],
    );
    touched.push(caseId);
  }
  await seedMeetingLife(m, meeting, meetingId, userIds, curator);
  await enqueueSearchUpdate(m, [...new Set(touched)], 'demo.meeting');
}

/** The demo conversation (meedenken): reactions, replies, one marked "Dit hielp mij". */
async function seedReactions(
  m: EntityManager,
  userIds: Map<string, { id: number }>,
  caseIds: Map<string, number>,
) {
  const day = 86_400_000;
  let at = Date.now() - 6 * day;
  const insert = async (caseId: number, author: string, body: string, extra: Record<string, unknown>) => {
    at += 3 * 3_600_000;
    const [row] = await m.query(
      `INSERT INTO reactions (case_id, author_id, parent_id, linked_case_id, body, helpful_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
      [
        caseId,
        required(userIds, author, 'schrijver').id,
        extra.parentId ?? null,
        extra.linkedCaseId ?? null,
        body,
        extra.helpful ? new Date(at + day) : null,
        new Date(at),
      ],
    );
    return row.id as number;
  };
  const touched = new Set<number>();
  for (const r of demoReactions) {
    const caseId = required(caseIds, r.caseTitle, 'casus');
    const id = await insert(caseId, r.author, r.body, {
      linkedCaseId: r.linkedCaseTitle ? required(caseIds, r.linkedCaseTitle, 'casus') : null,
      helpful: r.helpful,
    });
    for (const reply of r.replies ?? []) await insert(caseId, reply.author, reply.body, { parentId: id });
    touched.add(caseId);
  }
  await enqueueSearchUpdate(m, [...touched], 'demo.reactions');
}

/** The programme, the sign-ups (with guests) and, for a held meeting, the verslag with its outcomes. */
async function seedMeetingLife(
  m: EntityManager,
  meeting: (typeof demoMeetings)[number],
  meetingId: number,
  userIds: Map<string, { id: number }>,
  curator: number | null,
) {
  const nominationOf = async (caseTitle: string) =>
    (
      await m.query(
        `SELECT n.id FROM nominations n JOIN cases c ON c.id = n.case_id WHERE n.meeting_id = $1 AND c.title = $2`,
        [meetingId, caseTitle],
      )
    )[0]?.id ?? null;
  for (const [i, slot] of meeting.programme.entries()) {
    await m.query(
      `INSERT INTO meeting_programme_items (meeting_id, position, starts_at, ends_at, title, nomination_id, presenter_id, expert_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        meetingId,
        i + 1,
        slot.startsAt,
        slot.endsAt ?? null,
        slot.title,
        slot.caseTitle ? await nominationOf(slot.caseTitle) : null,
        slot.presenter ? required(userIds, slot.presenter, 'presentator').id : null,
        slot.expert ? required(userIds, slot.expert, 'expert').id : null,
      ],
    );
  }
  const held = meeting.status === 'held';
  for (const signup of meeting.signups ?? []) {
    const userId = required(userIds, signup.member, 'lid').id;
    const [row] = await m.query(
      `INSERT INTO meeting_signups (meeting_id, user_id, organization_id, status, present)
       SELECT $1, id, organization_id, 'aangemeld', $3 FROM users WHERE id = $2 RETURNING id`,
      [meetingId, userId, held ? true : null],
    );
    for (const [i, g] of (signup.guests ?? []).entries()) {
      await m.query(
        `INSERT INTO meeting_signup_guests (signup_id, name, organization, email, non_member, position, present)
         VALUES ($1, $2, $3, $4, NOT EXISTS (SELECT 1 FROM organizations WHERE lower(name) = lower($7::text)), $5, $6)`,
        [row.id, g.name, g.organization, g.email, i + 1, held ? true : null, g.organization],
      );
    }
  }
  if (meeting.report) {
    await m.query(`INSERT INTO meeting_reports (meeting_id, body, author_id) VALUES ($1, $2, $3)`, [
      meetingId,
      meeting.report.body,
      curator,
    ]);
    for (const [caseTitle, outcome] of Object.entries(meeting.report.outcomes)) {
      await m.query(`UPDATE nominations SET outcome = $2 WHERE id = $1`, [
        await nominationOf(caseTitle),
        outcome,
      ]);
    }
  }
}

function required<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demodata: onbekende ${what} "${key}"`);
  return value;
}

/**
 * The demo-account block printed at the first start (outside production): one line per role
 * account, its role named in Dutch as the interface names it (Deelnemer, Kerngroep …).
 */
export function demoAccountLines(accounts: SeedResult['accounts']): string[] {
  return accounts
    .filter((a) => /^(deelnemer|expert|kerngroep|beheer)@/.test(a.email))
    .map((a) => {
      const roles = a.roles.map((r) => USER_ROLE_LABELS[r as UserRole] ?? r).join(', ');
      return `  ${a.email.padEnd(26)} ${a.password.padEnd(22)} ${roles}`;
    });
}
