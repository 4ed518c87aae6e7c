import type { DataSource } from 'typeorm';
import { notFound } from '../web/http-errors';

/**
 * Everything stored about one member (AVG, right of access), as JSON: one query per kind of
 * record, so a new table that holds a member's data is one more entry here. Secrets (password
 * hash, second-factor secret, recovery codes) are stored about them too, but only as whether
 * they are set: handing them out would weaken the account, not inform its owner.
 */
const SECTIONS: Array<[name: string, sql: string]> = [
  [
    'cases',
    `SELECT c.id, c.title, c.summary, c.context, c.approach, c.results, c.lessons, c.question, c.roles, c.tags,
            c.partners, c.region, c.year, c.contact, c.contact_email AS "contactEmail",
            c.contact_phone AS "contactPhone", c.status, c.visibility, c.version,
            o.name AS organization, c.created_at AS "createdAt", c.updated_at AS "updatedAt",
            c.published_at AS "publishedAt",
            coalesce((SELECT array_agg(t.slug ORDER BY t.slug) FROM case_themes ct JOIN themes t ON t.id = ct.theme_id
                       WHERE ct.case_id = c.id), '{}') AS themes,
            coalesce((SELECT json_agg(json_build_object('id', a.id, 'filename', a.filename, 'mimeType', a.mime_type,
                                                        'sizeBytes', a.size_bytes, 'createdAt', a.created_at) ORDER BY a.id)
                        FROM attachments a WHERE a.case_id = c.id), '[]') AS attachments
       FROM cases c JOIN organizations o ON o.id = c.organization_id
      WHERE c.author_id = $1 ORDER BY c.id`,
  ],
  [
    'caseRevisions',
    `SELECT r.case_id AS "caseId", r.version, r.changed_fields AS "changedFields", r.created_at AS "createdAt"
       FROM case_revisions r WHERE r.author_id = $1 ORDER BY r.case_id, r.version`,
  ],
  [
    'attachmentsUploaded',
    `SELECT a.id, a.case_id AS "caseId", a.filename, a.mime_type AS "mimeType", a.size_bytes AS "sizeBytes",
            a.created_at AS "createdAt"
       FROM attachments a WHERE a.uploaded_by_id = $1 ORDER BY a.id`,
  ],
  [
    'reflections',
    `SELECT r.id, r.case_id AS "caseId", r.meeting_id AS "meetingId", r.body, r.status,
            r.created_at AS "createdAt", r.updated_at AS "updatedAt", r.withdrawn_at AS "withdrawnAt"
       FROM reflections r WHERE r.author_id = $1 ORDER BY r.id`,
  ],
  [
    'reactions',
    `SELECT r.id, r.case_id AS "caseId", r.parent_id AS "parentId", r.linked_case_id AS "linkedCaseId", r.body,
            r.status, r.hidden_reason AS "hiddenReason", r.helpful_at AS "helpfulAt", r.created_at AS "createdAt",
            r.edited_at AS "editedAt", r.deleted_at AS "deletedAt"
       FROM reactions r WHERE r.author_id = $1 ORDER BY r.id`,
  ],
  [
    'reactionReports',
    `SELECT p.reaction_id AS "reactionId", p.reason, p.created_at AS "createdAt", p.resolved_at AS "resolvedAt"
       FROM reaction_reports p WHERE p.reporter_id = $1 ORDER BY p.id`,
  ],
  [
    'followedCases',
    `SELECT f.value::int AS "caseId", f.created_at AS "createdAt" FROM follows f WHERE f.user_id = $1 AND f.kind = 'case' ORDER BY f.created_at`,
  ],
  [
    'follows',
    `SELECT f.kind, f.value, f.label, f.created_at AS "createdAt" FROM follows f WHERE f.user_id = $1 ORDER BY f.created_at`,
  ],
  [
    'notificationSettings',
    `SELECT s.email, s.channels, s.updated_at AS "updatedAt" FROM notification_settings s WHERE s.user_id = $1`,
  ],
  [
    'nominations',
    `SELECT n.id, n.meeting_id AS "meetingId", m.title AS "meetingTitle", n.case_id AS "caseId", n.motivation,
            n.status, n.feedback, n.created_at AS "createdAt", n.decided_at AS "decidedAt"
       FROM nominations n JOIN meetings m ON m.id = n.meeting_id WHERE n.nominated_by_id = $1 ORDER BY n.id`,
  ],
  [
    'meetingSignups',
    `SELECT s.meeting_id AS "meetingId", m.title AS "meetingTitle", s.status, s.present, s.created_at AS "createdAt",
            coalesce((SELECT json_agg(json_build_object('name', g.name, 'organization', g.organization, 'email', g.email,
                                                        'present', g.present) ORDER BY g.position)
                        FROM meeting_signup_guests g WHERE g.signup_id = s.id), '[]') AS guests
       FROM meeting_signups s JOIN meetings m ON m.id = s.meeting_id WHERE s.user_id = $1 ORDER BY m.starts_at`,
  ],
  [
    'programmeItems',
    `SELECT p.meeting_id AS "meetingId", p.title, p.starts_at AS "startsAt",
            CASE WHEN p.presenter_id = $1 THEN 'presentator' ELSE 'expert' END AS "as"
       FROM meeting_programme_items p WHERE p.presenter_id = $1 OR p.expert_id = $1 ORDER BY p.meeting_id, p.position`,
  ],
  [
    'meetingReports',
    `SELECT r.meeting_id AS "meetingId", r.body, r.published_at AS "publishedAt", r.updated_at AS "updatedAt"
       FROM meeting_reports r WHERE r.author_id = $1 ORDER BY r.meeting_id`,
  ],
  [
    'meetingsAsExpert',
    `SELECT m.id, m.title, m.starts_at AS "startsAt"
       FROM meeting_experts e JOIN meetings m ON m.id = e.meeting_id WHERE e.user_id = $1 ORDER BY m.starts_at`,
  ],
  [
    'notifications',
    `SELECT n.kind, n.message, n.url, n.created_at AS "createdAt", n.read_at AS "readAt"
       FROM notifications n WHERE n.user_id = $1 ORDER BY n.id`,
  ],
  [
    'privacyConfirmations',
    `SELECT p.case_id AS "caseId", p.confirmed_at AS "confirmedAt", p.findings, p.review_status AS "reviewStatus"
       FROM privacy_confirmations p WHERE p.confirmed_by_id = $1 ORDER BY p.id`,
  ],
  [
    'auditEvents',
    `SELECT a.at, a.action, a.subject_type AS "subjectType", a.subject_id AS "subjectId", a.ip, a.details,
            (a.actor_id = $1) AS "byYou"
       FROM audit_events a
      WHERE a.actor_id = $1 OR (a.subject_type = 'user' AND a.subject_id = $1::text)
      ORDER BY a.at, a.id`,
  ],
  [
    'signInAttempts',
    `SELECT t.source, t.failures, t.window_started_at AS "windowStartedAt", t.locked_until AS "lockedUntil"
       FROM login_throttle t JOIN users u ON lower(u.email) = t.account WHERE u.id = $1`,
  ],
];

