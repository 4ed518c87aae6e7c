import type { DataSource } from 'typeorm';
import { SqlParams } from '../db/sql';
import { visibilitySql } from '../search/visibility';
import type { CaseStatus, OrganizationKind } from '../domain';
import { can, type Viewer } from '../policy';
import { notFound } from '../web/http-errors';
import { contentColumnsOf, contentFromRow, type CaseContent } from './case-fields';
import { Theme } from './theme.entity';

export interface CaseRecord extends CaseContent {
  id: number;
  status: CaseStatus;
  version: number;
  authorId: number;
  authorName: string;
  organizationId: number;
  organizationName: string;
  organizationKind: OrganizationKind;
  themeNames: Record<string, string>;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
}

const CASE_SELECT = `
  SELECT c.id, ${contentColumnsOf('c')}, c.status, c.version, c.author_id, c.organization_id,
         c.created_at, c.updated_at, c.published_at,
         u.name AS author_name, o.name AS organization_name, o.kind AS organization_kind,
         coalesce((SELECT json_agg(json_build_object('slug', t.slug, 'name', t.name) ORDER BY t.name)
                     FROM case_themes ct JOIN themes t ON t.id = ct.theme_id WHERE ct.case_id = c.id), '[]') AS themes
    FROM cases c JOIN users u ON u.id = c.author_id JOIN organizations o ON o.id = c.organization_id`;

function toRecord(row: Record<string, any>): CaseRecord {
  const themes: Array<{ slug: string; name: string }> = row.themes;
  return {
    id: row.id,
    ...contentFromRow(
      row,
      themes.map((t) => t.slug),
    ),
    themeNames: Object.fromEntries(themes.map((t) => [t.slug, t.name])),
    status: row.status,
    version: row.version,
    authorId: row.author_id,
    authorName: row.author_name,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    organizationKind: row.organization_kind,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
  };
}

/** A case the viewer may read; anything else (missing, someone's draft) is the same 404. */
export async function findReadableCase(ds: DataSource, id: number, viewer: Viewer): Promise<CaseRecord> {
  const [row] = await ds.query(`${CASE_SELECT} WHERE c.id = $1`, [id]);
  if (!row) throw notFound('Deze casus bestaat niet (meer), of u heeft er geen toegang toe.');
  const record = toRecord(row);
  if (!can(viewer, 'case:read', record))
    throw notFound('Deze casus bestaat niet (meer), of u heeft er geen toegang toe.');
  return record;
}

/** Several cases by id, in the given order (for exports and lists already filtered for visibility). */
export async function findCases(ds: DataSource, ids: number[]): Promise<CaseRecord[]> {
  if (ids.length === 0) return [];
  const rows = await ds.query(`${CASE_SELECT} WHERE c.id = ANY($1)`, [ids]);
  const byId = new Map(rows.map((r: Record<string, any>) => [r.id, toRecord(r)]));
  return ids.map((id) => byId.get(id)).filter(Boolean) as CaseRecord[];
}

export interface RevisionRow {
  version: number;
  authorName: string | null;
  changedFields: string[];
  createdAt: Date;
  snapshot: Partial<CaseContent> & { status?: CaseStatus };
}

export async function listRevisions(ds: DataSource, caseId: number): Promise<RevisionRow[]> {
  return ds.query(
    `SELECT r.version, u.name AS "authorName", r.changed_fields AS "changedFields", r.created_at AS "createdAt", r.snapshot
       FROM case_revisions r LEFT JOIN users u ON u.id = r.author_id WHERE r.case_id = $1 ORDER BY r.version DESC`,
    [caseId],
  );
}

export async function findRevision(
  ds: DataSource,
  caseId: number,
  version: number,
): Promise<RevisionRow | null> {
  const [row] = await ds.query(
    `SELECT r.version, u.name AS "authorName", r.changed_fields AS "changedFields", r.created_at AS "createdAt", r.snapshot
       FROM case_revisions r LEFT JOIN users u ON u.id = r.author_id WHERE r.case_id = $1 AND r.version = $2`,
    [caseId, version],
  );
  return row ?? null;
}

export interface ThemeOption {
  slug: string;
  name: string;
}
/**
 * How long the theme list is kept: it is read by every search, browse and case form, and changes
 * only through the admin's theme pages, which forget it at once (ThemesService). A change made by
 * another process (a second app instance) shows within this time.
 */
export const THEME_OPTIONS_TTL_MS = 5_000;
const themeOptionsCache = new WeakMap<DataSource, { at: number; options: Promise<readonly ThemeOption[]> }>();

/** The themes, by name (shared and frozen: callers copy before they change anything). */
export function themeOptions(ds: DataSource): Promise<readonly ThemeOption[]> {
  const cached = themeOptionsCache.get(ds);
  if (cached && Date.now() - cached.at < THEME_OPTIONS_TTL_MS) return cached.options;
  const options = ds
    .getRepository(Theme)
    .find({ select: { slug: true, name: true }, order: { name: 'ASC' } })
    .then((rows) => Object.freeze(rows.map((r) => Object.freeze({ slug: r.slug, name: r.name }))));
  themeOptionsCache.set(ds, { at: Date.now(), options });
  options.catch(() => themeOptionsCache.delete(ds));
  return options;
}

/** After a theme is created, renamed or merged: the next reader loads the list again. */
export function forgetThemeOptions(ds: DataSource): void {
  themeOptionsCache.delete(ds);
}

/** Existing trefwoorden for suggestions: from the cases the viewer finds (published ones they may read, and their own). */
export async function tagSuggestions(ds: DataSource, viewer: Viewer): Promise<string[]> {
  const p = new SqlParams();
  const rows = await ds.query(
    `SELECT tag, count(*) AS n
       FROM (SELECT unnest(tags) AS tag FROM cases c WHERE ${visibilitySql('c', (v) => p.add(v), viewer, [])}) t
      GROUP BY tag ORDER BY n DESC, tag LIMIT 300`,
    p.values,
  );
  return rows.map((r: { tag: string }) => r.tag);
}

export interface AttachmentRow {
  id: number;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  extractionStatus: string;
  extractionError: string | null;
  createdAt: Date;
}
export async function caseAttachments(ds: DataSource, caseId: number): Promise<AttachmentRow[]> {
  const rows = await ds.query(
    `SELECT id, filename, mime_type AS "mimeType", size_bytes::float8 AS "sizeBytes", extraction_status AS "extractionStatus",
            extraction_error AS "extractionError", created_at AS "createdAt"
       FROM attachments WHERE case_id = $1 ORDER BY created_at, id`,
    [caseId],
  );
  return rows;
}
