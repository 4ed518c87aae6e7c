import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../accounts/audit';
import { createNotifications } from '../notifications/notifications.service';
import type { AfterCommit } from '../reflections/reflections.service';
import { conflict, notFound } from '../web/http-errors';

/** The kerngroep's review of cases published with confirmed findings. */
export class PrivacyReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly after: AfterCommit,
  ) {}

  /** Looked at, nothing to change. */
  async markChecked(confirmationId: number, reviewerId: number, ip?: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const row = await this.lock(m, confirmationId);
      if (row.review_status === 'checked') throw conflict('Deze casus is al als gecontroleerd gemarkeerd.');
      await m.query(
        `UPDATE privacy_confirmations SET review_status = 'checked', reviewed_by_id = $2, reviewed_at = now() WHERE id = $1`,
        [confirmationId, reviewerId],
      );
      await recordAudit(m, {
        actorId: reviewerId,
        ip,
        action: 'privacy.checked',
        subjectType: 'case',
        subjectId: row.case_id,
        details: { confirmationId },
      });
    });
  }

  /** The author is asked to change the case (notification, e-mail when configured); the item stays open. */
  async requestChange(confirmationId: number, reviewerId: number, note: string, ip?: string): Promise<void> {
    const created = await this.dataSource.transaction(async (m) => {
      const row = await this.lock(m, confirmationId);
      await m.query(
        `UPDATE privacy_confirmations SET review_status = 'change_requested', reviewed_by_id = $2, reviewed_at = now(),
                review_note = $3 WHERE id = $1`,
        [confirmationId, reviewerId, note],
      );
      await recordAudit(m, {
        actorId: reviewerId,
        ip,
        action: 'privacy.change_requested',
        subjectType: 'case',
        subjectId: row.case_id,
        details: { confirmationId },
      });
      return createNotifications(m, [
        {
          userId: row.author_id,
          kind: 'privacy_change_requested',
          message: `De kerngroep vraagt u persoonsgegevens uit uw casus "${row.title}" te halen: ${note}`,
          url: `/casussen/${row.case_id}/bewerken?controle=1`,
          eventKey: `privacy-change:${confirmationId}:${Date.now()}`,
        },
      ]);
    });
    this.after.notified(created);
  }

  private async lock(m: EntityManager, id: number) {
    const [row] = await m.query(
      `SELECT p.id, p.case_id, p.review_status, c.author_id, c.title
         FROM privacy_confirmations p JOIN cases c ON c.id = p.case_id WHERE p.id = $1 FOR UPDATE OF p`,
      [id],
    );
    if (!row) throw notFound('Deze controle bestaat niet (meer).');
    return row as { id: number; case_id: number; review_status: string; author_id: number; title: string };
  }
}
