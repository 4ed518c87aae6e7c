import type { DataSource, EntityManager } from 'typeorm';
import type { UserRole } from '../domain';
import { recordAudit } from '../accounts/audit';
import { rowsOf } from '../db/sql';
import { createNotifications, type CreatedNotification } from '../notifications/notifications.service';
import { can, REACTION_EDIT_HOURS, type CaseRef, type ReactionRef, type Viewer } from '../policy';
import { recordPrivacyConfirmation } from '../privacy/case-check';
import type { ConfirmedFinding } from '../privacy/personal-data';
import { enqueueSearchUpdate } from '../search/outbox';
import { badRequest, forbidden, notFound } from '../web/http-errors';
import { reactionRecipients } from './reaction-notifications';
import type { ReactionEditInput, ReactionInput } from './reactions.schemas';
import { recordCaseEvent } from '../cases/case-events';

export interface AfterCommit {
  /** The search indexer: the case's document has other reaction text or another "answered". */
  kickIndexer(): void;
  /** Notifications created in the transaction, to be mailed. */
  notified(created: CreatedNotification[]): void;
}

/** The same text by the same member on the same place within this many seconds is one reaction (double submit). */
const DUPLICATE_SECONDS = 30;

const GONE = 'Deze reactie bestaat niet (meer).';
const CASE_GONE = 'Deze casus bestaat niet (meer), of u heeft er geen toegang toe.';

interface CaseRow {
  id: number;
  title: string;
  status: CaseRef['status'];
  author_id: number;
  organization_id: number;
  visibility: CaseRef['visibility'];
}
interface ReactionDbRow {
  id: number;
  case_id: number;
  parent_id: number | null;
  author_id: number;
  status: ReactionRef['status'];
  body: string;
  created_at: Date;
  helpful_at: Date | null;
}

const caseRef = (c: CaseRow): CaseRef => ({
  status: c.status,
  authorId: c.author_id,
  organizationId: c.organization_id,
  visibility: c.visibility,
});
/** A member as the policy sees them, for a rule about someone other than the viewer. */
const memberOf = (id: number, roles: UserRole[], organizationId: number): Viewer => ({
  id,
  roles,
  organizationId,
  name: '',
  email: '',
  organizationName: '',
  hasTotp: false,
});
const reactionRef = (r: ReactionDbRow): ReactionRef => ({
  authorId: r.author_id,
  status: r.status,
  createdAt: new Date(r.created_at),
});

/**
 * Writes of reactions (meedenken). Each write that changes what search knows (text, whether the
 * question is answered) queues the case in the outbox in the same transaction; moderation and
 * deletions are audited; notifications are created in the transaction and mailed after commit.
 */
