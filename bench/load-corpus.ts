import type { DataSource } from 'typeorm';
import { importCases } from '../src/cases/import-export';
import { generateCorpus } from './corpus';

export const BENCH_EMAIL = 'bench-lid@casusbank.invalid';
export const BENCH_SEED = 20261122;

export interface LoadedCorpus {
  imported: number;
  importMs: number;
  /** Every case in import order, with its author's e-mail and status. */
  cases: Array<{ id: number; author: string; status: string }>;
}

/**
 * The benchmark community in a migrated, empty database: the bench member, N generated cases
 * through the import path users have (the only timed part), then attachment text and
 * reflections as the app would have stored them.
 */
export async function loadBenchCorpus(
  ds: DataSource,
  options: {
    cases: number;
    seed?: number;
    passwordHash: string;
    /** How far the import is (records written of all). */
    onProgress?: (done: number, total: number) => void;
  },
): Promise<LoadedCorpus> {
  const corpus = generateCorpus(options.cases, options.seed ?? BENCH_SEED, [
    BENCH_EMAIL,
    ...Array.from({ length: 49 }, (_, i) => `auteur-${i}@bench.invalid`),
  ]);
  const [org] = await ds.query(
    `INSERT INTO organizations (name, kind) VALUES ('Benchmark', 'woningcorporatie') RETURNING id`,
  );
  await ds.query(
    `INSERT INTO users (email, name, password_hash, roles, organization_id) VALUES ($1, 'Bench Lid', $2, '{practitioner}', $3)`,
    [BENCH_EMAIL, options.passwordHash, org.id],
  );
  const result = await importCases(
    ds,
    corpus.map(({ attachmentTexts: _a, ...c }) => c),
    undefined,
    options.onProgress,
  );
  if (!result.ok) throw new Error(`import mislukt: ${JSON.stringify(result.problems.slice(0, 3))}`);
  const cases: LoadedCorpus['cases'] = await ds.query(
    `SELECT c.id, u.email AS author, c.status FROM cases c JOIN users u ON u.id = c.author_id ORDER BY c.id`,
  );
  await ds.transaction(async (m) => {
    const attachments = corpus.flatMap((c, i) =>
      c.attachmentTexts.map((text, j) => ({
        case_id: cases[i].id,
        filename: `bijlage-${i}-${j}.pdf`,
        text,
        size: text.length,
      })),
    );
    for (let i = 0; i < attachments.length; i += 500) {
      await m.query(
        `INSERT INTO attachments (case_id, blob_sha256, filename, mime_type, size_bytes, extraction_status, extracted_text)
         SELECT case_id, repeat('0', 64), filename, 'application/pdf', size, 'extracted', text
           FROM jsonb_to_recordset($1::jsonb) AS x(case_id int, filename text, text text, size int)`,
        [JSON.stringify(attachments.slice(i, i + 500))],
      );
    }
    const [expert] = await m.query(`SELECT id FROM users WHERE email = 'auteur-1@bench.invalid'`);
    await m.query(
      `INSERT INTO reflections (case_id, author_id, body) SELECT id, $1, 'Een reflectie van een expert over de aanpak en de resultaten.'
         FROM cases WHERE status = 'published' AND id % 7 = 0`,
      [expert.id],
    );
  });
  return { imported: result.count, importMs: result.ms, cases };
}
