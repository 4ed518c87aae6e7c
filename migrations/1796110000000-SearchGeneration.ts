import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter the PostgreSQL search adapter bumps in every transaction that changes its documents
 * or lexicon: answers computed at one generation (published facet counts) stay exact until it moves.
 */
export class SearchGeneration1796110000000 implements MigrationInterface {
  name = 'SearchGeneration1796110000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE search_generation (id integer PRIMARY KEY CHECK (id = 1), generation bigint NOT NULL DEFAULT 0)`,
    );
    await q.query(`INSERT INTO search_generation (id) VALUES (1)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE search_generation`);
  }
}
