import type { DataSource } from 'typeorm';
import { recordAudit } from './audit';
import { verifyDummyPassword, verifyPassword } from './passwords';
import { hashRecoveryCode, looksLikeRecoveryCode, verifyTotp } from './totp';
import { rowsOf } from '../db/sql';

export const MAX_FAILED_LOGINS = 5;
export const FAILURE_WINDOW_MINUTES = 15;
export const LOCKOUT_MINUTES = 15;
/** The slower ceiling per address over all sources, so a distributed guess is stopped too. */
export const MAX_FAILED_LOGINS_ALL_SOURCES = 50;
export const ALL_SOURCES_WINDOW_MINUTES = 60;

/** The source of an attempt, as stored (an IPv6 address fits in 64 characters). */
const sourceOf = (ip: string | undefined) => (ip ?? 'onbekend').slice(0, 64);

export type LoginOutcome =
  | { kind: 'ok'; userId: number; needsSecondFactor: boolean }
  | { kind: 'invalid' }
  /** notify: this attempt set the lock on an existing account (tell its owner). */
  | { kind: 'locked'; minutes: number; notify?: boolean }
  | { kind: 'inactive' };

interface LoginRow {
  id: number;
  password_hash: string | null;
  active: boolean;
  locked_until: Date | null;
  totp_enabled: boolean;
}

/** Password sign-in with the account lockout of the accounts issue; every failure is audited. */
export class LoginService {
  constructor(private readonly dataSource: DataSource) {}

  async checkPassword(email: string, password: string, ip: string | undefined): Promise<LoginOutcome> {
    const account = email.toLowerCase();
    const source = sourceOf(ip);
    const [user]: LoginRow[] = await this.dataSource.query(
      `SELECT id, password_hash, active, locked_until, totp_enabled_at IS NOT NULL AS totp_enabled
         FROM users WHERE lower(email) = lower($1)`,
      [email],
    );
    // Locked for this source (or over all sources): the same answer whether the address exists.
    const locked = Math.max(
      await this.throttledMinutes(account, source),
      user ? this.lockedMinutes(user) : 0,
    );
    if (locked) {
      await verifyDummyPassword(password);
      await recordAudit(this.dataSource.manager, {
        action: 'login.refused_locked',
        actorId: user?.id,
        subjectType: user ? 'user' : undefined,
        subjectId: user?.id,
        ip,
        details: user ? undefined : { email },
      });
      return { kind: 'locked', minutes: locked };
    }
    if (!user || !user.password_hash) {
      await verifyDummyPassword(password);
      await recordAudit(this.dataSource.manager, {
        action: 'login.failed',
        ip,
        details: { email, reason: 'unknown' },
      });
      return this.registerThrottledFailure(account, source, null, ip);
    }
    if (!(await verifyPassword(user.password_hash, password))) {
      await recordAudit(this.dataSource.manager, {
        action: 'login.failed',
        actorId: user.id,
        subjectType: 'user',
        subjectId: user.id,
        ip,
        details: { reason: 'password' },
      });
      return this.registerThrottledFailure(account, source, user.id, ip);
    }
    if (!user.active) {
      await recordAudit(this.dataSource.manager, {
        action: 'login.failed',
        actorId: user.id,
        subjectType: 'user',
        subjectId: user.id,
        ip,
        details: { reason: 'inactive' },
      });
      return { kind: 'inactive' };
    }
    await this.dataSource.query(`DELETE FROM login_throttle WHERE account = $1 AND source = $2`, [
      account,
      source,
    ]);
    if (user.totp_enabled) return { kind: 'ok', userId: user.id, needsSecondFactor: true };
    await this.registerSuccess(user.id, ip);
    return { kind: 'ok', userId: user.id, needsSecondFactor: false };
  }

  private lastPrune = 0;
  /** Forgets counts older than a day (unknown addresses would pile up), at most every 10 minutes. */
  private async pruneThrottle(): Promise<void> {
    if (Date.now() - this.lastPrune < 10 * 60 * 1000) return;
    this.lastPrune = Date.now();
    await this.dataSource.query(
      `DELETE FROM login_throttle WHERE window_started_at < now() - interval '1 day'
          AND (locked_until IS NULL OR locked_until < now())`,
    );
  }

