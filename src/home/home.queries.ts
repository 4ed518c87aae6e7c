import type { DataSource } from 'typeorm';
import { SqlParams } from '../db/sql';
import type { Viewer } from '../policy';
import { visibilitySql } from '../search/visibility';

export interface HomeData {
  upcomingMeetings: Array<{
    id: number;
    title: string;
    startsAt: Date;
    locationName: string;
    status: string;
  }>;
  recentCases: Array<{
    id: number;
    title: string;
    summary: string;
    organizationName: string;
    updatedAt: Date;
  }>;
  myDrafts: Array<{ id: number; title: string; updatedAt: Date }>;
  myNominations: Array<{
    id: number;
    caseId: number;
    caseTitle: string;
    meetingId: number;
    meetingTitle: string;
    status: string;
  }>;
}

/** The home page's four lists, limited to what this viewer may see (drafts: only their own). */
export async function loadHome(dataSource: DataSource, viewer: Viewer): Promise<HomeData> {
  const recent = new SqlParams();
  const [upcomingMeetings, recentCases, myDrafts, myNominations] = await Promise.all([
    dataSource.query(
      `SELECT id, title, starts_at AS "startsAt", location_name AS "locationName", status
         FROM meetings WHERE starts_at >= now() - interval '1 day' ORDER BY starts_at LIMIT 3`,
    ),
    dataSource.query(
      `SELECT c.id, c.title, c.summary, o.name AS "organizationName", c.updated_at AS "updatedAt"
         FROM cases c JOIN organizations o ON o.id = c.organization_id
        WHERE ${visibilitySql('c', (v) => recent.add(v), viewer, ['published'])}
        ORDER BY c.published_at DESC NULLS LAST, c.id DESC LIMIT 6`,
      recent.values,
    ),
    dataSource.query(
      `SELECT id, title, updated_at AS "updatedAt" FROM cases
        WHERE status = 'draft' AND author_id = $1 ORDER BY updated_at DESC LIMIT 10`,
      [viewer.id],
    ),
    dataSource.query(
      `SELECT n.id, n.case_id AS "caseId", c.title AS "caseTitle", m.id AS "meetingId", m.title AS "meetingTitle", n.status
         FROM nominations n JOIN cases c ON c.id = n.case_id JOIN meetings m ON m.id = n.meeting_id
        WHERE n.nominated_by_id = $1 ORDER BY m.starts_at DESC LIMIT 10`,
      [viewer.id],
    ),
  ]);
  return { upcomingMeetings, recentCases, myDrafts, myNominations };
}
