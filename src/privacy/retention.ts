import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { recordAudit } from '../accounts/audit';
import { rowsOf } from '../db/sql';
import type { Config } from '../config';
import type { Mailer } from '../mail/mailer';
import {
  createNotifications,
  NotificationMailer,
  type CreatedNotification,
} from '../notifications/notifications.service';
import { enqueueSearchUpdate } from '../search/outbox';

export interface RetentionSettings {
  /** Untouched this long: the author is reminded. */
  retentionMonths: number;
  /** Still untouched this long after the reminder: removed. */
  removalMonths: number;
}

export interface RetentionDeps {
  kickIndexer(): void;
  notified(created: CreatedNotification[]): void;
  logger?: Logger;
}

const dateNl = (d: Date) =>
  new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(d);

/**
 * Drafts are not kept for ever (AVG: no longer than needed): a draft untouched for twelve months
 * gets its author a reminder (notification, and e-mail when configured); still untouched two
 * months later, it is removed, with an audit entry and a log line. Any edit starts the count
 * again. `now` is a parameter so the schedule can be tested with a moved clock.
 */
export class DraftRetention {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: RetentionSettings,
    private readonly deps: RetentionDeps,
  ) {}

  async run(now: Date = new Date()): Promise<{ reminded: number; removed: number }> {
    const { retentionMonths, removalMonths } = this.settings;
    const created: CreatedNotification[] = [];
    const result = await this.dataSource.transaction(async (m) => {
      // Edited after the reminder: the twelve months start again.
      await m.query(
        `UPDATE cases SET retention_reminded_at = NULL
          WHERE status = 'draft' AND retention_reminded_at IS NOT NULL AND updated_at > retention_reminded_at`,
      );
      const due: Array<{ id: number; title: string; author_id: number }> = await m.query(
        `SELECT id, title, author_id FROM cases
          WHERE status = 'draft' AND retention_reminded_at IS NOT NULL
            AND retention_reminded_at <= $1::timestamptz - make_interval(months => $2)
          ORDER BY id FOR UPDATE`,
        [now.toISOString(), removalMonths],
      );
      if (due.length > 0) {
        const ids = due.map((c) => c.id);
        await m.query(`DELETE FROM cases WHERE id = ANY($1::int[])`, [ids]);
        await enqueueSearchUpdate(m, ids, 'case.retention_removed');
        for (const c of due) {
          await recordAudit(m, {
            action: 'case.retention_removed',
            subjectType: 'case',
            subjectId: c.id,
            details: { title: c.title, authorId: c.author_id, retentionMonths, removalMonths },
          });
        }
        created.push(
          ...(await createNotifications(
            m,
            due.map((c) => ({
              userId: c.author_id,
              kind: 'draft_retention' as const,
              message: `Uw concept "${c.title}" is verwijderd: het is ${retentionMonths + removalMonths} maanden niet bewerkt.`,
              url: '/casussen?status=concept',
              eventKey: `draft-removed:${c.id}`,
            })),
          )),
        );
      }
      const stale = rowsOf<{ id: number; title: string; author_id: number }>(
        await m.query(
          `UPDATE cases SET retention_reminded_at = $1::timestamptz
            WHERE status = 'draft' AND retention_reminded_at IS NULL
              AND updated_at <= $1::timestamptz - make_interval(months => $2)
          RETURNING id, title, author_id`,
          [now.toISOString(), retentionMonths],
        ),
      );
      if (stale.length > 0) {
        const removalDate = new Date(now);
        removalDate.setMonth(removalDate.getMonth() + removalMonths);
        for (const c of stale) {
          await recordAudit(m, {
            action: 'case.retention_reminded',
            subjectType: 'case',
            subjectId: c.id,
            details: { authorId: c.author_id, removalAfter: removalDate.toISOString() },
          });
        }
        created.push(
          ...(await createNotifications(
            m,
            stale.map((c) => ({
              userId: c.author_id,
              kind: 'draft_retention' as const,
              message: `Uw concept "${c.title}" is ${retentionMonths} maanden niet bewerkt. Bewerk of publiceer het vóór ${dateNl(removalDate)}; anders wordt het dan verwijderd.`,
              url: `/casussen/${c.id}/bewerken`,
              eventKey: `draft-reminder:${c.id}:${now.toISOString()}`,
            })),
          )),
        );
      }
      return { reminded: stale.length, removed: due.length, removedIds: due.map((c) => c.id) };
    });
    if (result.removed > 0) this.deps.kickIndexer();
    this.deps.notified(created);
    if (result.reminded || result.removed)
      this.deps.logger?.info(
        { reminded: result.reminded, removed: result.removed, removedIds: result.removedIds },
        'draft retention: authors reminded, old drafts removed',
      );
    return { reminded: result.reminded, removed: result.removed };
  }
}

/** Retention as configured (DRAFT_RETENTION_MONTHS, DRAFT_REMOVAL_MONTHS), mailing through the app's mailer. */
export function draftRetention(
  ds: DataSource,
  config: Pick<Config, 'draftRetentionMonths' | 'draftRemovalMonths' | 'publicUrl'>,
  options: { mailer?: Mailer; logger?: Logger; kickIndexer?: () => void },
): DraftRetention {
  // The mails wait in the mail outbox (written with the notifications); the server's job sends them.
  const mail = new NotificationMailer(ds, () => undefined);
  return new DraftRetention(
    ds,
    { retentionMonths: config.draftRetentionMonths, removalMonths: config.draftRemovalMonths },
    {
      kickIndexer: options.kickIndexer ?? (() => undefined),
      notified: (c) => mail.deliver(c),
      logger: options.logger,
    },
  );
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Runs retention once a day in the server (first a few minutes after the start). */
export function scheduleRetention(retention: DraftRetention, logger: Logger): () => void {
  const run = () =>
    retention
      .run()
      .catch((error) => logger.warn({ err: error }, 'draft retention failed; next try tomorrow'));
  const first = setTimeout(run, 5 * 60 * 1000);
  const every = setInterval(run, DAY_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