  /** Minutes sign-in for this address is still refused from this source (0: not locked). */
  private async throttledMinutes(account: string, source: string): Promise<number> {
    const [row]: Array<{ until: Date | null }> = await this.dataSource.query(
      `SELECT max(locked_until) AS until FROM login_throttle
        WHERE account = $1 AND source IN ($2, '*') AND locked_until > now()`,
      [account, source],
    );
    return this.lockedMinutes({ locked_until: row?.until ?? null });
  }

  /**
   * Counts a failed password for the address from this source and over all sources, in one
   * statement (safe with parallel attempts); locks what reached its limit. The source lock
   * comes after MAX_FAILED_LOGINS, the all-sources ceiling only after MAX_FAILED_LOGINS_ALL_SOURCES.
   */
  private async registerThrottledFailure(
    account: string,
    source: string,
    userId: number | null,
    ip: string | undefined,
  ): Promise<LoginOutcome> {
    const rows = rowsOf<{ source: string; failures: number }>(
      await this.dataSource.query(
        `INSERT INTO login_throttle AS t (account, source, failures, window_started_at)
              VALUES ($1, $2, 1, now()), ($1, '*', 1, now())
         ON CONFLICT (account, source) DO UPDATE SET
           failures = CASE WHEN t.window_started_at < now() - make_interval(mins => CASE WHEN t.source = '*' THEN $4::int ELSE $3::int END)
                           THEN 1 ELSE t.failures + 1 END,
           window_started_at = CASE WHEN t.window_started_at < now() - make_interval(mins => CASE WHEN t.source = '*' THEN $4::int ELSE $3::int END)
                                    THEN now() ELSE t.window_started_at END
         RETURNING source, failures`,
        [account, source, FAILURE_WINDOW_MINUTES, ALL_SOURCES_WINDOW_MINUTES],
      ),
    );
    await this.pruneThrottle();
    const reached = rows
      .filter((r) => r.failures >= (r.source === '*' ? MAX_FAILED_LOGINS_ALL_SOURCES : MAX_FAILED_LOGINS))
      .map((r) => r.source);
    if (reached.length === 0) return { kind: 'invalid' };
    await this.dataSource.query(
      `UPDATE login_throttle SET locked_until = now() + make_interval(mins => $3), failures = 0, window_started_at = now()
        WHERE account = $1 AND source = ANY($2::varchar[])`,
      [account, reached, LOCKOUT_MINUTES],
    );
    await recordAudit(this.dataSource.manager, {
      action: 'login.locked',
      actorId: userId ?? undefined,
      subjectType: userId ? 'user' : undefined,
      subjectId: userId ?? undefined,
      ip,
      details: {
        minutes: LOCKOUT_MINUTES,
        reason: 'password',
        scope: reached.includes('*') ? 'all-sources' : 'source',
        ...(userId ? {} : { email: account }),
      },
    });
    return { kind: 'locked', minutes: LOCKOUT_MINUTES, notify: userId !== null };
  }

