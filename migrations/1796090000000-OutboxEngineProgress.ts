import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-engine progress on the search outbox: the engines (postgres, meilisearch) that have applied
 * an entry. While Meilisearch is down the PostgreSQL mirror keeps applying entries (so the
 * fallback answers fresh results) and the entries stay until Meilisearch has applied them too.
 */
export class OutboxEngineProgress1796090000000 implements MigrationInterface {
  name = 'OutboxEngineProgress1796090000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE search_outbox ADD COLUMN applied_to text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE search_outbox DROP COLUMN applied_to`);
  }
}
