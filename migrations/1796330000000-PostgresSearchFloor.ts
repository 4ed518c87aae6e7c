import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The GIN indexes every search reads (their pending lists are scanned by every search). */
const GIN_INDEXES = [
  'search_documents_document_idx',
  'search_documents_head_idx',
  'search_attachment_documents_document_idx',
];

/**
 * Two things the PostgreSQL search needs to stay fast.
 *
 * GIN indexes collect new entries in a pending list that every search scans linearly until
 * (auto)vacuum or a full list (4 MB by default) moves them into the index; PGlite runs no
 * autovacuum, so after an import each search read megabytes of it (a rare word: 65 ms instead of
 * 1 ms at 10,000 cases). A small list limit keeps that bounded; the rebuild empties it.
 *
 * The PostgreSQL search keeps its lexicon (typo corrections, compounds) in memory and brings it up
 * to date per search generation: each word records the generation that added it, and the
 * generation row records when the lexicon was last emptied (reset, rebuild), so a reader loads
 * only the words added since it last looked, or everything after a rebuild.
 */
export class PostgresSearchFloor1796330000000 implements MigrationInterface {
  name = 'PostgresSearchFloor1796330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE search_lexicon ADD COLUMN generation bigint NOT NULL DEFAULT 0`);
    await q.query(`CREATE INDEX search_lexicon_generation_idx ON search_lexicon (generation)`);
    // Typo look-ups run in memory now: the trigram index only cost writes.
    await q.query(`DROP INDEX search_lexicon_word_trgm_idx`);
    await q.query(`ALTER TABLE search_generation ADD COLUMN lexicon_rebuilt bigint NOT NULL DEFAULT 0`);
    for (const index of GIN_INDEXES) {
      await q.query(`ALTER INDEX ${index} SET (gin_pending_list_limit = 256)`);
      await q.query(`SELECT gin_clean_pending_list('${index}'::regclass)`);
    }
    // Readers that loaded before this migration reload everything.
    await q.query(
      `UPDATE search_generation SET generation = generation + 1, lexicon_rebuilt = generation + 1 WHERE id = 1`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of GIN_INDEXES) await q.query(`ALTER INDEX ${index} RESET (gin_pending_list_limit)`);
    await q.query(`ALTER TABLE search_generation DROP COLUMN lexicon_rebuilt`);
    await q.query(
      `CREATE INDEX search_lexicon_word_trgm_idx ON search_lexicon USING gin (word gin_trgm_ops)`,
    );
    await q.query(`DROP INDEX search_lexicon_generation_idx`);
    await q.query(`ALTER TABLE search_lexicon DROP COLUMN generation`);
  }
}
