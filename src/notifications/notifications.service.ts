import type { DataSource, EntityManager } from 'typeorm';
import { cachedUnread, forgetUnread } from '../accounts/request-cache';
import { In, IsNull } from 'typeorm';
import { Notification, type NotificationKind } from './notification.entity';
import { channelFor, settingsOf } from './notification-settings';

export type { NotificationKind };

export interface NewNotification {
  userId: number;
  kind: NotificationKind;
  message: string;
  url: string;
  /** Same user + same key = the same event: stored once, however often it is raised. */
  eventKey: string;
  /** Why the member gets it (digests group by it), e.g. 'Thema: Incasso'. */
  reason?: string;
}

/** Notifications written in a transaction, to be mailed once it has committed. */
export type CreatedNotification = Pick<NewNotification, 'userId' | 'message' | 'url'>;

/** Links in stored mails are relative to the site; the sender puts PUBLIC_URL in front. */
export const SITE = '{{site}}';

/**
 * Stores notifications in the caller's transaction, each as the member's settings say (none when
 * that kind is off); those to be mailed at once go into the mail outbox in the same transaction,
 * so a crash loses none. Returns the ones that are new (not seen before).
 */
export async function createNotifications(
  m: EntityManager,
  list: NewNotification[],
  options: { mail?: boolean } = {},
): Promise<CreatedNotification[]> {
  if (list.length === 0) return [];
  const settings = await settingsOf(m, [...new Set(list.map((n) => n.userId))]);
  const wanted = list
    .map((n) => ({ n, channel: channelFor(settings.get(n.userId)!, n.kind) }))
    .filter((x) => x.channel !== 'off')
    // The caller mails the event itself: in the app only.
    .map((x) => (options.mail === false ? { ...x, channel: 'inapp' as const } : x));
  if (wanted.length === 0) return [];
  const created: Array<CreatedNotification & { delivery: string }> = await m.query(
    `INSERT INTO notifications (user_id, kind, message, url, event_key, reason, delivery)
     SELECT x.user_id, x.kind, x.message, x.url, x.event_key, x.reason, x.delivery
       FROM jsonb_to_recordset($1::jsonb) AS x(user_id int, kind text, message text, url text, event_key text, reason text, delivery text)
       JOIN users u ON u.id = x.user_id AND u.active
     ON CONFLICT (user_id, event_key) DO NOTHING
     RETURNING user_id AS "userId", message, url, delivery`,
    [
      JSON.stringify(
        wanted.map(({ n, channel }) => ({
          user_id: n.userId,
          kind: n.kind,
          message: n.message.slice(0, 500),
          url: n.url,
          event_key: n.eventKey,
          reason: (n.reason ?? '').slice(0, 300),
          delivery: channel,
        })),
      ),
    ],
  );
  const instant = created.filter((c) => c.delivery === 'instant');
  if (instant.length > 0) {
    await m.query(
      `INSERT INTO mail_outbox (user_id, recipient, subject, body)
       SELECT u.id, u.email, x.subject, 'Beste ' || u.name || ',' || chr(10) || chr(10) || x.body
         FROM jsonb_to_recordset($1::jsonb) AS x(user_id int, subject text, body text)
         JOIN users u ON u.id = x.user_id`,
      [
        JSON.stringify(
          instant.map((n) => ({
            user_id: n.userId,
            subject: `Casusbank: ${n.message.slice(0, 120)}`,
            body: `${n.message}\n\nBekijk het in de Casusbank: ${SITE}${n.url}\n\nU krijgt dit bericht omdat u lid bent van de Casusbank. Uw meldingen stelt u in op ${SITE}/instellingen/meldingen.`,
          })),
        ),
      ],
    );
  }
  return created.map(({ userId, message, url }) => ({ userId, message, url }));
}

/** After commit: unread counts are counted again and the mail job sends what was queued. */
export class NotificationMailer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly kickMail: () => void,
  ) {}

  /**
   * The mails were queued with the notifications (none for `createNotifications(…, { mail: false })`,
   * whose caller sends its own e-mail with a calendar invitation); `options` is kept for those callers.
   */
  deliver(created: CreatedNotification[], _options: { mail: boolean } = { mail: true }): void {
    // Committed: the recipients' unread counts are counted again.
    forgetUnread(
      this.dataSource,
      created.map((c) => c.userId),
    );
    if (created.length > 0) this.kickMail();
  }
}

export interface NotificationRow {
  id: number;
  kind: NotificationKind;
  message: string;
  url: string;
  reason: string;
  readAt: Date | null;
  createdAt: Date;
}

const notifications = (ds: DataSource) => ds.getRepository(Notification);

/** The viewer's notifications, newest first. */
export function listNotifications(ds: DataSource, userId: number, limit = 100): Promise<NotificationRow[]> {
  return notifications(ds).find({
    select: { id: true, kind: true, message: true, url: true, reason: true, readAt: true, createdAt: true },
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
