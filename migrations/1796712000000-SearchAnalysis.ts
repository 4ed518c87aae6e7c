import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The previous vectors (PostgreSQL's own `dutch` analysis of the raw text), for down(). */
const DUTCH_VECTORS = `
  ADD COLUMN document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('dutch', immutable_unaccent(coalesce(title, ''))), 'A') ||
    setweight(to_tsvector('dutch', immutable_unaccent(coalesce(summary, '') || ' ' || coalesce(meta_text, ''))), 'B') ||
    setweight(to_tsvector('dutch', immutable_unaccent(coalesce(body, ''))), 'C') ||
    setweight(to_tsvector('dutch', immutable_unaccent(left(coalesce(attachment_text, ''), 500000) || ' ' || coalesce(reflection_text, '') || ' ' || coalesce(reaction_text, ''))), 'D')
  ) STORED,
  ADD COLUMN head_document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('dutch', immutable_unaccent(coalesce(title, ''))), 'A') ||
    setweight(to_tsvector('dutch', immutable_unaccent(coalesce(summary, '') || ' ' || coalesce(meta_text, ''))), 'B')
  ) STORED,
  ADD COLUMN rank_document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('dutch', immutable_unaccent(coalesce(title, ''))), 'A') ||
    setweight(to_tsvector('dutch', immutable_unaccent(coalesce(summary, '') || ' ' || coalesce(meta_text, ''))), 'B') ||
    setweight(to_tsvector('dutch', immutable_unaccent(coalesce(body, ''))), 'C')
  ) STORED`;

/**
 * The PostgreSQL index is fed from the same Dutch analysis as the embedded engine (issue 13:
 * every engine finds the same things). The writer stores the analysed terms per column (stems,
 * compound parts, written by JavaScript) and the weighted term frequencies bm25 needs; the
 * vectors are the database's `simple` reading of those terms, so a token is the analysis's own
 * ("versheid3xab12cd" is versheid + 3 + xab + 12 + cd on both sides). Compound parts get a
 * vector of their own: a quoted phrase or an excluded word must not match a part. Document
 * frequencies for bm25 are kept per term in search_term_stats by the writer, in the same
 * transaction.
 *
 * Existing rows have no terms yet: every case is queued in the outbox once, so every engine
 * re-analyses every document (the indexer drains it after start, as after the reactions migration).
 */
export class SearchAnalysis1796712000000 implements MigrationInterface {
  name = 'SearchAnalysis1796712000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE search_documents DROP COLUMN document, DROP COLUMN head_document, DROP COLUMN rank_document`,
    );
    await q.query(`
      ALTER TABLE search_documents
        ADD COLUMN title_terms text NOT NULL DEFAULT '',
        ADD COLUMN head_terms text NOT NULL DEFAULT '',
        ADD COLUMN meta_terms text NOT NULL DEFAULT '',
        ADD COLUMN text_terms text NOT NULL DEFAULT '',
        ADD COLUMN title_parts text NOT NULL DEFAULT '',
        ADD COLUMN text_parts text NOT NULL DEFAULT '',
        ADD COLUMN attachment_terms text NOT NULL DEFAULT '',
        ADD COLUMN attachment_parts text NOT NULL DEFAULT '',
        ADD COLUMN case_weights jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN case_length integer NOT NULL DEFAULT 0,
        ADD COLUMN attachment_weights jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN attachment_length integer NOT NULL DEFAULT 0,
        ADD COLUMN vocabulary text[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      ALTER TABLE search_documents
        ADD COLUMN document tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple', title_terms), 'A') ||
          setweight(to_tsvector('simple', head_terms), 'B') ||
          setweight(to_tsvector('simple', meta_terms), 'C') ||
          to_tsvector('simple', text_terms) ||
          to_tsvector('simple', left(attachment_terms, 500000))
        ) STORED,
        ADD COLUMN parts_document tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple', title_parts), 'A') ||
          to_tsvector('simple', text_parts) ||
          to_tsvector('simple', left(attachment_parts, 500000))
        ) STORED,
        ADD COLUMN head_document tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple', title_terms), 'A') ||
          setweight(to_tsvector('simple', head_terms), 'B')
        ) STORED`);
    // The head vector is read for every match (the cheap rank that picks candidates): kept in the
    // row (compressed), not out of line, where each read costs an index look-up in the TOAST table.
    await q.query(`ALTER TABLE search_documents ALTER COLUMN head_document SET STORAGE MAIN`);
    for (const [index, column] of [
      ['search_documents_document_idx', 'document'],
      ['search_documents_parts_idx', 'parts_document'],
      ['search_documents_head_idx', 'head_document'],
    ])
      await q.query(
        `CREATE INDEX ${index} ON search_documents USING gin (${column}) WITH (gin_pending_list_limit = 256)`,
      );
    await q.query(`CREATE TABLE search_term_stats (term text PRIMARY KEY, docs bigint NOT NULL)`);
    // The lexicon is rebuilt from the analysis's words as the documents come back.
    await q.query(`DELETE FROM search_lexicon`);
    await q.query(
      `UPDATE search_generation SET generation = generation + 1, lexicon_rebuilt = generation + 1 WHERE id = 1`,
    );
    await q.query(
      `INSERT INTO search_outbox (case_id, reason) SELECT id, 'search-analysis.migration' FROM cases`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE search_term_stats`);
    await q.query(
      `ALTER TABLE search_documents DROP COLUMN document, DROP COLUMN parts_document, DROP COLUMN head_document`,
    );
    await q.query(`
      ALTER TABLE search_documents
        DROP COLUMN title_terms, DROP COLUMN head_terms, DROP COLUMN meta_terms, DROP COLUMN text_terms,
        DROP COLUMN title_parts, DROP COLUMN text_parts, DROP COLUMN attachment_terms, DROP COLUMN attachment_parts,
        DROP COLUMN case_weights, DROP COLUMN case_length, DROP COLUMN attachment_weights,
        DROP COLUMN attachment_length, DROP COLUMN vocabulary`);
    await q.query(`ALTER TABLE search_documents ${DUTCH_VECTORS}`);
    await q.query(`CREATE INDEX search_documents_document_idx ON search_documents USING gin (document)`);
    await q.query(`CREATE INDEX search_documents_head_idx ON search_documents USING gin (head_document)`);
    await q.query(
      `INSERT INTO search_outbox (case_id, reason) SELECT id, 'search-analysis.migration' FROM cases`,
    );
  }
}
