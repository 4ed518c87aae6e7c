import type { DataSource, EntityManager } from 'typeorm';
import { SqlParams } from '../db/sql';
import {
  analyseDocument,
  attachmentWeightedColumns,
  caseWeightedColumns,
  termWeights,
  type WeightedColumn,
} from './document-analysis';
import type { SearchDocument } from './search-document';
import { isShared, sharedVisibilitySql } from './visibility';

/** In every transaction that changes documents or the lexicon (the reader caches shared facet counts per generation). */
export const BUMP_GENERATION = `UPDATE search_generation SET generation = generation + 1 WHERE id = 1`;
/** Instead of BUMP_GENERATION where the lexicon is emptied: readers load it again from scratch. */
const BUMP_LEXICON = `UPDATE search_generation SET generation = generation + 1, lexicon_rebuilt = generation + 1 WHERE id = 1`;
/** The generation the transaction bumped to: the words it adds are loaded by readers behind it. */
const CURRENT_GENERATION = `(SELECT generation FROM search_generation WHERE id = 1)`;

/**
 * Document frequencies and lengths for bm25 (search_term_stats), of the rows of these cases,
 * added with sign 1 or taken away with -1. Keys: a case term as in its weights (`stem`, `~part`,
 * `=exact`), `^stem` for "as a stem or a part" (how a query word matches), `@…` the same for the
 * attachments, `#rows`/`#length` and `@#rows`/`@#length` for the average length.
 */
const STATS_OF_ROWS = (where: string) => `
  SELECT k.term, 1::bigint AS n FROM search_documents d CROSS JOIN LATERAL (
      SELECT DISTINCT t.term FROM jsonb_object_keys(d.case_weights) AS w(key),
        LATERAL (VALUES (w.key), (CASE left(w.key, 1) WHEN '=' THEN NULL ELSE '^' || ltrim(w.key, '~') END)) AS t(term)
       WHERE t.term IS NOT NULL
      UNION ALL
      SELECT DISTINCT t.term FROM jsonb_object_keys(d.attachment_weights) AS w(key),
        LATERAL (VALUES ('@' || w.key), ('@^' || ltrim(w.key, '~'))) AS t(term)) k
   WHERE ${where}
  UNION ALL SELECT '#rows', 1 FROM search_documents d WHERE ${where} AND d.case_length > 0
  UNION ALL SELECT '#length', d.case_length FROM search_documents d WHERE ${where}
  UNION ALL SELECT '@#rows', 1 FROM search_documents d WHERE ${where} AND d.attachment_length > 0
  UNION ALL SELECT '@#length', d.attachment_length FROM search_documents d WHERE ${where}`;

/** The statistics keys of one row (see STATS_OF_ROWS), with the lengths to add. */
function statsOf(
  caseKeys: string[],
  attachmentKeys: string[],
  caseLength: number,
  attachmentLength: number,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of caseKeys) {
    out.set(k, 1);
    if (!k.startsWith('=')) out.set(`^${k.replace(/^~/, '')}`, 1);
  }
  for (const k of attachmentKeys) {
    out.set(`@${k}`, 1);
    out.set(`@^${k.replace(/^~/, '')}`, 1);
  }
  out.set('#rows', caseLength > 0 ? 1 : 0);
  out.set('#length', caseLength);
  out.set('@#rows', attachmentLength > 0 ? 1 : 0);
  out.set('@#length', attachmentLength);
  return out;
}

/** Adds a row's statistics (or words) to a running difference, with a sign. */
function addTo(delta: Map<string, number>, values: Map<string, number> | string[], sign: 1 | -1) {
  const entries: Iterable<[string, number]> = Array.isArray(values) ? values.map((w) => [w, 1]) : values;
  for (const [k, n] of entries) delta.set(k, (delta.get(k) ?? 0) + sign * n);
}

/** What the rows of these cases hold now: their statistics keys, lengths and visible words. */
interface StoredRow {
  case_id: number;
  ck: string[];
  ak: string[];
  case_length: number;
  attachment_length: number;
  vocabulary: string[];
  shared: boolean;
}

