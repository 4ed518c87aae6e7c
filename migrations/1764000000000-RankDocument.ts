import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ranking reads every candidate's tsvector; with attachment text those are large. A smaller
 * vector of the case's own fields (title A, summary and people B, body C) ranks and decides
 * where a snippet comes from; `document` (with attachments and reflections) still finds matches.
 */
export class RankDocument1764000000000 implements MigrationInterface {
  name = 'RankDocument1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE search_documents ADD COLUMN rank_document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('dutch', immutable_unaccent(coalesce(title, ''))), 'A') ||
        setweight(to_tsvector('dutch', immutable_unaccent(coalesce(summary, '') || ' ' || coalesce(meta_text, ''))), 'B') ||
        setweight(to_tsvector('dutch', immutable_unaccent(coalesce(body, ''))), 'C')
      ) STORED`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE search_documents DROP COLUMN rank_document`);
  }
}
