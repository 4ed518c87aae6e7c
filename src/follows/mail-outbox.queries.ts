import type { DataSource } from 'typeorm';

export interface MailOutboxRow {
  id: number;
  recipient: string;
  subject: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  createdAt: Date;
}

/** Mails not sent yet (failed ones first), for Beheer → E-mail; and counts of the last week. */
export async function failedMails(
  ds: DataSource,
): Promise<{ pending: MailOutboxRow[]; sentLastWeek: number }> {
  const pending: MailOutboxRow[] = await ds.query(
    `SELECT id, recipient, subject, attempts, last_error AS "lastError", next_attempt_at AS "nextAttemptAt", created_at AS "createdAt"
       FROM mail_outbox WHERE sent_at IS NULL ORDER BY (last_error IS NULL), created_at LIMIT 200`,
  );
  const [row] = await ds.query(
    `SELECT count(*)::int AS n FROM mail_outbox WHERE sent_at > now() - interval '7 days'`,
  );
  return { pending, sentLastWeek: row.n };
}
