import type { DataSource, EntityManager } from 'typeorm';
import type { CaseStatus, CorporationRole } from '../domain';
import { enqueueSearchUpdate } from '../search/outbox';
import { badRequest } from '../web/http-errors';

/** A case's editable content, already validated (by the form schema or the import schema). */
export interface CaseContent {
  title: string;
  summary: string;
  context: string;
  approach: string;
  results: string;
  lessons: string;
  question: string;
  roles: CorporationRole[];
  themes: string[];
  tags: string[];
  partners: string;
  region: string;
  year: number | null;
  contact: string;
}

export const CONTENT_FIELDS: Array<keyof CaseContent> = [
  'title',
  'summary',
  'context',
  'approach',
  'results',
  'lessons',
  'question',
  'roles',
  'themes',
  'tags',
  'partners',
  'region',
  'year',
  'contact',
];

export interface CreateCaseOptions {
  authorId: number;
  organizationId: number;
  status: CaseStatus;
  /** For imports: keep the original dates. */
  createdAt?: Date;
}

/** Writes of cases: every write in one transaction with its revision and its search-outbox row. */
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly afterCommit: () => void = () => undefined,
  ) {}

  /** Creates a case (revision 1) and returns its id. */
  async create(content: CaseContent, options: CreateCaseOptions, manager?: EntityManager): Promise<number> {
    const run = async (m: EntityManager) => {
      const themeIds = await resolveThemeIds(m, content.themes);
      const [row] = await m.query(
        `INSERT INTO cases (title, summary, context, approach, results, lessons, question, roles, tags,
                            organization_id, partners, region, year, contact, status, author_id, published_at,
                            created_at, updated_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,
                 CASE WHEN $15 = 'draft' THEN NULL ELSE coalesce($17, now()) END, coalesce($17, now()), coalesce($17, now()))
         RETURNING id`,
        [
          content.title,
          content.summary,
          content.context,
          content.approach,
          content.results,
          content.lessons,
          content.question,
          content.roles,
          content.tags,
          options.organizationId,
          content.partners,
          content.region,
          content.year,
          content.contact,
          options.status,
          options.authorId,
          options.createdAt ?? null,
        ],
      );
      const id: number = row.id;
      await m.query(`INSERT INTO case_themes (case_id, theme_id) SELECT $1, unnest($2::int[])`, [id, themeIds]);
      const changed = CONTENT_FIELDS.filter((f) => !isEmpty(content[f]));
      await m.query(
        `INSERT INTO case_revisions (case_id, version, author_id, changed_fields, snapshot) VALUES ($1, 1, $2, $3, $4)`,
        [id, options.authorId, changed, JSON.stringify({ ...content, status: options.status })],
      );
      await enqueueSearchUpdate(m, [id], 'case.created');
      return id;
    };
    if (manager) return run(manager);
    const id = await this.dataSource.transaction(run);
    this.afterCommit();
    return id;
  }
}

function isEmpty(value: unknown): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Theme slugs → ids; an unknown slug is a 400 that lists the valid ones. */
export async function resolveThemeIds(m: EntityManager, slugs: string[]): Promise<number[]> {
  const rows: Array<{ id: number; slug: string }> = await m.query(`SELECT id, slug FROM themes ORDER BY slug`);
  const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
  const unknown = slugs.filter((s) => !bySlug.has(s));
  if (unknown.length) {
    throw badRequest(`Onbekend thema: ${unknown.join(', ')}.`, { valid: rows.map((r) => r.slug) });
  }
  return [...new Set(slugs.map((s) => bySlug.get(s)!))];
}
