import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search indexing support: a lease so only one process drains the outbox at a time (ordering),
 * a head-only tsvector (title, summary, tags, themes, organisation) to pick ranking candidates,
 * and per-attachment documents so a hit can say in which attachment (and page) it matched.
 */
export class SearchIndexing1763900000000 implements MigrationInterface {
  name = 'SearchIndexing1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE search_indexer_lease (
        id integer PRIMARY KEY CHECK (id = 1),
        holder varchar(100),
        until timestamptz NOT NULL DEFAULT '-infinity'
      )`);
    await q.query(`INSERT INTO search_indexer_lease (id) VALUES (1)`);

    await q.query(`
      ALTER TABLE search_documents ADD COLUMN head_document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('dutch', immutable_unaccent(coalesce(title, ''))), 'A') ||
        setweight(to_tsvector('dutch', immutable_unaccent(coalesce(summary, '') || ' ' || coalesce(meta_text, ''))), 'B')
      ) STORED`);
    await q.query(`CREATE INDEX search_documents_head_idx ON search_documents USING gin (head_document)`);
    await q.query(`CREATE INDEX search_documents_roles_idx ON search_documents USING gin (roles)`);
    await q.query(`CREATE INDEX search_documents_themes_idx ON search_documents USING gin (themes)`);

    // For ts_headline: the same words as the index (accents off, Dutch stems) on the original text.
    await q.query(`CREATE TEXT SEARCH CONFIGURATION dutch_unaccent (COPY = dutch)`);
    await q.query(
      `ALTER TEXT SEARCH CONFIGURATION dutch_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem`,
    );

    await q.query(`
      CREATE TABLE search_attachment_documents (
        attachment_id integer PRIMARY KEY,
        case_id integer NOT NULL,
        filename varchar(255) NOT NULL,
        page_offsets integer[],
        text text NOT NULL,
        document tsvector GENERATED ALWAYS AS (to_tsvector('dutch', immutable_unaccent(text))) STORED
      )`);
    await q.query(
      `CREATE INDEX search_attachment_documents_case_idx ON search_attachment_documents (case_id)`,
    );
    await q.query(
      `CREATE INDEX search_attachment_documents_document_idx ON search_attachment_documents USING gin (document)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE search_attachment_documents`);
    await q.query(`DROP TEXT SEARCH CONFIGURATION dutch_unaccent`);
    await q.query(`DROP INDEX search_documents_themes_idx`);
    await q.query(`DROP INDEX search_documents_roles_idx`);
    await q.query(`DROP INDEX search_documents_head_idx`);
    await q.query(`ALTER TABLE search_documents DROP COLUMN head_document`);
    await q.query(`DROP TABLE search_indexer_lease`);
  }
}