/** Weighted term frequencies as stored: float32, as the embedded engine keeps them. */
function weightsOf(columns: WeightedColumn[]): { weights: Record<string, number>; length: number } {
  const { weights, length } = termWeights(columns);
  const out: Record<string, number> = {};
  for (const [term, w] of weights) out[term] = Math.fround(w);
  return { weights: out, length };
}

/**
 * The PostgreSQL search index's writer: search_documents (one row per case: the analysed terms
 * per column of the shared Dutch analysis, their weighted frequencies, and vectors the database
 * generates from the terms), search_term_stats (document frequencies for bm25),
 * search_attachment_documents and the lexicon of words for typo corrections. The reader is
 * PostgresCaseSearch (postgres-search.ts).
 */
export class PostgresSearchIndex {
  constructor(private readonly dataSource: DataSource) {}

  async health(): Promise<void> {
    await this.dataSource.query('SELECT 1 FROM search_documents LIMIT 1');
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    const ids = docs.map((d) => d.id);
    // PostgreSQL's parser reads "<script>" as the start of a script block and skips the rest: no angle brackets.
    const plain = (text: string) => text.replace(/[<>]/g, ' ');
    const rows = docs.map((d) => {
      const a = analyseDocument(d);
      const caseWeights = weightsOf(caseWeightedColumns(a));
      const attachmentWeights = weightsOf(attachmentWeightedColumns(a));
      const [titleTerms, headTerms, bodyTerms, metaTerms, reflTerms, titleParts, textParts, , reactTerms] =
        a.columns;
      return {
        case_id: d.id,
        status: d.status,
        author_id: d.authorId,
        visibility: d.visibility,
        organization_id: d.organizationId,
        organization_name: d.organizationName,
        organization_kind: d.organizationKind,
        roles: d.roles,
        themes: d.themes,
        tags: d.tags,
        year: d.year,
        region: d.region,
        has_reflection: d.hasReflection,
        presented: d.presented,
        title: plain(d.title),
        summary: plain(d.summary),
        body: plain(d.body),
        meta_text: [
          d.tags.join(', '),
          d.themeNames.join(', '),
          d.organizationName,
          d.region,
          d.partners,
          d.contact,
          d.authorName,
        ]
          .filter(Boolean)
          .map(plain)
          .join(' · '),
        attachment_text: plain(d.attachments.map((x) => `${x.filename}\n${x.text}`).join('\n\n')),
        reflection_text: plain(d.reflectionText),
        reaction_text: plain(d.reactions.map((r) => r.text).join('\n\n')),
        reactions: d.reactions.map((r) => ({ id: r.id, authorName: r.authorName, text: plain(r.text) })),
        answered: d.answered,
        updated_at: d.updatedAt,
        title_terms: titleTerms,
        head_terms: headTerms,
        meta_terms: metaTerms,
        text_terms: [bodyTerms, reflTerms, reactTerms].filter(Boolean).join(' '),
        title_parts: titleParts,
        text_parts: textParts,
        attachment_terms: a.attachments.stems,
        attachment_parts: a.attachments.parts,
        case_weights: caseWeights.weights,
        case_length: caseWeights.length,
        attachment_weights: attachmentWeights.weights,
        attachment_length: attachmentWeights.length,
        vocabulary: a.vocabulary,
      };
    });
    await this.dataSource.transaction(async (m) => {
      await m.query(BUMP_GENERATION);
      const before = await this.stored(m, ids);
      await m.query(
        `INSERT INTO search_documents (case_id, status, author_id, visibility, organization_id, organization_name, organization_kind, roles,
                                       themes, tags, year, region, has_reflection, presented, title, summary, body, meta_text,
                                       attachment_text, reflection_text, reaction_text, reactions, answered, updated_at,
                                       ${TERM_COLUMNS.join(', ')})
         SELECT case_id, status, author_id, visibility, organization_id, organization_name, organization_kind, roles, themes, tags, year,
                region, has_reflection, presented, title, summary, body, meta_text, attachment_text, reflection_text,
                reaction_text, reactions, answered, updated_at, ${TERM_COLUMNS.join(', ')}
           FROM jsonb_to_recordset($1::jsonb) AS x(case_id int, status text, author_id int, visibility text, organization_id int,
                organization_name text, organization_kind text, roles text[], themes text[], tags text[], year int, region text,
                has_reflection boolean, presented boolean, title text, summary text, body text, meta_text text,
                attachment_text text, reflection_text text, reaction_text text, reactions jsonb, answered boolean,
                updated_at timestamptz, title_terms text, head_terms text, meta_terms text, text_terms text,
                title_parts text, text_parts text, attachment_terms text, attachment_parts text, case_weights jsonb,
                case_length int, attachment_weights jsonb, attachment_length int, vocabulary text[])
         ON CONFLICT (case_id) DO UPDATE SET
           status = EXCLUDED.status, author_id = EXCLUDED.author_id, visibility = EXCLUDED.visibility,
           organization_id = EXCLUDED.organization_id,
           organization_name = EXCLUDED.organization_name, organization_kind = EXCLUDED.organization_kind,
           roles = EXCLUDED.roles, themes = EXCLUDED.themes, tags = EXCLUDED.tags, year = EXCLUDED.year,
           region = EXCLUDED.region, has_reflection = EXCLUDED.has_reflection, presented = EXCLUDED.presented,
           title = EXCLUDED.title, summary = EXCLUDED.summary, body = EXCLUDED.body, meta_text = EXCLUDED.meta_text,
           attachment_text = EXCLUDED.attachment_text, reflection_text = EXCLUDED.reflection_text,
           reaction_text = EXCLUDED.reaction_text, reactions = EXCLUDED.reactions, answered = EXCLUDED.answered,
           updated_at = EXCLUDED.updated_at, ${TERM_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`,
        [JSON.stringify(rows)],
      );
      await m.query(`DELETE FROM search_attachment_documents WHERE case_id = ANY($1)`, [ids]);
      const attachments = docs.flatMap((d) =>
        d.attachments
          .filter((a) => a.text.trim() !== '')
          .map((a) => ({
            attachment_id: a.id,
            case_id: d.id,
            filename: a.filename,
            page_offsets: a.pageOffsets,
            text: plain(a.text),
          })),
      );
      if (attachments.length) {
        await m.query(
          `INSERT INTO search_attachment_documents (attachment_id, case_id, filename, page_offsets, text)
           SELECT attachment_id, case_id, filename, page_offsets, text
             FROM jsonb_to_recordset($1::jsonb) AS x(attachment_id int, case_id int, filename text, page_offsets int[], text text)`,
          [JSON.stringify(attachments)],
        );
      }
      // Only what changed moves the statistics and the lexicon (an edit touches a few words).
      const stats = new Map<string, number>();
      const words = new Map<string, number>();
      for (const old of before) {
        addTo(stats, statsOf(old.ck, old.ak, old.case_length, old.attachment_length), -1);
        if (old.shared) addTo(words, old.vocabulary, -1);
      }
      docs.forEach((d, i) => {
        const r = rows[i];
        addTo(
          stats,
          statsOf(
            Object.keys(r.case_weights),
            Object.keys(r.attachment_weights),
            r.case_length,
            r.attachment_length,
          ),
          1,
        );
        // The lexicon only learns words of cases every member may see: suggestions never leak a draft.
        if (isShared(d, 'any')) addTo(words, r.vocabulary, 1);
      });
      await this.apply(m, stats, words);
    });
  }