/** The member's data as one JSON document (404 when there is no such member). */
export async function memberDataExport(ds: DataSource, userId: number): Promise<Record<string, unknown>> {
  const [profile] = await ds.query(
    `SELECT u.id, u.email, u.name, u.roles, u.active,
            json_build_object('id', o.id, 'name', o.name, 'kind', o.kind) AS organization,
            u.password_hash IS NOT NULL AS "hasPassword", u.totp_enabled_at AS "twoFactorEnabledAt",
            cardinality(u.recovery_code_hashes) AS "recoveryCodesLeft",
            u.failed_login_count AS "failedLoginCount", u.locked_until AS "lockedUntil",
            u.last_login_at AS "lastLoginAt", u.password_changed_at AS "passwordChangedAt",
            u.created_at AS "createdAt", u.updated_at AS "updatedAt"
       FROM users u JOIN organizations o ON o.id = u.organization_id WHERE u.id = $1 AND u.removed_at IS NULL`,
    [userId],
  );
  if (!profile) throw notFound('Dit account bestaat niet.');
  const sections = await Promise.all(
    SECTIONS.map(async ([name, sql]) => [name, await ds.query(sql, [userId])] as const),
  );
  const [sessions] = await ds.query(
    `SELECT count(*)::int AS n, max(expire) AS "latestExpiry" FROM sessions WHERE (sess -> 'passport' ->> 'user') = $1::text`,
    [String(userId)],
  );
  return {
    exportedAt: new Date().toISOString(),
    about:
      'Alles wat de Casusbank over u bewaart. Wachtwoord en tweestapsverificatie staan er alleen in als "ingesteld", niet zelf.',
    profile,
    ...Object.fromEntries(sections),
    sessions,
  };
}
