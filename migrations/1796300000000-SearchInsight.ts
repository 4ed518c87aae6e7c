import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What members search for, aggregated per normalised query and day (Dutch local date) and never
 * linked to a member: how many members searched it, how many of them found nothing, and how many
 * opened a case from its results. Rows older than twelve months are deleted.
 */
export class SearchInsight1796300000000 implements MigrationInterface {
  name = 'SearchInsight1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE search_query_stats (
        day date NOT NULL,
        query varchar(200) NOT NULL,
        searches integer NOT NULL DEFAULT 0 CHECK (searches >= 0),
        zero_results integer NOT NULL DEFAULT 0 CHECK (zero_results >= 0),
        clicks integer NOT NULL DEFAULT 0 CHECK (clicks >= 0),
        PRIMARY KEY (day, query)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE search_query_stats`);
  }
}
