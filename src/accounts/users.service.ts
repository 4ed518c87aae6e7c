import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { UserRole } from '../domain';
import { HttpError, badRequest, conflict, notFound } from '../web/http-errors';
import { recordAudit, type Actor } from './audit';
import { forgetViewers } from './request-cache';
import { isUniqueViolation, rowsOf } from '../db/sql';
import { LoginService, lockedMessage } from './login.service';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';
import { newRecoveryCodes, verifyTotp } from './totp';

export const INVITATION_DAYS = 7;
const DUPLICATE_EMAIL = 'Er bestaat al een account met dit e-mailadres.';

export interface NewUser {
  email: string;
  name: string;
  organizationId: number;
  roles: UserRole[];
}

const locked = (minutes: number) =>
  new HttpError(429, lockedMessage(minutes), { errors: { current: lockedMessage(minutes) } });

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Account writes: each in one transaction with its audit event. */
export class UsersService {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates an account; a duplicate e-mail address is a 409. */
  async create(input: NewUser, actor: Actor, password?: string, m?: EntityManager): Promise<number> {
    const run = async (tx: EntityManager) => {
      await this.assertOrganization(tx, input.organizationId);
      const [existing] = await tx.query(`SELECT id FROM users WHERE lower(email) = lower($1)`, [input.email]);
      if (existing) throw conflict(DUPLICATE_EMAIL, { field: 'email' });
      const hash = password ? await hashPassword(password) : null;
      let row: { id: number };
      try {
        [row] = await tx.query(
          `INSERT INTO users (email, name, roles, organization_id, password_hash, password_changed_at)
           VALUES ($1, $2, $3, $4, $5, CASE WHEN $5::text IS NULL THEN NULL ELSE now() END) RETURNING id`,
          [input.email, input.name, input.roles, input.organizationId, hash],
        );
      } catch (error) {
        // A concurrent request inserted the same address after our check: the unique index decides.
        if (isUniqueViolation(error)) throw conflict(DUPLICATE_EMAIL, { field: 'email' });
        throw error;
      }
      await recordAudit(tx, {
        actorId: actor.id,
        ip: actor.ip,
        action: 'user.created',
        subjectType: 'user',
        subjectId: row.id,
        details: { email: input.email, roles: input.roles },
      });
      return row.id as number;
    };
    return m ? run(m) : this.dataSource.transaction(run);
  }

  /** Creates the account and a one-time invitation link valid for 7 days; returns the token (shown once). */
  async invite(input: NewUser, actor: Actor): Promise<{ userId: number; token: string }> {
    return this.dataSource.transaction(async (tx) => {
      const userId = await this.create(input, actor, undefined, tx);
      const token = await this.issueToken(tx, userId, 'invite', actor);
      return { userId, token };
    });
  }

  /** A new one-time link to set a password; earlier unused links stop working. */
  async issuePasswordReset(userId: number, actor: Actor): Promise<string> {
    return this.dataSource.transaction(async (tx) => {
      await this.assertUser(tx, userId);
      return this.issueToken(tx, userId, 'reset', actor);
    });
  }

  /**
   * Self-service "wachtwoord vergeten": a reset link for the active account with this address, or
   * null when there is none. The caller answers the same either way (no account enumeration).
   */
  async requestPasswordReset(
    email: string,
    ip?: string,
  ): Promise<{ token: string; user: { name: string; email: string } } | null> {
    return this.dataSource.transaction(async (tx) => {
      const [user]: Array<{ id: number; name: string; email: string }> = await tx.query(
        `SELECT id, name, email FROM users WHERE email = $1 AND active`,
        [email],
      );
      if (!user) return null;
      const token = await this.issueToken(tx, user.id, 'reset', { id: user.id, ip });
      return { token, user: { name: user.name, email: user.email } };
    });
  }

