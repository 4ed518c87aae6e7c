import type { DataSource } from 'typeorm';
import { createNotifications, type CreatedNotification } from '../notifications/notifications.service';
import { FINDING_LABELS, findingKey, findPersonalData } from './personal-data';
import { allowedTexts, confirmedFindingKeys } from './privacy.queries';

/**
 * An attachment added to a case others already see is public before its text is read: when the
 * text turns out to hold personal data (not confirmed before for the case), the author is told
 * at once (notification, and e-mail when configured) with a link to replace or remove it. Once
 * per file: a replaced file is checked again.
 */
export class AttachmentPrivacyCheck {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notified: (created: CreatedNotification[]) => void,
  ) {}

  async afterExtraction(attachmentId: number): Promise<void> {
    const [a] = await this.dataSource.query(
      `SELECT a.id, a.case_id, a.filename, trim(a.blob_sha256) AS sha, a.extracted_text AS text,
              c.status, c.author_id, c.title, c.contact
         FROM attachments a JOIN cases c ON c.id = a.case_id WHERE a.id = $1`,
      [attachmentId],
    );
    // Drafts are checked when they are published.
    if (!a || a.status === 'draft' || !a.text) return;
    const [allowed, confirmed] = await Promise.all([
      allowedTexts(this.dataSource),
      confirmedFindingKeys(this.dataSource, a.case_id),
    ]);
    const found = findPersonalData(a.text, { allowed: [a.contact, ...allowed] }).filter(
      (f) => !confirmed.has(findingKey(f)),
    );
    if (found.length === 0) return;
    const kinds = [...new Set(found.map((f) => FINDING_LABELS[f.kind].toLowerCase()))].join(', ');
    const created = await this.dataSource.transaction((m) =>
      createNotifications(m, [
        {
          userId: a.author_id,
          kind: 'privacy_attachment',
          message: `Bijlage "${a.filename}" bij uw casus "${a.title}" bevat mogelijk persoonsgegevens (${kinds}). Vervang haar door een geanonimiseerde versie of verwijder haar.`,
          url: `/casussen/${a.case_id}#bijlage-${a.id}`,
          eventKey: `privacy-attachment:${a.id}:${a.sha}`,
        },
      ]),
    );
    this.notified(created);
  }
}
