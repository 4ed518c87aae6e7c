import type { DataSource, EntityManager } from 'typeorm';
import type { CaseStatus } from '../domain';
import {
  CONTENT_COLUMNS,
  CONTENT_FIELDS,
  CONTENT_RECORD,
  contentFromRow,
  contentRecordOf,
  missingForPublishing,
  publishingProblems,
  type CaseContent,
} from './case-fields';
import { recordPrivacyConfirmation, type ConfirmedFinding } from '../privacy/case-check';
import { enqueueSearchUpdate } from '../search/outbox';
import { badRequest, conflict, notFound } from '../web/http-errors';

export interface CreateCaseOptions {
  authorId: number;
  organizationId: number;
  status: CaseStatus;
  /** For imports: keep the original dates. */
  createdAt?: Date;
  /** Findings the author confirmed are no tenants' or clients' data, saved with the publication. */
  privacyConfirmation?: PrivacyConfirmationInput;
}

/** Who confirmed which findings when publishing (recorded in the same transaction). */
export interface PrivacyConfirmationInput {
  userId: number;
  findings: ConfirmedFinding[];
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
      const [id] = await this.createMany([{ content, options }], m, 'case.created');
      if (options.privacyConfirmation) await confirm(m, id, options.privacyConfirmation);
      return id;
    };
    if (manager) return run(manager);
    const id = await this.dataSource.transaction(run);
    this.afterCommit();
    return id;
  }

  /**
   * Creates a case and, in the same transaction, whatever belongs with it from the start (the
   * files chosen on the new-case form): both are saved, or neither.
   */
  async createWith(
    content: CaseContent,
    options: CreateCaseOptions,
    alongside: (m: EntityManager, caseId: number) => Promise<unknown>,
  ): Promise<number> {
    const id = await this.dataSource.transaction(async (m) => {
      const caseId = await this.create(content, options, m);
      await alongside(m, caseId);
      return caseId;
    });
    this.afterCommit();
    return id;
  }

  /**
   * Creates many cases in a few statements (imports): the same rows as create() — case, themes,
   * revision 1, outbox entry — inside the caller's transaction. Returns the ids in input order.
   */
  async createMany(
    items: Array<{ content: CaseContent; options: CreateCaseOptions }>,
    m: EntityManager,
    reason = 'case.imported',
  ): Promise<number[]> {
    if (items.length === 0) return [];
    for (const { content, options } of items) if (options.status !== 'draft') assertPublishable(content);
    const themeRows: Array<{ id: number; slug: string }> = await m.query(`SELECT id, slug FROM themes`);
    const themeIds = new Map(themeRows.map((t) => [t.slug, t.id]));
    const unknown = items.flatMap(({ content }) => content.themes.filter((t) => !themeIds.has(t)));
    if (unknown.length) await resolveThemeIds(m, unknown); // throws the 400 that lists the valid slugs
    // Ids first, so themes, revisions and outbox rows can refer to them without relying on row order.
    const idRows: Array<{ id: number }> = await m.query(
      `SELECT nextval(pg_get_serial_sequence('cases', 'id'))::int AS id FROM generate_series(1, $1)`,
      [items.length],
    );
    const ids = idRows.map((r) => r.id);
    const rows = items.map(({ content, options }, i) => ({
      id: ids[i],
      ...contentRecordOf(content),
      organization_id: options.organizationId,
      author_id: options.authorId,
      status: options.status,
      created_at: (options.createdAt ?? new Date()).toISOString(),
    }));
    await m.query(
      `INSERT INTO cases (id, ${CONTENT_COLUMNS}, organization_id, status, author_id, published_at, created_at, updated_at)
       SELECT id, ${CONTENT_COLUMNS}, organization_id, status, author_id,
              CASE WHEN status = 'draft' THEN NULL ELSE created_at END, created_at, created_at
         FROM jsonb_to_recordset($1::jsonb)
           AS x(id int, ${CONTENT_RECORD}, organization_id int, status text, author_id int, created_at timestamptz)`,
      [JSON.stringify(rows)],
    );
    const pairs = items.flatMap(({ content }, i) =>
      content.themes.map((t) => [ids[i], themeIds.get(t)!] as const),
    );
    await m.query(
      `INSERT INTO case_themes (case_id, theme_id) SELECT * FROM unnest($1::int[], $2::int[]) ON CONFLICT DO NOTHING`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
    const revisions = items.map(({ content, options }, i) => ({
      case_id: ids[i],
      author_id: options.authorId,
      changed_fields: CONTENT_FIELDS.filter((f) => !isEmpty(content[f])),
      snapshot: { ...content, status: options.status },
    }));
    await m.query(
      `INSERT INTO case_revisions (case_id, version, author_id, changed_fields, snapshot)
       SELECT case_id, 1, author_id, changed_fields, snapshot
         FROM jsonb_to_recordset($1::jsonb) AS x(case_id int, author_id int, changed_fields text[], snapshot jsonb)`,
      [JSON.stringify(revisions)],
    );
    await enqueueSearchUpdate(m, ids, reason);
    return ids;
  }

  /**
   * Saves new content if the case is still at `expectedVersion` (else StaleCaseError → 409).
   * Stores a revision with the changed fields; optionally publishes in the same step.
   */
  async update(
    caseId: number,
    content: CaseContent,
    options: {
      editorId: number;
      expectedVersion: number;
      publish?: boolean;
      privacyConfirmation?: PrivacyConfirmationInput;
      /** Written in the same transaction, after the version check (files sent with the edit form). */
      alongside?: (m: EntityManager) => Promise<unknown>;
    },
  ): Promise<{ version: number; changed: string[] }> {
    const result = await this.dataSource.transaction(async (m) => {
      const current = await loadContent(m, caseId);
      if (!current) throw notFound();
      if (current.version !== options.expectedVersion) throw new StaleCaseError(current.version);
      await options.alongside?.(m);
      const changed = CONTENT_FIELDS.filter((f) => !sameValue(current.content[f], content[f]));
      const publish = options.publish && current.status === 'draft';
      if (publish || current.status !== 'draft') assertPublishable(content);
      if (options.privacyConfirmation) await confirm(m, caseId, options.privacyConfirmation);
      if (changed.length === 0 && !publish) return { version: current.version, changed };
      const themeIds = await resolveThemeIds(m, content.themes);
      const version = current.version + 1;
      const status: CaseStatus = publish ? 'published' : current.status;
      await m.query(
        `UPDATE cases SET (${CONTENT_COLUMNS}) = (SELECT ${CONTENT_COLUMNS} FROM jsonb_to_record($2::jsonb) AS x(${CONTENT_RECORD})),
                          status = $3::text, version = $4, updated_at = now(),
                          published_at = CASE WHEN $3::text = 'published' AND published_at IS NULL THEN now() ELSE published_at END
          WHERE id = $1`,
        [caseId, JSON.stringify(contentRecordOf(content)), status, version],
      );
      await m.query(`DELETE FROM case_themes WHERE case_id = $1`, [caseId]);
      await m.query(`INSERT INTO case_themes (case_id, theme_id) SELECT $1, unnest($2::int[])`, [
        caseId,
        themeIds,
      ]);
      const fields = publish ? [...changed, 'status'] : changed;
      await m.query(
        `INSERT INTO case_revisions (case_id, version, author_id, changed_fields, snapshot) VALUES ($1, $2, $3, $4, $5)`,
        [caseId, version, options.editorId, fields, JSON.stringify({ ...content, status })],
      );
      await enqueueSearchUpdate(m, [caseId], 'case.updated');
      return { version, changed: fields };
    });
    this.afterCommit();
    return result;
  }

  /** Publish, archive or restore; a revision records the status change. */
  async setStatus(
    caseId: number,
    to: CaseStatus,
    editorId: number,
    privacyConfirmation?: PrivacyConfirmationInput,
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const current = await loadContent(m, caseId);
      if (!current) throw notFound();
      if (!TRANSITIONS[current.status].includes(to)) {
        throw conflict(`Een casus met status "${current.status}" kan niet naar "${to}".`);
      }
      if (to === 'published') assertPublishable(current.content);
      if (privacyConfirmation) await confirm(m, caseId, privacyConfirmation);
      const version = current.version + 1;
      await m.query(
        `UPDATE cases SET status = $2::text, version = $3, updated_at = now(),
                          published_at = CASE WHEN $2::text = 'published' AND published_at IS NULL THEN now() ELSE published_at END
          WHERE id = $1`,
        [caseId, to, version],
      );
      await m.query(
        `INSERT INTO case_revisions (case_id, version, author_id, changed_fields, snapshot) VALUES ($1, $2, $3, '{status}', $4)`,
        [caseId, version, editorId, JSON.stringify({ ...current.content, status: to })],
      );
      await enqueueSearchUpdate(m, [caseId], `case.${to}`);
    });
    this.afterCommit();
  }
}

