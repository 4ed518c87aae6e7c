import type { DataSource } from 'typeorm';
import { findingKey, type ConfirmedFinding, type FindingKind } from './personal-data';

/** Names that are never findings: every organisation of the community. */
export async function allowedTexts(ds: DataSource): Promise<string[]> {
  const rows: Array<{ name: string }> = await ds.query(`SELECT name FROM organizations`);
  return rows.map((r) => r.name);
}

export interface AttachmentText {
  id: number;
  filename: string;
  status: string;
  text: string | null;
  pageOffsets: number[] | null;
}

/** The extracted text of a case's attachments (what search also reads). */
export async function attachmentTexts(ds: DataSource, caseId: number): Promise<AttachmentText[]> {
  return ds.query(
    `SELECT id, filename, extraction_status AS status, extracted_text AS text, page_offsets AS "pageOffsets"
       FROM attachments WHERE case_id = $1 ORDER BY created_at, id`,
    [caseId],
  );
}

/** Findings confirmed earlier for this case (by kind and text). */
export async function confirmedFindingKeys(ds: DataSource, caseId: number): Promise<Set<string>> {
  const rows: Array<{ kind: FindingKind; text: string }> = await ds.query(
    `SELECT f.kind, f.text FROM privacy_confirmations c,
            jsonb_to_recordset(c.findings) AS f(kind text, text text)
      WHERE c.case_id = $1`,
    [caseId],
  );
  return new Set(rows.map(findingKey));
}

export type ReviewStatus = 'open' | 'checked' | 'change_requested';

export interface ReviewRow {
  id: number;
  caseId: number;
  caseTitle: string;
  caseStatus: string;
  authorId: number;
  authorName: string;
  confirmedByName: string | null;
  confirmedAt: Date;
  findings: ConfirmedFinding[];
  reviewStatus: ReviewStatus;
  reviewedByName: string | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
}

const REVIEW_SELECT = `
  SELECT p.id, p.case_id AS "caseId", c.title AS "caseTitle", c.status AS "caseStatus", c.author_id AS "authorId",
         a.name AS "authorName", cb.name AS "confirmedByName", p.confirmed_at AS "confirmedAt", p.findings,
         p.review_status AS "reviewStatus", rb.name AS "reviewedByName", p.reviewed_at AS "reviewedAt",
         p.review_note AS "reviewNote"
    FROM privacy_confirmations p
    JOIN cases c ON c.id = p.case_id
    JOIN users a ON a.id = c.author_id
    LEFT JOIN users cb ON cb.id = p.confirmed_by_id
    LEFT JOIN users rb ON rb.id = p.reviewed_by_id`;

/**
 * Confirmations of cases others can see (published or archived) for the kerngroep: the ones
 * still to look at first, then the last 50 handled.
 */
export async function reviewList(ds: DataSource): Promise<{ open: ReviewRow[]; handled: ReviewRow[] }> {
  const [open, handled] = await Promise.all([
    ds.query(
      `${REVIEW_SELECT} WHERE c.status <> 'draft' AND p.review_status <> 'checked' ORDER BY p.confirmed_at, p.id LIMIT 500`,
    ),
    ds.query(
      `${REVIEW_SELECT} WHERE c.status <> 'draft' AND p.review_status = 'checked' ORDER BY p.reviewed_at DESC, p.id DESC LIMIT 50`,
    ),
  ]);
  return { open, handled };
}

export async function findReview(ds: DataSource, id: number): Promise<ReviewRow | undefined> {
  const [row] = await ds.query(`${REVIEW_SELECT} WHERE p.id = $1`, [id]);
  return row;
}

/** A member an admin is about to remove, with how much of their content is at stake (undefined when gone). */
export async function memberToRemove(
  ds: DataSource,
  id: number,
): Promise<
  | { id: number; name: string; email: string; organizationName: string; cases: number; reflections: number }
  | undefined
> {
  const [user] = await ds.query(
    `SELECT u.id, u.name, u.email, o.name AS "organizationName",
            (SELECT count(*)::int FROM cases c WHERE c.author_id = u.id) AS cases,
            (SELECT count(*)::int FROM reflections r WHERE r.author_id = u.id) AS reflections
       FROM users u JOIN organizations o ON o.id = u.organization_id WHERE u.id = $1 AND u.removed_at IS NULL`,
    [id],
  );
  return user;
}
