import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The contact person's optional e-mail address and phone number (case-fields.ts: kinds `email`
 * and `phone`). Shown to signed-in members on the case page, never part of the search document.
 */
export class ContactDetails1796710000000 implements MigrationInterface {
  name = 'ContactDetails1796710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cases
        ADD COLUMN contact_email varchar(254) NOT NULL DEFAULT '',
        ADD COLUMN contact_phone varchar(30) NOT NULL DEFAULT ''`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases DROP COLUMN contact_phone, DROP COLUMN contact_email`);
  }
}
