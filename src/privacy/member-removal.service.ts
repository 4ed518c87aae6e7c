import type { DataSource } from 'typeorm';
import { recordAudit } from '../accounts/audit';
import { forgetViewers } from '../accounts/request-cache';
import { enqueueSearchUpdate } from '../search/outbox';
import { conflict, notFound } from '../web/http-errors';

export const REMOVAL_MODES = ['keep', 'remove'] as const;
export type RemovalMode = (typeof REMOVAL_MODES)[number];

/** The name a removed member's kept content is shown under. */
export const FORMER_MEMBER = 'Voormalig lid';

/**
 * Removes a member (AVG, right to erasure), all in one transaction. The account row stays as a
 * tombstone so cases, revisions and decisions keep their author, but without anything that
 * identifies the person: name, e-mail address, password, second factor, sessions, links,
 * notifications, sign-in counters and the IP addresses in the audit log are gone.
 * - keep: their cases, reflections and reactions stay, shown under "voormalig lid" (a contact
 *   field with their name is emptied);
 * - remove: their cases (with attachments, reflections, reactions and nominations on them), their
 *   own reflections, reactions (with the replies to them) and nominations are deleted too.
 * Uploaded files are left to `gc-blobs` (a blob may be shared with another attachment).
 */
export class MemberRemovalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly afterCommit: () => void = () => undefined,
  ) {}

  async remove(
    userId: number,
    mode: RemovalMode,
    actor: { id: number; ip?: string },
  ): Promise<{ cases: number; reflections: number }> {
    const result = await this.dataSource.transaction(async (m) => {
      const [user] = await m.query(`SELECT id, name, email, removed_at FROM users WHERE id = $1 FOR UPDATE`, [
        userId,
      ]);
      if (!user) throw notFound('Dit account bestaat niet.');
      if (user.removed_at) throw conflict('Dit lid is al verwijderd.');
      const ids = async (sql: string) =>
        ((await m.query(sql, [userId])) as Array<{ id: number }>).map((r) => r.id);
      const caseIds = await ids(`SELECT id FROM cases WHERE author_id = $1`);
      const reflectedOn = await ids(`SELECT DISTINCT case_id AS id FROM reflections WHERE author_id = $1`);
      const nominatedFor = await ids(
        `SELECT DISTINCT case_id AS id FROM nominations WHERE nominated_by_id = $1`,
      );
      const [{ n: reflections }] = await m.query(
        `SELECT count(*)::int AS n FROM reflections WHERE author_id = $1`,
        [userId],
      );
      if (mode === 'remove') {
        await m.query(`DELETE FROM reflections WHERE author_id = $1`, [userId]);
        // Replies of others to their reactions go with them (one thread), as when a case is removed.
        await m.query(`DELETE FROM reactions WHERE author_id = $1`, [userId]);
        await m.query(`DELETE FROM nominations WHERE nominated_by_id = $1`, [userId]);
        await m.query(`DELETE FROM cases WHERE author_id = $1`, [userId]);
      } else {
        // Their own name as contact person would undo the anonymisation.
        await m.query(
          `UPDATE cases SET contact = '', contact_email = '', contact_phone = '' WHERE author_id = $1 AND length($2::text) >= 3 AND strpos(lower(contact), lower($2::text)) > 0`,
          [userId, user.name],
        );
      }
      await m.query(
        `UPDATE users SET name = $2, email = $3, password_hash = NULL, totp_secret = NULL, totp_enabled_at = NULL,
                totp_last_step = NULL, recovery_code_hashes = '{}', roles = '{practitioner}', active = false,
                failed_login_count = 0, first_failed_login_at = NULL, locked_until = NULL, last_login_at = NULL,
                password_changed_at = NULL, removed_at = now(), updated_at = now()
          WHERE id = $1`,
        [userId, FORMER_MEMBER, `voormalig-lid-${userId}@verwijderd.invalid`],
      );
      await m.query(`DELETE FROM sessions WHERE (sess -> 'passport' ->> 'user') = $1::text`, [
        String(userId),
      ]);
      await m.query(`DELETE FROM invitations WHERE user_id = $1`, [userId]);
      await m.query(`DELETE FROM notifications WHERE user_id = $1`, [userId]);
      await m.query(`DELETE FROM meeting_experts WHERE user_id = $1`, [userId]);
      await m.query(`DELETE FROM follows WHERE user_id = $1`, [userId]);
      await m.query(`DELETE FROM notification_settings WHERE user_id = $1`, [userId]);
      await m.query(`DELETE FROM digests WHERE user_id = $1`, [userId]);
      await m.query(`DELETE FROM mail_outbox WHERE user_id = $1`, [userId]);
      // Files chosen for a case never saved (their blobs go with gc-blobs).
      await m.query(`DELETE FROM pending_uploads WHERE user_id = $1`, [userId]);
      // Sign-ups (with the guests' names and addresses) are about the person, not content.
      await m.query(`DELETE FROM meeting_signups WHERE user_id = $1`, [userId]);
      await m.query(`DELETE FROM reaction_reports WHERE reporter_id = $1`, [userId]);
      await m.query(`DELETE FROM login_throttle WHERE account = lower($1)`, [user.email]);
      // The log keeps what happened, not who the person was.
      await m.query(`UPDATE audit_events SET ip = NULL WHERE actor_id = $1`, [userId]);
      await m.query(
        `UPDATE audit_events SET details = details - 'email' WHERE subject_type = 'user' AND subject_id = $1::text`,
        [String(userId)],
      );
      await enqueueSearchUpdate(
        m,
        [...new Set([...caseIds, ...reflectedOn, ...nominatedFor])],
        'user.removed',
      );
      await recordAudit(m, {
        actorId: actor.id,
        ip: actor.ip,
        action: 'user.removed',
        subjectType: 'user',
        subjectId: userId,
        details: { mode, cases: caseIds.length, reflections },
      });
      return { cases: caseIds.length, reflections };
    });
    forgetViewers(this.dataSource, [userId]);
    this.afterCommit();
    return result;
  }
}
