import type { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../policy';
import type { ReactionStatus } from './reaction.entity';

export interface ReactionRow {
  id: number;
  caseId: number;
  parentId: number | null;
  authorId: number;
  authorName: string;
  organizationName: string;
  body: string;
  status: ReactionStatus;
  hiddenReason: string | null;
  helpful: boolean;
  edited: boolean;
  /** The writer's own case they pointed to ("zie ook onze casus …"), when members may read it. */
  linkedCaseId: number | null;
  linkedCaseTitle: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const SELECT = `
  SELECT r.id, r.case_id AS "caseId", r.parent_id AS "parentId", r.author_id AS "authorId",
         u.name AS "authorName", o.name AS "organizationName", r.body, r.status, r.hidden_reason AS "hiddenReason",
         r.helpful_at IS NOT NULL AS helpful, r.edited_at IS NOT NULL AS edited,
         lc.id AS "linkedCaseId", lc.title AS "linkedCaseTitle", r.created_at AS "createdAt", r.updated_at AS "updatedAt"
    FROM reactions r JOIN users u ON u.id = r.author_id JOIN organizations o ON o.id = u.organization_id
    LEFT JOIN cases lc ON lc.id = r.linked_case_id AND lc.status <> 'draft'`;

/** Every reaction on a case (also deleted and hidden ones: the view-model decides what shows), oldest first. */
export async function caseReactions(ds: DataSource, caseId: number): Promise<ReactionRow[]> {
  return ds.query(`${SELECT} WHERE r.case_id = $1 ORDER BY r.created_at, r.id`, [caseId]);
}

/** Reactions everyone may see on these cases: not hidden, not deleted (the API, meeting preparation). */
export async function shownReactions(
  ds: DataSource,
  caseIds: number[],
  options: { helpfulOnly?: boolean } = {},
): Promise<ReactionRow[]> {
  if (caseIds.length === 0) return [];
  return ds.query(
    `${SELECT} WHERE r.case_id = ANY($1) AND r.status = 'active' ${options.helpfulOnly ? 'AND r.helpful_at IS NOT NULL' : ''}
      ORDER BY r.created_at, r.id`,
    [caseIds],
  );
}

export async function findReaction(ds: DataSource, id: number): Promise<ReactionRow | null> {
  const [row] = await ds.query(`${SELECT} WHERE r.id = $1`, [id]);
  return row ?? null;
}

/**
 * Cases the viewer may point to from a reaction: published cases of their own organisation (or their
 * own) that every member may read (a link in a reaction is seen by everyone who reads the case).
 */
export async function linkableCases(
  ds: DataSource | EntityManager,
  viewer: Viewer,
  excludeCaseId?: number,
): Promise<Array<{ id: number; title: string }>> {
  return ds.query(
    `SELECT id, title FROM cases
      WHERE status = 'published' AND visibility = 'vakgemeenschap'
        AND (organization_id = $1 OR author_id = $2) AND id <> $3
      ORDER BY lower(title), id LIMIT 200`,
    [viewer.organizationId, viewer.id, excludeCaseId ?? 0],
  );
}

export async function isFollowing(ds: DataSource, caseId: number, userId: number): Promise<boolean> {
  const rows = await ds.query(`SELECT 1 FROM follows WHERE kind = 'case' AND value = $1 AND user_id = $2`, [
    String(caseId),
    userId,
  ]);
  return rows.length > 0;
}

export interface ReportedReaction {
  reactionId: number;
  caseId: number;
  caseTitle: string;
  authorName: string;
  body: string;
  reports: Array<{ reporterName: string; reason: string; createdAt: string }>;
  firstReportedAt: Date;
}

/** The kerngroep's queue: shown reactions with open reports, oldest report first. */
export async function reportedReactions(ds: DataSource): Promise<ReportedReaction[]> {
  return ds.query(
    `SELECT r.id AS "reactionId", r.case_id AS "caseId", c.title AS "caseTitle", u.name AS "authorName", r.body,
            json_agg(json_build_object('reporterName', ru.name, 'reason', rr.reason, 'createdAt', rr.created_at)
                     ORDER BY rr.created_at) AS reports,
            min(rr.created_at) AS "firstReportedAt"
       FROM reaction_reports rr
       JOIN reactions r ON r.id = rr.reaction_id JOIN cases c ON c.id = r.case_id
       JOIN users u ON u.id = r.author_id JOIN users ru ON ru.id = rr.reporter_id
      WHERE rr.resolved_at IS NULL AND r.status = 'active'
      GROUP BY r.id, c.title, u.name
      ORDER BY min(rr.created_at), r.id
      LIMIT 200`,
  );
}
