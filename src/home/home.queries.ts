import type { DataSource } from 'typeorm';
import { SqlParams } from '../db/sql';
import type { CaseStatus } from '../domain';
import type { Viewer } from '../policy';
import { visibilitySql } from '../search/visibility';

export interface HomeCase {
  id: number;
  title: string;
  organizationName: string;
  publishedAt: Date | null;
}

export interface HomeData {
  upcomingMeetings: Array<{
    id: number;
    title: string;
    startsAt: Date;
    locationName: string;
    status: string;
  }>;
  /** New published cases in the themes and roles the viewer follows (not their own), newest first. */
  followedCases: Array<HomeCase & { reason: string }>;
  recentCases: HomeCase[];
  myCases: Array<{ id: number; title: string; status: CaseStatus; updatedAt: Date }>;
  myNominations: Array<{
    id: number;
    caseId: number;
    caseTitle: string;
    meetingId: number;
    meetingTitle: string;
    status: string;
  }>;
  hasFollows: boolean;
}

/** How far back "new in what you follow" looks. */
const FOLLOWED_DAYS = 60;

/** The lists every member sees on the home page, limited to what this viewer may see (drafts: only their own). */
export async function loadHome(dataSource: DataSource, viewer: Viewer): Promise<HomeData> {
  const recent = new SqlParams();
  // Only what the viewer may read: the case's visibility level decides, as in search.
  const followed = new SqlParams(viewer.id, FOLLOWED_DAYS);
  const followedVisible = visibilitySql('c', (v) => followed.add(v), viewer, ['published']);
  const [upcomingMeetings, followedCases, recentCases, myCases, myNominations, follows] = await Promise.all([
    dataSource.query(
      `SELECT id, title, starts_at AS "startsAt", location_name AS "locationName", status
         FROM meetings WHERE starts_at >= now() - interval '1 day' ORDER BY starts_at LIMIT 3`,
    ),
    dataSource.query(
      `SELECT c.id, c.title, o.name AS "organizationName", c.published_at AS "publishedAt",
              (SELECT f.label FROM follows f
                WHERE f.user_id = $1 AND ((f.kind = 'theme' AND f.value IN (SELECT t.slug FROM case_themes ct JOIN themes t ON t.id = ct.theme_id WHERE ct.case_id = c.id))
                                       OR (f.kind = 'role' AND f.value = ANY(c.roles)))
                ORDER BY f.kind DESC, f.id LIMIT 1) AS reason
         FROM cases c JOIN organizations o ON o.id = c.organization_id
        WHERE ${followedVisible} AND c.author_id <> $1
          AND c.published_at > now() - make_interval(days => $2)
          AND EXISTS (SELECT 1 FROM follows f
                       WHERE f.user_id = $1 AND ((f.kind = 'theme' AND f.value IN (SELECT t.slug FROM case_themes ct JOIN themes t ON t.id = ct.theme_id WHERE ct.case_id = c.id))
                                                OR (f.kind = 'role' AND f.value = ANY(c.roles))))
        ORDER BY c.published_at DESC, c.id DESC LIMIT 6`,
      followed.values,
    ),
    dataSource.query(
      `SELECT c.id, c.title, o.name AS "organizationName", c.published_at AS "publishedAt"
         FROM cases c JOIN organizations o ON o.id = c.organization_id
        WHERE ${visibilitySql('c', (v) => recent.add(v), viewer, ['published'])}
        ORDER BY c.published_at DESC NULLS LAST, c.id DESC LIMIT 6`,
      recent.values,
    ),
    dataSource.query(
      `SELECT id, title, status, updated_at AS "updatedAt" FROM cases
        WHERE author_id = $1 ORDER BY (status = 'draft') DESC, updated_at DESC LIMIT 10`,
      [viewer.id],
    ),
    dataSource.query(
      `SELECT n.id, n.case_id AS "caseId", c.title AS "caseTitle", m.id AS "meetingId", m.title AS "meetingTitle", n.status
         FROM nominations n JOIN cases c ON c.id = n.case_id JOIN meetings m ON m.id = n.meeting_id
        WHERE n.nominated_by_id = $1 ORDER BY m.starts_at DESC LIMIT 10`,
      [viewer.id],
    ),
    dataSource.query(`SELECT count(*)::int AS n FROM follows WHERE user_id = $1`, [viewer.id]),
  ]);
  return {
    upcomingMeetings,
    followedCases,
    recentCases,
    myCases,
    myNominations,
    hasFollows: follows[0].n > 0,
  };
}

export interface AwaitingReflection {
  caseId: number;
  caseTitle: string;
  meetingId: number;
  meetingTitle: string;
  startsAt: Date;
}
export interface CuratorWork {
  undecided: Array<{ meetingId: number; meetingTitle: string; pending: number }>;
  deadlines: Array<{
    meetingId: number;
    meetingTitle: string;
    nominationDeadline: Date;
    nominations: number;
  }>;
}

/** Experts: published cases on the agendas of upcoming meetings without a reflection yet (their meetings first). */
export function casesAwaitingReflection(
  dataSource: DataSource,
  viewer: Viewer,
): Promise<AwaitingReflection[]> {
  const p = new SqlParams(viewer.id);
  const readable = visibilitySql('c', (v) => p.add(v), viewer, ['published']);
  return dataSource.query(
    `SELECT c.id AS "caseId", c.title AS "caseTitle", m.id AS "meetingId", m.title AS "meetingTitle", m.starts_at AS "startsAt"
       FROM nominations n JOIN cases c ON c.id = n.case_id JOIN meetings m ON m.id = n.meeting_id
      WHERE n.status = 'selected' AND m.status IN ('nominations_open', 'agenda_set') AND m.starts_at >= now()
        AND ${readable}
        AND NOT EXISTS (SELECT 1 FROM reflections r WHERE r.case_id = c.id AND r.status = 'active')
      ORDER BY EXISTS (SELECT 1 FROM meeting_experts e WHERE e.meeting_id = m.id AND e.user_id = $1) DESC,
               m.starts_at, n.agenda_position NULLS LAST, n.id
      LIMIT 10`,
    p.values,
  );
}

/** The kerngroep: nominations still to decide, and meetings whose nomination deadline is coming. */
export async function curatorWork(dataSource: DataSource): Promise<CuratorWork> {
  const [undecided, deadlines] = await Promise.all([
    dataSource.query(
      `SELECT m.id AS "meetingId", m.title AS "meetingTitle", count(*)::int AS pending
         FROM nominations n JOIN meetings m ON m.id = n.meeting_id
        WHERE n.status = 'pending' AND m.status <> 'held'
        GROUP BY m.id, m.title, m.starts_at ORDER BY m.starts_at LIMIT 10`,
    ),
    dataSource.query(
      `SELECT m.id AS "meetingId", m.title AS "meetingTitle", m.nomination_deadline AS "nominationDeadline",
              (SELECT count(*)::int FROM nominations n WHERE n.meeting_id = m.id) AS nominations
         FROM meetings m
        WHERE m.status = 'nominations_open' AND m.nomination_deadline >= now()
        ORDER BY m.nomination_deadline LIMIT 5`,
    ),
  ]);
  return { undecided, deadlines };
}