  /** The stored rows of these cases as far as the statistics and the lexicon count them (locked). */
  private async stored(m: EntityManager, ids: number[]): Promise<StoredRow[]> {
    const p = new SqlParams([ids]);
    return m.query(
      `SELECT d.case_id, ARRAY(SELECT jsonb_object_keys(d.case_weights)) AS ck,
              ARRAY(SELECT jsonb_object_keys(d.attachment_weights)) AS ak, d.case_length, d.attachment_length,
              d.vocabulary, ${sharedVisibilitySql('d', (v) => p.add(v), 'any')} AS shared
         FROM search_documents d WHERE d.case_id = ANY($1) ORDER BY d.case_id FOR UPDATE`,
      p.values,
    );
  }

  /** Applies differences to the document frequencies and the lexicon's word counts. */
  private async apply(m: EntityManager, stats: Map<string, number>, words: Map<string, number>) {
    const changed = (delta: Map<string, number>) =>
      [...delta].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
    const s = changed(stats);
    if (s.length)
      await m.query(
        `INSERT INTO search_term_stats (term, docs) SELECT * FROM unnest($1::text[], $2::bigint[])
         ON CONFLICT (term) DO UPDATE SET docs = search_term_stats.docs + EXCLUDED.docs`,
        [s.map(([k]) => k), s.map(([, n]) => n)],
      );
    const w = changed(words);
    if (w.length)
      await m.query(
        `INSERT INTO search_lexicon (word, doc_count, generation)
         SELECT word, n, ${CURRENT_GENERATION} FROM unnest($1::text[], $2::int[]) AS x(word, n)
         ON CONFLICT (word) DO UPDATE SET doc_count = greatest(0, search_lexicon.doc_count + EXCLUDED.doc_count),
                                          generation = EXCLUDED.generation`,
        [w.map(([k]) => k), w.map(([, n]) => n)],
      );
  }

