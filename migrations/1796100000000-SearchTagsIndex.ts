import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Related cases look for shared tags: without an index that branch read every search document. */
export class SearchTagsIndex1796100000000 implements MigrationInterface {
  name = 'SearchTagsIndex1796100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX search_documents_tags_idx ON search_documents USING gin (tags)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX search_documents_tags_idx`);
  }
}
