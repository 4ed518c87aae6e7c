import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A draft needs a title only: its roles may still be empty. A published or archived case keeps
 * needing at least one role (the cases service checks that too, with a message per field).
 */
export class DraftsNeedTitleOnly1796500000000 implements MigrationInterface {
  name = 'DraftsNeedTitleOnly1796500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases DROP CONSTRAINT cases_roles_check`);
    await q.query(`
      ALTER TABLE cases ADD CONSTRAINT cases_roles_check
        CHECK (roles <@ ARRAY['verhuurder','samenwerkingspartner','opdrachtgever','ontwikkelaar']::text[]
               AND (cardinality(roles) >= 1 OR status = 'draft'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM cases WHERE cardinality(roles) = 0`);
    await q.query(`ALTER TABLE cases DROP CONSTRAINT cases_roles_check`);
    await q.query(`
      ALTER TABLE cases ADD CONSTRAINT cases_roles_check
        CHECK (roles <@ ARRAY['verhuurder','samenwerkingspartner','opdrachtgever','ontwikkelaar']::text[]
               AND cardinality(roles) >= 1)`);
  }
}
