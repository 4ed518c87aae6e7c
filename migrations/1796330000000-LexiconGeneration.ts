import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PostgreSQL search keeps its lexicon (typo corrections, compounds) in memory and brings it up
 * to date per search generation: each word records the generation that added it, and the
 * generation row records when the lexicon was last emptied (reset, rebuild), so a reader loads
 * only the words added since it last looked, or everything after a rebuild.
 */
export class LexiconGeneration1796330000000 implements MigrationInterface {
  name = 'LexiconGeneration1796330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE search_lexicon ADD COLUMN generation bigint NOT NULL DEFAULT 0`);
    await q.query(`CREATE INDEX search_lexicon_generation_idx ON search_lexicon (generation)`);
    await q.query(`ALTER TABLE search_generation ADD COLUMN lexicon_rebuilt bigint NOT NULL DEFAULT 0`);
    // Readers that loaded before this migration reload everything.
    await q.query(
      `UPDATE search_generation SET generation = generation + 1, lexicon_rebuilt = generation + 1 WHERE id = 1`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE search_generation DROP COLUMN lexicon_rebuilt`);
    await q.query(`DROP INDEX search_lexicon_generation_idx`);
    await q.query(`ALTER TABLE search_lexicon DROP COLUMN generation`);
  }
}
