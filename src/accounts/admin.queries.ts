import type { DataSource } from 'typeorm';
import type { OrganizationKind, UserRole } from '../domain';
import type { AuditQuery, UserListQuery } from './admin.schemas';
import { Organization } from './organization.entity';

export const USERS_PER_PAGE = 25;
export const AUDIT_PER_PAGE = 50;

/** Escapes LIKE wildcards so a search for "50%" finds "50%" (used with ESCAPE '\'). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface Paged<T> {
  rows: T[];
  total: number;
  page: number;
  pages: number;
}

function paged<T>(rows: T[], total: number, page: number, perPage: number): Paged<T> {
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / perPage)) };
}

export interface UserRow {
  id: number;
  name: string;
  email: string;
  roles: UserRole[];
  organizationName: string;
  active: boolean;
  hasTotp: boolean;
  lastLoginAt: Date | null;
}

/** Accounts matching a search on name, e-mail address or organisation, by name. */
export async function listUsers(ds: DataSource, query: UserListQuery): Promise<Paged<UserRow>> {
  const pattern = query.q ? `%${escapeLike(query.q)}%` : null;
  // Removed members stay only as "voormalig lid" under their content, not as accounts.
  const where = `u.removed_at IS NULL AND ($1::text IS NULL OR u.name ILIKE $1 ESCAPE '\\' OR u.email ILIKE $1 ESCAPE '\\' OR o.name ILIKE $1 ESCAPE '\\')`;
  const [rows, [count]] = await Promise.all([
    ds.query(
      `SELECT u.id, u.name, u.email, u.roles, o.name AS "organizationName", u.active,
              u.totp_enabled_at IS NOT NULL AS "hasTotp", u.last_login_at AS "lastLoginAt"
         FROM users u JOIN organizations o ON o.id = u.organization_id
        WHERE ${where}
        ORDER BY lower(u.name), u.id LIMIT $2 OFFSET $3`,
      [pattern, USERS_PER_PAGE, (query.pagina - 1) * USERS_PER_PAGE],
    ),
    ds.query(
      `SELECT count(*)::int AS n FROM users u JOIN organizations o ON o.id = u.organization_id WHERE ${where}`,
      [pattern],
    ),
  ]);
  return paged(rows, count.n, query.pagina, USERS_PER_PAGE);
}

export interface UserDetail extends UserRow {
  organizationId: number;
  hasPassword: boolean;
  createdAt: Date;
  /** An unused, unexpired invitation or reset link exists. */
  openLinkExpiresAt: Date | null;
}

/** One account for the admin detail page, or null. */
export async function findUserDetail(ds: DataSource, id: number): Promise<UserDetail | null> {
  const [row] = await ds.query(
    `SELECT u.id, u.name, u.email, u.roles, u.organization_id AS "organizationId", o.name AS "organizationName",
            u.active, u.totp_enabled_at IS NOT NULL AS "hasTotp", u.password_hash IS NOT NULL AS "hasPassword",
            u.last_login_at AS "lastLoginAt", u.created_at AS "createdAt",
            (SELECT max(i.expires_at) FROM invitations i
              WHERE i.user_id = u.id AND i.used_at IS NULL AND i.expires_at >= now()) AS "openLinkExpiresAt"
       FROM users u JOIN organizations o ON o.id = u.organization_id
      WHERE u.id = $1 AND u.removed_at IS NULL`,
    [id],
  );
  return row ?? null;
}

export interface Option {
  id: number;
  name: string;
}

