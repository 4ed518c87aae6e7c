import type { DataSource } from 'typeorm';

export interface ReflectionRow {
  id: number;
  caseId: number;
  authorId: number;
  authorName: string;
  organizationName: string;
  meetingId: number | null;
  meetingTitle: string | null;
  body: string;
  status: 'active' | 'withdrawn';
  createdAt: Date;
  updatedAt: Date;
}

const SELECT = `
  SELECT r.id, r.case_id AS "caseId", r.author_id AS "authorId", u.name AS "authorName", o.name AS "organizationName",
         r.meeting_id AS "meetingId", m.title AS "meetingTitle", r.body, r.status, r.created_at AS "createdAt", r.updated_at AS "updatedAt"
    FROM reflections r JOIN users u ON u.id = r.author_id JOIN organizations o ON o.id = u.organization_id
    LEFT JOIN meetings m ON m.id = r.meeting_id`;

/** Active reflections on these cases, oldest first (newest last, as a conversation reads). */
export async function activeReflections(ds: DataSource, caseIds: number[]): Promise<ReflectionRow[]> {
  if (caseIds.length === 0) return [];
  return ds.query(`${SELECT} WHERE r.case_id = ANY($1) AND r.status = 'active' ORDER BY r.created_at, r.id`, [
    caseIds,
  ]);
}

export async function findReflection(ds: DataSource, id: number): Promise<ReflectionRow | null> {
  const [row] = await ds.query(`${SELECT} WHERE r.id = $1`, [id]);
  return row ?? null;
}
