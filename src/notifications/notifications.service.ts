import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { Mailer } from '../mail/mailer';
import { cachedUnread, forgetUnread } from '../accounts/request-cache';
import { In, IsNull } from 'typeorm';
import { Notification, type NotificationKind } from './notification.entity';

export type { NotificationKind };

export interface NewNotification {
  userId: number;
  kind: NotificationKind;
  message: string;
  url: string;
  /** Same user + same key = the same event: stored once, however often it is raised. */
  eventKey: string;
}

/** Notifications written in a transaction, to be mailed once it has committed. */
export type CreatedNotification = Pick<NewNotification, 'userId' | 'message' | 'url'>;

/** Stores notifications in the caller's transaction; returns the ones that are new (not seen before). */
export async function createNotifications(
  m: EntityManager,
  list: NewNotification[],
): Promise<CreatedNotification[]> {
  if (list.length === 0) return [];
  return m.query(
    `INSERT INTO notifications (user_id, kind, message, url, event_key)
     SELECT x.user_id, x.kind, x.message, x.url, x.event_key
       FROM jsonb_to_recordset($1::jsonb) AS x(user_id int, kind text, message text, url text, event_key text)
       JOIN users u ON u.id = x.user_id AND u.active
     ON CONFLICT (user_id, event_key) DO NOTHING
     RETURNING user_id AS "userId", message, url`,
    [
      JSON.stringify(
        list.map((n) => ({
          user_id: n.userId,
          kind: n.kind,
          message: n.message.slice(0, 500),
          url: n.url,
          event_key: n.eventKey,
        })),
      ),
    ],
  );
}

/** After commit: the same notifications by e-mail, when SMTP is configured. */
export class NotificationMailer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer | undefined,
    private readonly publicUrl: string | undefined,
    private readonly logger?: Logger,
  ) {}

  /** mail: false when the caller sends its own e-mail for the event (with a calendar invitation). */
  deliver(created: CreatedNotification[], options: { mail: boolean } = { mail: true }): void {
    // Committed: the recipients' unread counts are counted again.
    forgetUnread(
      this.dataSource,
      created.map((c) => c.userId),
    );
    if (!options.mail || !this.mailer?.enabled || created.length === 0) return;
    void this.send(created).catch((error) =>
      this.logger?.warn({ err: error }, 'notification e-mail not sent'),
    );
  }

  private async send(created: CreatedNotification[]) {
    const rows: Array<{ id: number; email: string; name: string }> = await this.dataSource.query(
      `SELECT id, email, name FROM users WHERE id = ANY($1) AND active`,
      [created.map((c) => c.userId)],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const n of created) {
      const user = byId.get(n.userId);
      if (!user) continue;
      const link = this.publicUrl ? `${this.publicUrl.replace(/\/+$/, '')}${n.url}` : n.url;
      this.mailer!.send({
        to: user.email,
        subject: `Casusbank: ${n.message.slice(0, 120)}`,
        text: `Beste ${user.name},\n\n${n.message}\n\nBekijk het in de Casusbank: ${link}\n\nU krijgt dit bericht omdat u lid bent van de Casusbank.`,
      });
    }
  }
}

export interface NotificationRow {
  id: number;
  kind: NotificationKind;
  message: string;
  url: string;
  readAt: Date | null;
  createdAt: Date;
}

const notifications = (ds: DataSource) => ds.getRepository(Notification);

/** The viewer's notifications, newest first. */
export function listNotifications(ds: DataSource, userId: number, limit = 100): Promise<NotificationRow[]> {
  return notifications(ds).find({
    select: { id: true, kind: true, message: true, url: true, readAt: true, createdAt: true },
    where: { userId },
    order: { createdAt: 'DESC', id: 'DESC' },
    take: limit,
  });
}

/** The header's unread count (briefly cached; forgotten when notifications arrive or are read). */
export function unreadCount(ds: DataSource, userId: number): Promise<number> {
  return cachedUnread(ds, userId, () => notifications(ds).countBy({ userId, readAt: IsNull() }));
}

/** Marks the viewer's notifications read (all, or the given ones). */
export async function markRead(ds: DataSource, userId: number, ids?: number[]): Promise<void> {
  await notifications(ds).update(
    { userId, readAt: IsNull(), ...(ids ? { id: In(ids) } : {}) },
    { readAt: () => 'now()' },
  );
  forgetUnread(ds, [userId]);
}