  private async issueToken(tx: EntityManager, userId: number, purpose: 'invite' | 'reset', actor: Actor) {
    const token = randomBytes(32).toString('base64url');
    await tx.query(`UPDATE invitations SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
    await tx.query(
      `INSERT INTO invitations (user_id, token_hash, purpose, expires_at, created_by_id)
       VALUES ($1, $2, $3, now() + make_interval(days => $4), $5)`,
      [userId, hashToken(token), purpose, INVITATION_DAYS, actor.id],
    );
    await recordAudit(tx, {
      actorId: actor.id,
      ip: actor.ip,
      action: purpose === 'invite' ? 'user.invited' : 'user.password_reset_issued',
      subjectType: 'user',
      subjectId: userId,
    });
    return token;
  }

  /** The invitation behind a link, or why it cannot be used. */
  async findInvitation(
    token: string,
  ): Promise<
    | { ok: true; userId: number; email: string; name: string; purpose: string }
    | { ok: false; reason: 'unknown' | 'used' | 'expired' }
  > {
    const [row] = await this.dataSource.query(
      `SELECT i.user_id, i.purpose, i.used_at, i.expires_at < now() AS expired, u.email, u.name, u.active
         FROM invitations i JOIN users u ON u.id = i.user_id WHERE i.token_hash = $1`,
      [hashToken(token)],
    );
    if (!row || !row.active) return { ok: false, reason: 'unknown' };
    if (row.used_at) return { ok: false, reason: 'used' };
    if (row.expired) return { ok: false, reason: 'expired' };
    return { ok: true, userId: row.user_id, email: row.email, name: row.name, purpose: row.purpose };
  }

  /** Uses the link once: sets the password and ends every session of the account. */
  async acceptInvitation(token: string, password: string, ip?: string): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      // Marking it used in the same statement that finds it: a link works exactly once.
      const rows = rowsOf(
        await tx.query(
          `UPDATE invitations SET used_at = now()
            WHERE token_hash = $1 AND used_at IS NULL AND expires_at >= now()
            RETURNING user_id`,
          [hashToken(token)],
        ),
      );
      if (rows.length === 0)
        throw conflict('Deze link is al gebruikt of verlopen. Vraag de beheerder om een nieuwe.');
      const userId: number = rows[0].user_id;
      const [user] = await tx.query(`SELECT email, name FROM users WHERE id = $1 AND active`, [userId]);
      if (!user) throw notFound();
      const problem = passwordProblem(password, user);
      if (problem) throw badRequest(problem, { errors: { password: problem } });
      await tx.query(
        `UPDATE users SET password_hash = $2, password_changed_at = now(), failed_login_count = 0, locked_until = NULL
          WHERE id = $1`,
        [userId, await hashPassword(password)],
      );
      await this.endSessions(tx, userId);
      await recordAudit(tx, {
        actorId: userId,
        ip,
        action: 'user.password_set',
        subjectType: 'user',
        subjectId: userId,
      });
      return userId;
    });
  }

  /**
   * Self-service: needs the current password; every other session of the account ends. A wrong
   * current password counts towards the same lockout as a failed login (a stolen session must not
   * become a way to guess the password), and while locked the change is refused (429).
   */
  async changePassword(userId: number, current: string, next: string, keepSessionId: string, ip?: string) {
    const logins = new LoginService(this.dataSource);
    const [row] = await this.dataSource.query(
      `SELECT email, name, password_hash, locked_until FROM users WHERE id = $1`,
      [userId],
    );
    if (!row) throw notFound();
    const lockedFor = logins.lockedMinutes(row);
    if (lockedFor) {
      await recordAudit(this.dataSource.manager, {
        actorId: userId,
        ip,
        action: 'user.password_change_refused_locked',
        subjectType: 'user',
        subjectId: userId,
      });
      throw locked(lockedFor);
    }
    if (!row.password_hash || !(await verifyPassword(row.password_hash, current))) {
      const outcome = await logins.registerFailure(
        userId,
        ip,
        'current_password',
        'user.password_change_failed',
      );
      if (outcome.kind === 'locked') throw locked(outcome.minutes);
      throw badRequest('Uw huidige wachtwoord klopt niet.', {
        errors: { current: 'Uw huidige wachtwoord klopt niet.' },
      });
    }
    const problem = passwordProblem(next, row);
    if (problem) throw badRequest(problem, { errors: { password: problem } });
    const hash = await hashPassword(next);
    await this.dataSource.transaction(async (tx) => {
      await tx.query(`UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1`, [
        userId,
        hash,
      ]);
      await this.endSessions(tx, userId, keepSessionId);
      await recordAudit(tx, {
        actorId: userId,
        ip,
        action: 'user.password_changed',
        subjectType: 'user',
        subjectId: userId,
      });
    });
  }

  /** Sets a password directly (CLI). */
  async setPassword(userId: number, password: string, actor: Actor) {
    const hash = await hashPassword(password);
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `UPDATE users SET password_hash = $2, password_changed_at = now(), locked_until = NULL WHERE id = $1`,
        [userId, hash],
      );
      await this.endSessions(tx, userId);
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'user.password_set',
        subjectType: 'user',
        subjectId: userId,
      });
    });
  }

  async setActive(userId: number, active: boolean, actor: Actor) {
    if (!active && actor.id === userId) throw conflict('U kunt uw eigen account niet deactiveren.');
    await this.dataSource.transaction(async (tx) => {
      await this.assertUser(tx, userId);
      await tx.query(`UPDATE users SET active = $2, updated_at = now() WHERE id = $1`, [userId, active]);
      if (!active) {
        await this.endSessions(tx, userId);
        // Open invitation and reset links die too: reactivation must not bring an old one back.
        await tx.query(`UPDATE invitations SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [
          userId,
        ]);
      }
      await recordAudit(tx, {
        actorId: actor.id,
        ip: actor.ip,
        action: active ? 'user.reactivated' : 'user.deactivated',
        subjectType: 'user',
        subjectId: userId,
      });
    });
    forgetViewers(this.dataSource, [userId]);
  }

  async update(userId: number, input: Omit<NewUser, 'email'>, actor: Actor) {
    if (actor.id === userId && !input.roles.includes('admin')) {
      throw conflict('U kunt uw eigen beheerdersrol niet intrekken; laat een andere beheerder dat doen.');
    }
    await this.dataSource.transaction(async (tx) => {
      const before = await this.assertUser(tx, userId);
      await this.assertOrganization(tx, input.organizationId);
      await tx.query(
        `UPDATE users SET name = $2, roles = $3, organization_id = $4, updated_at = now() WHERE id = $1`,
        [userId, input.name, input.roles, input.organizationId],
      );
      await recordAudit(tx, {
        actorId: actor.id,
        ip: actor.ip,
        action: 'user.updated',
        subjectType: 'user',
        subjectId: userId,
        details: { rolesBefore: before.roles, roles: input.roles, organizationId: input.organizationId },
      });
    });
    forgetViewers(this.dataSource, [userId]);
  }

  /** Starts TOTP enrolment after the code from the app proved the secret was scanned. */
  async enableTotp(userId: number, secret: string, code: string, ip?: string): Promise<string[] | null> {
    const step = await verifyTotp(secret, code);
    if (step === null) return null;
    const { codes, hashes } = newRecoveryCodes();
    await this.dataSource.transaction(async (tx) => {
      // The enrolment code counts as used: it cannot sign in afterwards.
      await tx.query(
        `UPDATE users SET totp_secret = $2, totp_enabled_at = now(), recovery_code_hashes = $3, totp_last_step = $4
          WHERE id = $1`,
        [userId, secret, hashes, step],
      );
      await recordAudit(tx, {
        actorId: userId,
        ip,
        action: 'user.totp_enabled',
        subjectType: 'user',
        subjectId: userId,
      });
    });
    forgetViewers(this.dataSource, [userId]);
    return codes;
  }

  async resetTotp(userId: number, actor: Actor) {
    await this.dataSource.transaction(async (tx) => {
      await this.assertUser(tx, userId);
      await tx.query(
        `UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL, recovery_code_hashes = '{}', totp_last_step = NULL
          WHERE id = $1`,
        [userId],
      );
      await this.endSessions(tx, userId);
      await recordAudit(tx, {
        actorId: actor.id,
        ip: actor.ip,
        action: 'user.totp_reset',
        subjectType: 'user',
        subjectId: userId,
      });
    });
    forgetViewers(this.dataSource, [userId]);
  }

  /** Ends the account's sessions in the session store (all, or all but one). */
  private async endSessions(tx: EntityManager, userId: number, exceptSid?: string) {
    await tx.query(
      `DELETE FROM sessions WHERE (sess -> 'passport' ->> 'user') = $1::text AND ($2::text IS NULL OR sid <> $2)`,
      [String(userId), exceptSid ?? null],
    );
  }

  private async assertUser(tx: EntityManager, userId: number): Promise<{ roles: string[] }> {
    const [row] = await tx.query(`SELECT roles FROM users WHERE id = $1 AND removed_at IS NULL`, [userId]);
    if (!row) throw notFound('Dit account bestaat niet.');
    return row;
  }

  private async assertOrganization(tx: EntityManager, organizationId: number) {
    const [org] = await tx.query(`SELECT id FROM organizations WHERE id = $1`, [organizationId]);
    if (!org)
      throw badRequest('Onbekende organisatie.', {
        errors: { organizationId: 'Kies een bestaande organisatie.' },
      });
  }
}