const confirm = (m: EntityManager, caseId: number, c: PrivacyConfirmationInput) =>
  recordPrivacyConfirmation(m, caseId, c.userId, c.findings);

/** The current content of a case, locked for the rest of the transaction. */
async function loadContent(
  m: EntityManager,
  caseId: number,
): Promise<{ content: CaseContent; version: number; status: CaseStatus } | null> {
  const [row] = await m.query(
    `SELECT c.*, coalesce((SELECT array_agg(t.slug ORDER BY t.slug) FROM case_themes ct JOIN themes t ON t.id = ct.theme_id
                            WHERE ct.case_id = c.id), '{}') AS theme_slugs
       FROM cases c WHERE c.id = $1 FOR UPDATE`,
    [caseId],
  );
  if (!row) return null;
  return { version: row.version, status: row.status, content: contentFromRow(row, row.theme_slugs) };
}

/**
 * Publishing (and saving a published case) needs every field publishing requires; a draft only a
 * title. The place to add further checks before a case goes out to all members.
 */
function assertPublishable(content: CaseContent): void {
  const errors = publishingProblems(content);
  if (Object.keys(errors).length === 0) return;
  throw badRequest(`Om te publiceren ontbreekt nog: ${missingForPublishing(content).join(', ')}.`, {
    errors,
  });
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
  return (a ?? null) === (b ?? null);
}

export class StaleCaseError extends Error {
  constructor(public readonly currentVersion: number) {
    super('stale');
  }
}

/** Transitions allowed from each status (restore = archived → published). */
const TRANSITIONS: Record<CaseStatus, CaseStatus[]> = {
  draft: ['published'],
  published: ['archived'],
  archived: ['published'],
};

function isEmpty(value: unknown): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Theme slugs → ids; an unknown slug is a 400 that lists the valid ones. */
export async function resolveThemeIds(m: EntityManager, slugs: string[]): Promise<number[]> {
  const rows: Array<{ id: number; slug: string }> = await m.query(
    `SELECT id, slug FROM themes ORDER BY slug`,
  );
  const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
  const unknown = slugs.filter((s) => !bySlug.has(s));
  if (unknown.length) {
    throw badRequest(
      `Onbekend thema (${unknown.join(', ')}). Geldige thema’s: ${rows.map((r) => r.slug).join(', ')}.`,
      {
        field: 'themes',
        valid: rows.map((r) => r.slug),
      },
    );
  }
  return [...new Set(slugs.map((s) => bySlug.get(s)!))];
}