  async remove(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.transaction(async (m) => {
      await m.query(BUMP_GENERATION);
      const stats = new Map<string, number>();
      const words = new Map<string, number>();
      for (const old of await this.stored(m, ids)) {
        addTo(stats, statsOf(old.ck, old.ak, old.case_length, old.attachment_length), -1);
        if (old.shared) addTo(words, old.vocabulary, -1);
      }
      await this.apply(m, stats, words);
      await m.query(`DELETE FROM search_documents WHERE case_id = ANY($1)`, [ids]);
      await m.query(`DELETE FROM search_attachment_documents WHERE case_id = ANY($1)`, [ids]);
    });
  }

  async documentCount(): Promise<number> {
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM search_documents`);
    return n;
  }

  async reset(): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query(BUMP_LEXICON);
      await m.query(`DELETE FROM search_documents`);
      await m.query(`DELETE FROM search_attachment_documents`);
      await m.query(`DELETE FROM search_lexicon`);
      await m.query(`DELETE FROM search_term_stats`);
    });
  }

  /** After a full rebuild: exact counts per word and term (incremental writes keep them in step; this repairs drift). */
  async finishRebuild(): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query(BUMP_LEXICON);
      await m.query(`DELETE FROM search_lexicon`);
      await m.query(`DELETE FROM search_term_stats`);
      await m.query(
        `INSERT INTO search_term_stats (term, docs) SELECT term, sum(n) FROM (${STATS_OF_ROWS('true')}) x GROUP BY term`,
      );
      const p = new SqlParams();
      await m.query(
        `INSERT INTO search_lexicon (word, doc_count, generation)
         SELECT w, count(*), ${CURRENT_GENERATION} FROM search_documents d, unnest(d.vocabulary) AS w
          WHERE ${sharedVisibilitySql('d', (v) => p.add(v), 'any')}
          GROUP BY w`,
        p.values,
      );
    });
    // A rebuild wrote every document: move the GIN indexes' pending entries into the indexes,
    // which every search would otherwise scan (PGlite has no autovacuum to do it).
    for (const index of GIN_INDEXES)
      await this.dataSource.query(`SELECT gin_clean_pending_list($1::regclass)`, [index]);
  }
}

const GIN_INDEXES = [
  'search_documents_document_idx',
  'search_documents_parts_idx',
  'search_documents_head_idx',
  'search_attachment_documents_document_idx',
];

/** The analysed columns the writer fills (document-analysis.ts); the vectors are generated from them. */
const TERM_COLUMNS = [
  'title_terms',
  'head_terms',
  'meta_terms',
  'text_terms',
  'title_parts',
  'text_parts',
  'attachment_terms',
  'attachment_parts',
  'case_weights',
  'case_length',
  'attachment_weights',
  'attachment_length',
  'vocabulary',
];