  /** Second step: a TOTP code, or one of the recovery codes (each works once). */
  async checkSecondFactor(userId: number, code: string, ip: string | undefined): Promise<LoginOutcome> {
    const [user]: Array<LoginRow & { totp_secret: string | null; recovery_code_hashes: string[] }> =
      await this.dataSource.query(
        `SELECT id, active, locked_until, totp_secret, recovery_code_hashes FROM users WHERE id = $1`,
        [userId],
      );
    if (!user || !user.active || !user.totp_secret) return { kind: 'invalid' };
    const locked = this.lockedMinutes(user);
    if (locked) return { kind: 'locked', minutes: locked };

    const step = await verifyTotp(user.totp_secret, code);
    if (step !== null) {
      // Each code works once: only a step later than the last accepted one counts (checked and
      // stored in one statement, so two requests with the same code cannot both pass).
      const accepted = rowsOf(
        await this.dataSource.query(
          `UPDATE users SET totp_last_step = $2
            WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`,
          [user.id, step],
        ),
      );
      if (accepted.length > 0) {
        await this.registerSuccess(user.id, ip, 'totp');
        return { kind: 'ok', userId: user.id, needsSecondFactor: false };
      }
      return this.registerFailure(user.id, ip, 'totp_reused');
    }
    if (looksLikeRecoveryCode(code)) {
      // Remove the code in the same statement that checks it, so it can never be used twice.
      const hash = hashRecoveryCode(code);
      const used = await this.dataSource.query(
        `UPDATE users SET recovery_code_hashes = array_remove(recovery_code_hashes, $2)
          WHERE id = $1 AND $2 = ANY(recovery_code_hashes) RETURNING id`,
        [user.id, hash],
      );
      if (rowsOf(used).length > 0) {
        await this.registerSuccess(user.id, ip, 'recovery_code');
        return { kind: 'ok', userId: user.id, needsSecondFactor: false };
      }
    }
    return this.registerFailure(user.id, ip, 'second_factor');
  }

  /** Minutes the account is still locked (0: not locked). */
  lockedMinutes(user: { locked_until: Date | null }): number {
    if (!user.locked_until) return 0;
    const ms = new Date(user.locked_until).getTime() - Date.now();
    return ms > 0 ? Math.ceil(ms / 60000) : 0;
  }

  /**
   * Counts a failed proof of identity (password at login or when changing it, second factor)
   * towards the account lockout, and audits it under `action`; locks at the limit.
   */
  async registerFailure(
    userId: number,
    ip: string | undefined,
    reason: string,
    action = 'login.failed',
  ): Promise<LoginOutcome> {
    // One statement: count within the window, and lock at the limit (safe with parallel attempts).
    const rows = rowsOf(
      await this.dataSource.query(
        `UPDATE users SET
           failed_login_count = CASE WHEN first_failed_login_at IS NULL
                                       OR first_failed_login_at < now() - make_interval(mins => $2)
                                     THEN 1 ELSE failed_login_count + 1 END,
           first_failed_login_at = CASE WHEN first_failed_login_at IS NULL
                                          OR first_failed_login_at < now() - make_interval(mins => $2)
                                        THEN now() ELSE first_failed_login_at END
         WHERE id = $1
         RETURNING failed_login_count`,
        [userId, FAILURE_WINDOW_MINUTES],
      ),
    );
    const count: number = rows[0]?.failed_login_count ?? 0;
    await recordAudit(this.dataSource.manager, {
      action,
      actorId: userId,
      subjectType: 'user',
      subjectId: userId,
      ip,
      details: { reason, attempt: count },
    });
    if (count >= MAX_FAILED_LOGINS) {
      await this.dataSource.query(
        `UPDATE users SET locked_until = now() + make_interval(mins => $2), failed_login_count = 0,
                          first_failed_login_at = NULL WHERE id = $1`,
        [userId, LOCKOUT_MINUTES],
      );
      await recordAudit(this.dataSource.manager, {
        action: 'login.locked',
        actorId: userId,
        subjectType: 'user',
        subjectId: userId,
        ip,
        details: { minutes: LOCKOUT_MINUTES, reason },
      });
      return { kind: 'locked', minutes: LOCKOUT_MINUTES };
    }
    return { kind: 'invalid' };
  }

  private async registerSuccess(userId: number, ip: string | undefined, method = 'password'): Promise<void> {
    await this.dataSource.query(
      `UPDATE users SET failed_login_count = 0, first_failed_login_at = NULL, locked_until = NULL,
                        last_login_at = now() WHERE id = $1`,
      [userId],
    );
    await recordAudit(this.dataSource.manager, {
      action: 'login.succeeded',
      actorId: userId,
      subjectType: 'user',
      subjectId: userId,
      ip,
      details: { method },
    });
  }
}

/** The Dutch message for a locked account. */
export function lockedMessage(minutes: number): string {
  return `Te veel mislukte pogingen. Dit account is tijdelijk geblokkeerd; probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`;
}