export class ReactionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly after: AfterCommit,
  ) {}

  /** A member reacts on a published case (or replies to a reaction). Returns the id, also of a double submit. */
  async create(
    caseId: number,
    input: ReactionInput,
    viewer: Viewer,
    /** Findings the writer confirmed are no tenants' data (privacy check), recorded with the text. */
    privacyFindings: ConfirmedFinding[] = [],
  ): Promise<{ id: number; created: boolean }> {
    const result = await this.dataSource.transaction(async (m) => {
      // FOR UPDATE: two quick submits of the same text wait for each other, so the second finds the first.
      const c = await this.lockCase(m, caseId, viewer, 'UPDATE');
      let parentId: number | null = null;
      let parentAuthorId: number | undefined;
      if (input.parentId !== undefined) {
        const [parent]: ReactionDbRow[] = await m.query(
          `SELECT id, case_id, parent_id, author_id, status FROM reactions WHERE id = $1 AND case_id = $2`,
          [input.parentId, caseId],
        );
        if (!parent || parent.status !== 'active') throw badRequest(GONE, { field: 'body' });
        // One level of replies: a reply to a reply joins the same thread.
        parentId = parent.parent_id ?? parent.id;
        parentAuthorId = parent.author_id;
      }
      await checkLinkedCase(m, input.linkedCaseId, caseId, viewer);
      const [duplicate] = await m.query(
        `SELECT id FROM reactions
          WHERE case_id = $1 AND author_id = $2 AND parent_id IS NOT DISTINCT FROM $3 AND body = $4 AND status = 'active'
            AND created_at > now() - make_interval(secs => $5)`,
        [caseId, viewer.id, parentId, input.body, DUPLICATE_SECONDS],
      );
      if (duplicate) return { id: duplicate.id as number, created: false, notifications: [] };
      const [row] = await m.query(
        `INSERT INTO reactions (case_id, author_id, parent_id, linked_case_id, body) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [caseId, viewer.id, parentId, input.linkedCaseId ?? null, input.body],
      );
      await recordPrivacyConfirmation(m, caseId, viewer.id, privacyFindings);
      await recordCaseEvent(m, {
        caseId: caseId,
        action: 'reaction.created',
        actorId: viewer.id,
        details: { reactionId: row.id, parentId },
      });
      // Followers who may still read the case (its visibility may have narrowed since they followed).
      const followers: Array<{ user_id: number; roles: UserRole[]; organization_id: number }> = await m.query(
        `SELECT f.user_id, u.roles, u.organization_id FROM follows f JOIN users u ON u.id = f.user_id
          WHERE f.kind = 'case' AND f.value = $1`,
        [String(caseId)],
      );
      const mayRead = (f: (typeof followers)[number]) =>
        can(memberOf(f.user_id, f.roles, f.organization_id), 'case:read', caseRef(c));
      const notifications = await createNotifications(
        m,
        reactionRecipients({
          reactionId: row.id,
          caseId,
          caseTitle: c.title,
          caseAuthorId: c.author_id,
          writerId: viewer.id,
          writerName: viewer.name,
          parentAuthorId,
          followerIds: followers.filter(mayRead).map((f) => f.user_id),
        }),
      );
      return { id: row.id as number, created: true, notifications };
    });
    if (result.created) {
      this.after.kickIndexer();
      this.after.notified(result.notifications);
    }
    return { id: result.id, created: result.created };
  }

  /** The writer changes the text (within 24 hours); the reaction shows "bewerkt". */
  async update(
    reactionId: number,
    input: ReactionEditInput,
    viewer: Viewer,
    privacyFindings: ConfirmedFinding[] = [],
  ): Promise<number> {
    const caseId = await this.dataSource.transaction(async (m) => {
      const r = await this.lockReaction(m, reactionId);
      if (r.status !== 'active') throw notFound(GONE);
      assertEditable(viewer, reactionRef(r));
      const c = await this.lockCase(m, r.case_id, viewer, 'SHARE');
      if (!can(viewer, 'reaction:create', caseRef(c)))
        throw forbidden('Op deze casus kan niet meer gereageerd worden.');
      await checkLinkedCase(m, input.linkedCaseId, r.case_id, viewer);
      await m.query(
        `UPDATE reactions SET body = $2, linked_case_id = $3,
                edited_at = CASE WHEN body = $2 THEN edited_at ELSE now() END, updated_at = now()
          WHERE id = $1`,
        [reactionId, input.body, input.linkedCaseId ?? null],
      );
      await recordPrivacyConfirmation(m, r.case_id, viewer.id, privacyFindings);
      await recordCaseEvent(m, {
        caseId: r.case_id,
        action: 'reaction.updated',
        actorId: viewer.id,
        details: { reactionId, previousBody: r.body },
      });
      return r.case_id;
    });
    this.after.kickIndexer();
    return caseId;
  }

  /** The writer deletes it: the text is gone (the audit log keeps it); with replies a "verwijderd" stays. */
  async remove(reactionId: number, viewer: Viewer): Promise<number> {
    const caseId = await this.dataSource.transaction(async (m) => {
      const r = await this.lockReaction(m, reactionId);
      if (r.status === 'deleted') throw notFound(GONE);
      if (!can(viewer, 'reaction:delete', reactionRef(r)))
        throw forbidden('Alleen wie de reactie schreef, kan haar verwijderen.');
      await m.query(
        `UPDATE reactions SET status = 'deleted', body = '', linked_case_id = NULL, helpful_at = NULL,
                deleted_at = now(), updated_at = now() WHERE id = $1`,
        [reactionId],
      );
      await recordCaseEvent(m, {
        caseId: r.case_id,
        action: 'reaction.deleted',
        actorId: viewer.id,
        details: { reactionId, body: r.body },
      });
      return r.case_id;
    });
    this.after.kickIndexer();
    return caseId;
  }

  /** The case's author marks (or unmarks) "Dit hielp mij"; the case counts as answered while one is marked. */
  async setHelpful(reactionId: number, helpful: boolean, viewer: Viewer): Promise<number> {
    const result = await this.dataSource.transaction(async (m) => {
      const r = await this.lockReaction(m, reactionId);
      if (r.status !== 'active') throw notFound(GONE);
      const c = await this.lockCase(m, r.case_id, viewer, 'UPDATE');
      if (!can(viewer, 'reaction:mark-helpful', caseRef(c), reactionRef(r)))
        throw forbidden(
          c.author_id === viewer.id
            ? 'U kunt alleen reacties van anderen markeren, op een gepubliceerde casus.'
            : 'Alleen de auteur van de casus markeert welke reacties hielpen.',
        );
      if ((r.helpful_at !== null) === helpful) return { caseId: r.case_id, notifications: [] };
      await m.query(`UPDATE reactions SET helpful_at = $2 WHERE id = $1`, [
        reactionId,
        helpful ? new Date() : null,
      ]);
      await enqueueSearchUpdate(m, [r.case_id], 'reaction.helpful');
      await recordAudit(m, {
        actorId: viewer.id,
        action: helpful ? 'reaction.marked_helpful' : 'reaction.unmarked_helpful',
        subjectType: 'case',
        subjectId: r.case_id,
        details: { reactionId },
      });
      const notifications = helpful
        ? await createNotifications(m, [
            {
              userId: r.author_id,
              kind: 'reaction_helpful',
              message: `${viewer.name} vond uw reactie bij "${c.title}" nuttig: "Dit hielp mij".`,
              url: `/casussen/${r.case_id}#reactie-${reactionId}`,
              eventKey: `reaction-helpful:${reactionId}`,
            },
          ])
        : [];
      return { caseId: r.case_id, notifications };
    });
    this.after.kickIndexer();
    this.after.notified(result.notifications);
    return result.caseId;
  }

  /** The kerngroep hides a reaction with a reason: the writer sees why, search forgets its text. */
  async hide(reactionId: number, reason: string, viewer: Viewer): Promise<number> {
    const result = await this.dataSource.transaction(async (m) => {
      if (!can(viewer, 'reaction:moderate')) throw forbidden('Alleen de kerngroep verbergt reacties.');
      const r = await this.lockReaction(m, reactionId);
      if (r.status !== 'active') throw notFound(GONE);
      const [c] = await m.query(`SELECT title FROM cases WHERE id = $1`, [r.case_id]);
      await m.query(
        `UPDATE reactions SET status = 'hidden', hidden_reason = $2, hidden_by_id = $3, hidden_at = now(), updated_at = now()
          WHERE id = $1`,
        [reactionId, reason, viewer.id],
      );
      await m.query(
        `UPDATE reaction_reports SET resolved_at = now(), resolved_by_id = $2 WHERE reaction_id = $1 AND resolved_at IS NULL`,
        [reactionId, viewer.id],
      );
      await recordCaseEvent(m, {
        caseId: r.case_id,
        action: 'reaction.hidden',
        actorId: viewer.id,
        details: { reactionId, reason, authorId: r.author_id },
      });
      const notifications = await createNotifications(m, [
        {
          userId: r.author_id,
          kind: 'reaction_hidden',
          message: `De kerngroep heeft uw reactie bij "${c?.title ?? 'een casus'}" verborgen. Reden: ${reason}`,
          url: `/casussen/${r.case_id}#reactie-${reactionId}`,
          eventKey: `reaction-hidden:${reactionId}`,
        },
      ]);
      return { caseId: r.case_id, notifications };
    });
    this.after.kickIndexer();
    this.after.notified(result.notifications);
    return result.caseId;
  }

  /** A member reports ("Melden") a reaction: it goes into the kerngroep's queue (once per member). */
  async report(reactionId: number, reason: string, viewer: Viewer): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const r = await this.lockReaction(m, reactionId);
      if (r.status !== 'active') throw notFound(GONE);
      await this.lockCase(m, r.case_id, viewer, 'SHARE');
      if (!can(viewer, 'reaction:report', reactionRef(r)))
        throw forbidden('U kunt uw eigen reactie niet melden; verwijder of bewerk haar.');
      await m.query(
        `INSERT INTO reaction_reports (reaction_id, reporter_id, reason) VALUES ($1, $2, $3)
         ON CONFLICT (reaction_id, reporter_id) DO UPDATE SET reason = EXCLUDED.reason, created_at = now(),
                resolved_at = NULL, resolved_by_id = NULL`,
        [reactionId, viewer.id, reason],
      );
      await recordAudit(m, {
        actorId: viewer.id,
        action: 'reaction.reported',
        subjectType: 'case',
        subjectId: r.case_id,
        details: { reactionId, reason },
      });
      return r.case_id;
    });
  }

  /** The kerngroep leaves a reported reaction as it is: its open reports are closed. */
  async dismissReports(reactionId: number, viewer: Viewer): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      if (!can(viewer, 'reaction:moderate')) throw forbidden();
      const r = await this.lockReaction(m, reactionId);
      const closed = await m.query(
        `UPDATE reaction_reports SET resolved_at = now(), resolved_by_id = $2
          WHERE reaction_id = $1 AND resolved_at IS NULL RETURNING id`,
        [reactionId, viewer.id],
      );
      await recordAudit(m, {
        actorId: viewer.id,
        action: 'reaction.reports_dismissed',
        subjectType: 'case',
        subjectId: r.case_id,
        details: { reactionId, reports: rowsOf(closed).length },
      });
    });
  }

  /** Follow (or stop following) a case: its reactions, reflections and a place on an agenda (a follow of kind 'case'). */
  async follow(caseId: number, on: boolean, viewer: Viewer): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const c = await this.lockCase(m, caseId, viewer, 'SHARE');
      if (on)
        await m.query(
          `INSERT INTO follows (user_id, kind, value, label) VALUES ($1, 'case', $2, left($3, 300)) ON CONFLICT DO NOTHING`,
          [viewer.id, String(caseId), c.title],
        );
      else
        await m.query(`DELETE FROM follows WHERE user_id = $1 AND kind = 'case' AND value = $2`, [
          viewer.id,
          String(caseId),
        ]);
    });
  }

  /** The case, readable by the viewer (else 404), locked; refuses reacting where nobody may (403). */
  private async lockCase(
    m: EntityManager,
    caseId: number,
    viewer: Viewer,
    mode: 'UPDATE' | 'SHARE',
  ): Promise<CaseRow> {
    const [c]: CaseRow[] = await m.query(
      `SELECT id, title, status, author_id, organization_id, visibility FROM cases WHERE id = $1 FOR ${mode}`,
      [caseId],
    );
    if (!c || !can(viewer, 'case:read', caseRef(c))) throw notFound(CASE_GONE);
    if (!can(viewer, 'reaction:create', caseRef(c)))
      throw forbidden(
        c.status === 'draft'
          ? 'Op een concept kan niemand reageren; publiceer de casus eerst.'
          : 'Deze casus is gearchiveerd; er kan niet meer op gereageerd worden.',
      );
    return c;
  }

  private async lockReaction(m: EntityManager, reactionId: number): Promise<ReactionDbRow> {
    const [r]: ReactionDbRow[] = await m.query(
      `SELECT id, case_id, parent_id, author_id, status, body, created_at, helpful_at FROM reactions WHERE id = $1 FOR UPDATE`,
      [reactionId],
    );
    if (!r) throw notFound(GONE);
    return r;
  }
}

