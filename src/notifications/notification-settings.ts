import type { EntityManager } from 'typeorm';
import type { NotificationKind } from './notification.entity';

/** How a member receives one kind of notification. */
export const CHANNELS = ['inapp', 'instant', 'digest', 'off'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  inapp: 'Alleen in de Casusbank',
  instant: 'Direct per e-mail',
  digest: 'In het e-mailoverzicht',
  off: 'Uit',
};

/** What "e-mail" means for a member: at once, a daily or weekly digest, or never. */
export const EMAIL_FREQUENCIES = ['instant', 'daily', 'weekly', 'never'] as const;
export type EmailFrequency = (typeof EMAIL_FREQUENCIES)[number];
export const EMAIL_FREQUENCY_LABELS: Record<EmailFrequency, string> = {
  instant: 'Direct, per melding',
  daily: 'Dagelijks overzicht',
  weekly: 'Wekelijks overzicht',
  never: 'Nooit',
};

/** Every kind a member can set, in the order of the settings page, with its Dutch description. */
export const KIND_LABELS: Record<NotificationKind, string> = {
  followed_case_new: 'Een nieuwe casus bij een thema, rol of zoekopdracht die u volgt',
  reaction_followed: 'Een reactie bij een casus die u volgt',
  followed_reflection: 'Een reflectie bij een casus die u volgt',
  followed_agenda: 'Een casus die u volgt komt op de agenda van een bijeenkomst',
  reflection: 'Een reflectie op uw casus',
  reaction: 'Een reactie op uw casus',
  reaction_reply: 'Een antwoord op uw reactie',
  reaction_helpful: 'Uw reactie hielp de schrijver van een casus',
  reaction_hidden: 'Uw reactie is verborgen door de kerngroep',
  nomination_decided: 'Een besluit over uw voordracht',
  agenda_set: 'De agenda van een bijeenkomst waarvoor u voordroeg of waar u expert bent',
  signup_promoted: 'Een vrijgekomen plaats bij een bijeenkomst waarvoor u op de wachtlijst stond',
  meeting_report: 'Het verslag van een bijeenkomst',
  privacy_change_requested: 'De kerngroep vraagt persoonsgegevens uit uw casus te halen',
  privacy_attachment: 'Een bijlage van uw casus bevat mogelijk persoonsgegevens',
  draft_retention: 'Een concept dat lang niet is bewerkt en verwijderd wordt',
};

/** What arrives because the member follows something (the rest is about their own work). */
const FOLLOW_KINDS: NotificationKind[] = [
  'followed_case_new',
  'reaction_followed',
  'followed_reflection',
  'followed_agenda',
];

export interface NotificationSettings {
  email: EmailFrequency;
  /** Per kind; a kind not set follows `email`. */
  channels: Partial<Record<NotificationKind, Channel>>;
}

export const DEFAULT_SETTINGS: NotificationSettings = { email: 'weekly', channels: {} };

/**
 * The one rule for how a notification reaches a member. Unset kinds follow the e-mail choice:
 * what the member follows goes into the digest (default weekly), news about their own work is
 * mailed at once as before; "never" (also the one-click unsubscribe) stops every e-mail.
 */
export function channelFor(s: NotificationSettings, kind: NotificationKind): Channel {
  const chosen = s.channels[kind];
  const channel: Channel =
    chosen ??
    (s.email === 'never'
      ? 'inapp'
      : s.email === 'instant'
        ? 'instant'
        : FOLLOW_KINDS.includes(kind)
          ? 'digest'
          : 'instant');
  if (s.email === 'never' && (channel === 'instant' || channel === 'digest')) return 'inapp';
  return channel;
}

/** The digest period a member's digest items are grouped by: daily when chosen, else weekly. */
export function digestFrequency(s: NotificationSettings): 'daily' | 'weekly' {
  return s.email === 'daily' ? 'daily' : 'weekly';
}

/** The settings of these members (defaults for those who never chose). */
export async function settingsOf(
  m: Pick<EntityManager, 'query'>,
  userIds: number[],
): Promise<Map<number, NotificationSettings>> {
  const rows: Array<{ user_id: number; email: EmailFrequency; channels: NotificationSettings['channels'] }> =
    userIds.length
      ? await m.query(`SELECT user_id, email, channels FROM notification_settings WHERE user_id = ANY($1)`, [
          userIds,
        ])
      : [];
  const map = new Map<number, NotificationSettings>();
  for (const id of userIds) map.set(id, DEFAULT_SETTINGS);
  for (const r of rows) map.set(r.user_id, { email: r.email, channels: r.channels ?? {} });
  return map;
}

/** Stores a member's settings (one row per member). */
export async function saveSettings(
  m: Pick<EntityManager, 'query'>,
  userId: number,
  s: NotificationSettings,
): Promise<void> {
  await m.query(
    `INSERT INTO notification_settings (user_id, email, channels) VALUES ($1, $2, $3::jsonb)
     ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, channels = EXCLUDED.channels, updated_at = now()`,
    [userId, s.email, JSON.stringify(s.channels)],
  );
}
