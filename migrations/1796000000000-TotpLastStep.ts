import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The time step of the last accepted TOTP code per account: a code is valid for about 90 seconds
 * (one step either side for clock drift), and without this it could be used again in that time.
 */
export class TotpLastStep1796000000000 implements MigrationInterface {
  name = 'TotpLastStep1796000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN totp_last_step integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN totp_last_step`);
  }
}
