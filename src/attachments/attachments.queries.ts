import type { DataSource } from 'typeorm';
import type { CaseRef } from '../policy';

/** What the policy needs of a case, or undefined when it does not exist. */
export async function loadCaseRef(ds: DataSource, caseId: number): Promise<CaseRef | undefined> {
  const [row] = await ds.query(
    `SELECT author_id, organization_id, status, visibility FROM cases WHERE id = $1`,
    [caseId],
  );
  return row
    ? {
        authorId: row.author_id,
        organizationId: row.organization_id,
        status: row.status,
        visibility: row.visibility,
      }
    : undefined;
}

export interface AttachmentFile {
  id: number;
  /** Exactly one of these is set: a case's attachment, or one of a meeting's verslag. */
  caseId: number | null;
  meetingId: number | null;
  sha256: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
}

/** One attachment's file data (no text), or undefined. */
export async function findAttachment(ds: DataSource, id: number): Promise<AttachmentFile | undefined> {
  const [row] = await ds.query(
    `SELECT id, case_id AS "caseId", meeting_id AS "meetingId", trim(blob_sha256) AS sha256, filename, mime_type AS "mimeType",
            size_bytes::float8 AS "sizeBytes"
       FROM attachments WHERE id = $1`,
    [id],
  );
  return row;
}

/** The attachments of a meeting's verslag, oldest first. */
export async function meetingAttachments(
  ds: DataSource,
  meetingId: number,
): Promise<Array<{ id: number; filename: string; mimeType: string; sizeBytes: number }>> {
  return ds.query(
    `SELECT id, filename, mime_type AS "mimeType", size_bytes::float8 AS "sizeBytes"
       FROM attachments WHERE meeting_id = $1 ORDER BY created_at, id`,
    [meetingId],
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids of pending uploads a form sent back (one value or several; anything not an id is left out). */
export function pendingIdsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return [...new Set(list.filter((v): v is string => typeof v === 'string' && UUID.test(v)))];
}

/** A member's own pending uploads among these ids, in the order given (someone else's are never shown). */
export async function pendingUploadsOf(
  ds: DataSource,
  userId: number,
  ids: string[],
): Promise<Array<{ id: string; filename: string; mimeType: string; sizeBytes: number }>> {
  if (ids.length === 0) return [];
  const rows: Array<{ id: string; filename: string; mime_type: string; size_bytes: string }> = await ds.query(
    `SELECT id, filename, mime_type, size_bytes FROM pending_uploads WHERE user_id = $1 AND id = ANY($2::uuid[])`,
    [userId, ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids
    .map((id) => byId.get(id))
    .filter((r) => r !== undefined)
    .map((r) => ({ id: r.id, filename: r.filename, mimeType: r.mime_type, sizeBytes: Number(r.size_bytes) }));
}