/** Throws 403 with the reason when the viewer may not edit this reaction (not theirs, or past 24 hours). */
export function assertEditable(viewer: Viewer, r: ReactionRef, now = new Date()): void {
  if (can(viewer, 'reaction:edit', r, now)) return;
  if (r.authorId !== viewer.id) throw forbidden('Alleen wie de reactie schreef, kan haar bewerken.');
  throw forbidden(
    `Een reactie kunt u tot ${REACTION_EDIT_HOURS} uur na het plaatsen bewerken; die termijn is voorbij. U kunt de reactie nog wel verwijderen.`,
  );
}

/** The linked case must be one the writer may point to: a published case of their own (organisation). */
async function checkLinkedCase(
  m: EntityManager,
  linkedCaseId: number | undefined,
  caseId: number,
  viewer: Viewer,
): Promise<void> {
  if (linkedCaseId === undefined) return;
  const [row] = await m.query(
    `SELECT id FROM cases WHERE id = $1 AND id <> $2 AND status = 'published' AND visibility = 'vakgemeenschap'
        AND (organization_id = $3 OR author_id = $4)`,
    [linkedCaseId, caseId, viewer.organizationId, viewer.id],
  );
  if (!row)
    throw badRequest('Kies een gepubliceerde casus van uw eigen organisatie uit de lijst.', {
      field: 'linkedCaseId',
    });
}
