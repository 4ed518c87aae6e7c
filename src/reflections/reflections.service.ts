import type { DataSource, EntityManager } from 'typeorm';
import { caseFollowerIds } from '../follows/follows.queries';
import { createNotifications, type CreatedNotification } from '../notifications/notifications.service';
import { can, type Viewer } from '../policy';
import { recordPrivacyConfirmation } from '../privacy/case-check';
import type { ConfirmedFinding } from '../privacy/personal-data';
import { badRequest, forbidden, notFound } from '../web/http-errors';
import type { ReflectionInput } from './reflections.schemas';
import { recordCaseEvent } from '../cases/case-events';

export interface AfterCommit {
  /** The search indexer: the case's document now has other reflection text. */
  kickIndexer(): void;
  /** Notifications created in the transaction, to be mailed. */
  notified(created: CreatedNotification[]): void;
}

/**
 * Writes of reflections. Each write updates the case's search document through the outbox (the
 * "met reflectie" facet and reflection text), in the same transaction, and is audited.
 */
export class ReflectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly after: AfterCommit,
  ) {}

  /** An expert reflects on a published case; the case's author is notified. Returns the new id. */
  async create(
    caseId: number,
    input: ReflectionInput,
    viewer: Viewer,
    /** Findings the writer confirmed are no tenants' data (privacy check), recorded with the text. */
    privacyFindings: ConfirmedFinding[] = [],
  ): Promise<number> {
    const { id, created } = await this.dataSource.transaction(async (m) => {
      const [c] = await m.query(
        `SELECT id, title, status, author_id, organization_id, visibility FROM cases WHERE id = $1 FOR SHARE`,
        [caseId],
      );
      const ref = c && {
        status: c.status,
        authorId: c.author_id,
        organizationId: c.organization_id,
        visibility: c.visibility,
      };
      if (!ref || !can(viewer, 'case:read', ref)) throw notFound();
      if (!can(viewer, 'reflection:create', ref)) {
        throw forbidden(
          c.status === 'published'
            ? 'Alleen experts schrijven reflecties.'
            : 'Een reflectie kan alleen op een gepubliceerde casus.',
        );
      }
      await checkMeeting(m, input.meetingId);
      const [row] = await m.query(
        `INSERT INTO reflections (case_id, author_id, meeting_id, body) VALUES ($1, $2, $3, $4) RETURNING id`,
        [caseId, viewer.id, input.meetingId ?? null, input.body],
      );
      await recordPrivacyConfirmation(m, caseId, viewer.id, privacyFindings);
      await recordCaseEvent(m, {
        caseId: caseId,
        action: 'reflection.created',
        actorId: viewer.id,
        details: { reflectionId: row.id },
      });
      const url = `/casussen/${caseId}#reflectie-${row.id}`;
      const followers = (await caseFollowerIds(m, [caseId])).filter(
        (f) => f.userId !== viewer.id && f.userId !== c.author_id,
      );
      const created = await createNotifications(m, [
        ...(c.author_id === viewer.id
          ? []
          : [
              {
                userId: c.author_id,
                kind: 'reflection' as const,
                message: `${viewer.name} schreef een reflectie op uw casus "${c.title}".`,
                url,
                eventKey: `reflection:${row.id}`,
              },
            ]),
        ...followers.map((f) => ({
          userId: f.userId,
          kind: 'followed_reflection' as const,
          message: `${viewer.name} schreef een reflectie bij "${c.title}", een casus die u volgt.`,
          url,
          eventKey: `reflection:${row.id}`,
          reason: `Casus: ${c.title}`,
        })),
      ]);
      return { id: row.id as number, created };
    });
    this.after.kickIndexer();
    this.after.notified(created);
    return id;
  }

  /** The author changes the text (or the meeting it belongs to). */
  async update(
    reflectionId: number,
    input: ReflectionInput,
    viewer: Viewer,
    privacyFindings: ConfirmedFinding[] = [],
  ): Promise<number> {
    const caseId = await this.dataSource.transaction(async (m) => {
      const r = await this.lockOwn(m, reflectionId, viewer);
      await checkMeeting(m, input.meetingId);
      await m.query(`UPDATE reflections SET body = $2, meeting_id = $3, updated_at = now() WHERE id = $1`, [
        reflectionId,
        input.body,
        input.meetingId ?? null,
      ]);
      await recordPrivacyConfirmation(m, r.case_id, viewer.id, privacyFindings);
      await recordCaseEvent(m, {
        caseId: r.case_id,
        action: 'reflection.updated',
        actorId: viewer.id,
        details: { reflectionId },
      });
      return r.case_id as number;
    });
    this.after.kickIndexer();
    return caseId;
  }

  /** Withdrawn reflections disappear for everyone; the audit log keeps the text. */
  async withdraw(reflectionId: number, viewer: Viewer): Promise<number> {
    const caseId = await this.dataSource.transaction(async (m) => {
      const r = await this.lockOwn(m, reflectionId, viewer);
      await m.query(
        `UPDATE reflections SET status = 'withdrawn', withdrawn_at = now(), updated_at = now() WHERE id = $1`,
        [reflectionId],
      );
      await recordCaseEvent(m, {
        caseId: r.case_id,
        action: 'reflection.withdrawn',
        actorId: viewer.id,
        details: { reflectionId, body: r.body },
      });
      return r.case_id as number;
    });
    this.after.kickIndexer();
    return caseId;
  }

  private async lockOwn(m: EntityManager, reflectionId: number, viewer: Viewer) {
    const [r] = await m.query(
      `SELECT id, case_id, author_id, status, body FROM reflections WHERE id = $1 FOR UPDATE`,
      [reflectionId],
    );
    if (!r || r.status !== 'active') throw notFound('Deze reflectie bestaat niet (meer).');
    if (!can(viewer, 'reflection:edit', { authorId: r.author_id, status: r.status })) {
      throw forbidden('Alleen de expert die deze reflectie schreef, kan haar wijzigen of intrekken.');
    }
    return r;
  }
}

/** A reflection may be tied to a meeting that exists. */
async function checkMeeting(m: EntityManager, meetingId: number | undefined): Promise<void> {
  if (meetingId === undefined) return;
  const [meeting] = await m.query(`SELECT id FROM meetings WHERE id = $1`, [meetingId]);
  if (!meeting) throw badRequest('Deze bijeenkomst bestaat niet.', { field: 'meetingId' });
}
