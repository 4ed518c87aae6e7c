import type { DataSource } from 'typeorm';
import type { CaseStatus, CaseVisibility, UserRole } from '../domain';
import { can } from '../policy';
import { searchParamsSchema, toSearchQuery, type ParsedSearch } from '../search/search.params';

export const FOLLOW_KINDS = ['theme', 'role', 'case', 'search'] as const;
export type FollowKind = (typeof FOLLOW_KINDS)[number];

export const FOLLOW_KIND_LABELS: Record<FollowKind, string> = {
  theme: 'Thema',
  role: 'Rol van de corporatie',
  case: 'Casus',
  search: 'Zoekopdracht',
};

export interface FollowRow {
  id: number;
  kind: FollowKind;
  value: string;
  label: string;
  createdAt: Date;
}

/** A saved search (the query string of /casussen) parsed exactly as the search page parses it. */
export function savedSearchQuery(value: string, themeSlugs: string[]): ParsedSearch {
  const raw: Record<string, string | string[]> = {};
  for (const [key, v] of new URLSearchParams(value)) {
    const had = raw[key];
    raw[key] = had === undefined ? v : [...(Array.isArray(had) ? had : [had]), v];
  }
  const params = searchParamsSchema.safeParse(raw);
  return toSearchQuery(params.success ? params.data : searchParamsSchema.parse({}), themeSlugs);
}

/** What the member follows, newest first. */
export function listFollows(ds: DataSource, userId: number): Promise<FollowRow[]> {
  return ds.query(
    `SELECT id, kind, value, label, created_at AS "createdAt" FROM follows WHERE user_id = $1 ORDER BY created_at DESC, id DESC`,
    [userId],
  );
}

/** The member's follow of this thing, if any (for the "Volg" buttons). */
export async function followOf(
  ds: DataSource,
  userId: number,
  kind: FollowKind,
  value: string,
): Promise<FollowRow | undefined> {
  const [row] = await ds.query(
    `SELECT id, kind, value, label, created_at AS "createdAt" FROM follows WHERE user_id = $1 AND kind = $2 AND value = $3`,
    [userId, kind, value],
  );
  return row;
}

/**
 * Members following a case (its conversation, reflections, a place on an agenda) who may still
 * read it: its visibility may have narrowed since they followed.
 */
export async function caseFollowerIds(
  m: Pick<DataSource, 'query'>,
  caseIds: number[],
): Promise<Array<{ userId: number; caseId: number }>> {
  if (caseIds.length === 0) return [];
  const rows: Array<{
    userId: number;
    caseId: number;
    roles: UserRole[];
    organizationId: number;
    status: CaseStatus;
    authorId: number;
    caseOrganizationId: number;
    visibility: CaseVisibility;
  }> = await m.query(
    `SELECT f.user_id AS "userId", c.id AS "caseId", u.roles, u.organization_id AS "organizationId",
            c.status, c.author_id AS "authorId", c.organization_id AS "caseOrganizationId", c.visibility
       FROM follows f JOIN users u ON u.id = f.user_id AND u.active JOIN cases c ON c.id::text = f.value
      WHERE f.kind = 'case' AND f.value = ANY($1::text[])`,
    [caseIds.map(String)],
  );
  return rows
    .filter((r) =>
      can(
        {
          id: r.userId,
          name: '',
          email: '',
          roles: r.roles,
          organizationId: r.organizationId,
          organizationName: '',
          hasTotp: false,
        },
        'case:read',
        {
          status: r.status,
          authorId: r.authorId,
          organizationId: r.caseOrganizationId,
          visibility: r.visibility,
        },
      ),
    )
    .map((r) => ({ userId: r.userId, caseId: r.caseId }));
}