/** Organisations for a select, by name. */
export async function organizationOptions(ds: DataSource): Promise<Option[]> {
  const list = await ds.getRepository(Organization).find({ select: { id: true, name: true } });
  return list.sort((a, b) => a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' }) || a.id - b.id);
}

export interface OrganizationRow {
  id: number;
  name: string;
  kind: OrganizationKind;
  memberCount: number;
  caseCount: number;
}

/** Every organisation with its number of accounts and cases (all statuses: this is for admins). */
export async function listOrganizations(ds: DataSource): Promise<OrganizationRow[]> {
  return ds.query(
    `SELECT o.id, o.name, o.kind,
            (SELECT count(*)::int FROM users u WHERE u.organization_id = o.id) AS "memberCount",
            (SELECT count(*)::int FROM cases c WHERE c.organization_id = o.id) AS "caseCount"
       FROM organizations o ORDER BY lower(o.name), o.id`,
  );
}

export interface ThemeRow {
  id: number;
  slug: string;
  name: string;
  caseCount: number;
  meetingCount: number;
}

/** Every theme with the number of cases and meetings that carry it. */
export async function listThemes(ds: DataSource): Promise<ThemeRow[]> {
  return ds.query(
    `SELECT t.id, t.slug, t.name,
            (SELECT count(*)::int FROM case_themes ct WHERE ct.theme_id = t.id) AS "caseCount",
            (SELECT count(*)::int FROM meeting_themes mt WHERE mt.theme_id = t.id) AS "meetingCount"
       FROM themes t ORDER BY lower(t.name), t.id`,
  );
}

export interface AuditRow {
  id: string;
  at: Date;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  /** The subject's current name or title, when it still exists. */
  subjectName: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/** The distinct actions in the log, for the filter's select. */
export async function auditActions(ds: DataSource): Promise<string[]> {
  const rows: Array<{ action: string }> = await ds.query(
    `SELECT DISTINCT action FROM audit_events ORDER BY action`,
  );
  return rows.map((r) => r.action);
}

/** Audit events, newest first, filtered by action prefix, actor e-mail and a date range (Amsterdam days). */
export async function listAuditEvents(
  ds: DataSource,
  filters: AuditQuery,
  perPage = AUDIT_PER_PAGE,
): Promise<Paged<AuditRow>> {
  const params = [
    filters.actie ? `${escapeLike(filters.actie)}%` : null,
    filters.gebruiker ? `%${escapeLike(filters.gebruiker)}%` : null,
    filters.van ?? null,
    filters.tot ?? null,
  ];
  const where = `($1::text IS NULL OR a.action LIKE $1 ESCAPE '\\')
     AND ($2::text IS NULL OR u.email ILIKE $2 ESCAPE '\\')
     AND ($3::date IS NULL OR a.at >= ($3::date)::timestamp AT TIME ZONE 'Europe/Amsterdam')
     AND ($4::date IS NULL OR a.at < ($4::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')`;
  const from = `FROM audit_events a LEFT JOIN users u ON u.id = a.actor_id WHERE ${where}`;
  const [rows, [count]] = await Promise.all([
    ds.query(
      `SELECT a.id, a.at, u.name AS "actorName", u.email AS "actorEmail", a.action,
              a.subject_type AS "subjectType", a.subject_id AS "subjectId", a.ip, a.details,
              CASE a.subject_type
                WHEN 'user' THEN (SELECT s.name FROM users s WHERE s.id::text = a.subject_id)
                WHEN 'case' THEN (SELECT s.title FROM cases s WHERE s.id::text = a.subject_id)
                WHEN 'meeting' THEN (SELECT s.title FROM meetings s WHERE s.id::text = a.subject_id)
                WHEN 'organization' THEN (SELECT s.name FROM organizations s WHERE s.id::text = a.subject_id)
                WHEN 'theme' THEN (SELECT s.name FROM themes s WHERE s.id::text = a.subject_id)
              END AS "subjectName"
         ${from} ORDER BY a.at DESC, a.id DESC LIMIT $5 OFFSET $6`,
      [...params, perPage, (filters.pagina - 1) * perPage],
    ),
    ds.query(`SELECT count(*)::int AS n ${from}`, params),
  ]);
  return paged(rows, count.n, filters.pagina, perPage);
}
