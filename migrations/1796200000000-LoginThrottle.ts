import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed sign-ins per e-mail address (known or not, so an unknown one answers the same) and per
 * source address, plus one row per address with source '*' for the slower ceiling over all
 * sources: a stranger who fails from elsewhere locks out only themselves.
 */
export class LoginThrottle1796200000000 implements MigrationInterface {
  name = 'LoginThrottle1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_throttle (
        account varchar(254) NOT NULL,
        source varchar(64) NOT NULL,
        failures integer NOT NULL DEFAULT 0,
        window_started_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        PRIMARY KEY (account, source)
      )`);
    await q.query(`CREATE INDEX login_throttle_window ON login_throttle (window_started_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_throttle`);
  }
}
