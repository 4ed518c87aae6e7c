import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { CASE_STATUSES } from '../domain';
import { caseExport, type CaseExport } from './case-export';
import { findCases } from './cases.queries';
import { caseContentShape, contentOf } from './case-fields';
import { CasesService } from './cases.service';
import { readable } from '../web/validation';

/** One record of the import format (README: "Import en export"). */
function importRecordSchema(themeSlugs: string[]) {
  const shape = caseContentShape(themeSlugs);
  return readable(
    z.object({
      ...shape,
      /** A single free-text body, for collections that have no separate sections: goes to aanleiding. */
      body: z.string().max(20_000).optional(),
      organization: z.string({ error: 'ontbreekt' }).trim().min(1, { error: 'ontbreekt' }).max(200),
      author: z.email({ error: 'is geen geldig e-mailadres' }).max(254).optional().nullable(),
      status: z
        .enum(CASE_STATUSES, { error: `moet een van ${CASE_STATUSES.join(', ')} zijn` })
        .default('published'),
      createdAt: z.iso
        .datetime({ offset: true, error: 'is geen geldige datum (ISO 8601)' })
        .refine((d) => Date.parse(d) <= Date.now() + 60_000, { error: 'ligt in de toekomst' })
        .optional(),
    }),
  );
}

/** Cases written per statement batch during an import. */
const IMPORT_CHUNK = 500;

export interface ImportProblem {
  index: number;
  field: string;
  message: string;
}

/** Cases the import gave to accounts that already existed (their drafts show up as theirs). */
export interface ExistingAuthor {
  email: string;
  cases: number;
  drafts: number;
}

export type ImportResult =
  | { ok: true; count: number; ms: number; existingAuthors: ExistingAuthor[] }
  | { ok: false; problems: ImportProblem[] };

/**
 * Imports an array of cases all or nothing: every record is validated first; only a clean file
 * is written, in one transaction, through the same service as the form (revisions, search outbox).
 * Unknown organisations are created as kind "overig"; unknown authors as inactive accounts.
 */
export async function importCases(
  ds: DataSource,
  data: unknown,
  afterCommit?: () => void,
  /** Called as records are written (all in one transaction: nothing is kept until the end). */
  onProgress?: (done: number, total: number) => void,
): Promise<ImportResult> {
  const started = performance.now();
  if (!Array.isArray(data)) {
    return {
      ok: false,
      problems: [
        { index: -1, field: '(bestand)', message: 'het bestand moet een JSON-array van casussen zijn' },
      ],
    };
  }
  const themeSlugs: string[] = (await ds.query(`SELECT slug FROM themes`)).map(
    (t: { slug: string }) => t.slug,
  );
  const schema = importRecordSchema(themeSlugs);
  const problems: ImportProblem[] = [];
  const records: Array<z.infer<typeof schema>> = [];
  data.forEach((raw, index) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) records.push(parsed.data);
    else
      for (const issue of parsed.error.issues) {
        const field = issue.path.join('.') || '(record)';
        // One problem per field (a field can fail its own check and the record-wide one).
        if (!problems.some((p) => p.index === index && p.field === field))
          problems.push({ index, field, message: issue.message });
      }
  });
  if (problems.length) return { ok: false, problems };

  const service = new CasesService(ds);
  const existing = new Map<string, ExistingAuthor>();
  await ds.transaction(async (m) => {
    const organizations = new Map<string, number>();
    const authors = new Map<string, { id: number; existed: boolean }>();
    const items = [];
    for (const record of records) {
      const organizationId = await organizationFor(m, organizations, record.organization);
      const author = await authorFor(m, authors, record.author ?? null, organizationId);
      const authorId = author.id;
      if (author.existed && record.author) {
        const seen = existing.get(record.author.toLowerCase()) ?? {
          email: record.author.toLowerCase(),
          cases: 0,
          drafts: 0,
        };
        seen.cases++;
        if (record.status === 'draft') seen.drafts++;
        existing.set(seen.email, seen);
      }
      items.push({
        content: { ...contentOf(record), context: record.context || record.body || '' },
        options: {
          authorId,
          organizationId,
          status: record.status,
          createdAt: record.createdAt ? new Date(record.createdAt) : undefined,
        },
      });
    }
    onProgress?.(0, items.length);
    for (let i = 0; i < items.length; i += IMPORT_CHUNK) {
      await service.createMany(items.slice(i, i + IMPORT_CHUNK), m);
      onProgress?.(Math.min(items.length, i + IMPORT_CHUNK), items.length);
    }
  });
  afterCommit?.();
  return {
    ok: true,
    count: records.length,
    ms: Math.round(performance.now() - started),
    existingAuthors: [...existing.values()],
  };
}

async function organizationFor(m: EntityManager, cache: Map<string, number>, name: string): Promise<number> {
  const key = name.toLowerCase();
  let id = cache.get(key);
  if (id === undefined) {
    const [found] = await m.query(`SELECT id FROM organizations WHERE lower(name) = lower($1)`, [name]);
    id =
      found?.id ??
      (await m.query(`INSERT INTO organizations (name, kind) VALUES ($1, 'overig') RETURNING id`, [name]))[0]
        .id;
    cache.set(key, id!);
  }
  return id!;
}

const IMPORT_ACCOUNT = 'import@casusbank.invalid';

async function authorFor(
  m: EntityManager,
  cache: Map<string, { id: number; existed: boolean }>,
  email: string | null,
  organizationId: number,
): Promise<{ id: number; existed: boolean }> {
  const address = (email ?? IMPORT_ACCOUNT).toLowerCase();
  let author = cache.get(address);
  if (author === undefined) {
    const [found] = await m.query(`SELECT id FROM users WHERE lower(email) = $1`, [address]);
    author = found
      ? { id: found.id as number, existed: true }
      : {
          id: (
            await m.query(
              `INSERT INTO users (email, name, roles, organization_id, active) VALUES ($1, $2, '{practitioner}', $3, false) RETURNING id`,
              [address, email ? address.split('@')[0] : 'Import', organizationId],
            )
          )[0].id as number,
          existed: false,
        };
    cache.set(address, author);
  }
  return author;
}

/** All published and archived cases (and drafts when asked) in the import format, oldest first. */
export async function exportCases(
  ds: DataSource,
  options: { includeDrafts: boolean },
): Promise<CaseExport[]> {
  const rows: Array<{ id: number; email: string }> = await ds.query(
    `SELECT c.id, u.email FROM cases c JOIN users u ON u.id = c.author_id
      WHERE $1 OR c.status <> 'draft' ORDER BY c.created_at, c.id`,
    [options.includeDrafts],
  );
  const emails = new Map(rows.map((r) => [r.id, r.email === IMPORT_ACCOUNT ? null : r.email]));
  const records = await findCases(
    ds,
    rows.map((r) => r.id),
  );
  return records.map((r) => caseExport(r, emails.get(r.id)));
}
