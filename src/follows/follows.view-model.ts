import { CORPORATION_ROLE_LABELS, CORPORATION_ROLES } from '../domain';
import {
  CHANNEL_LABELS,
  CHANNELS,
  EMAIL_FREQUENCIES,
  EMAIL_FREQUENCY_LABELS,
  KIND_LABELS,
  channelFor,
  type Channel,
  type EmailFrequency,
  type NotificationSettings,
} from '../notifications/notification-settings';
import type { NotificationKind, NotificationRow } from '../notifications/notifications.service';
import { FOLLOW_KIND_LABELS, type FollowRow } from './follows.queries';
import type { MailOutboxRow } from './mail-outbox.queries';

/** A follow as the API answers it. */
export function followView(f: FollowRow) {
  return { id: f.id, kind: f.kind, value: f.value, label: f.label };
}

/** Where a follow leads: the case, the search, or the search filtered by the theme or role. */
function followLink(f: FollowRow): string {
  if (f.kind === 'case') return `/casussen/${f.value}`;
  if (f.kind === 'search') return f.value ? `/casussen?${f.value}` : '/casussen';
  return `/casussen?${f.kind === 'theme' ? 'thema' : 'rol'}=${encodeURIComponent(f.value)}`;
}

/** "Wat ik volg": the follows grouped by kind, and what can still be followed. */
export function followsPageModel(list: FollowRow[], themes: ReadonlyArray<{ slug: string; name: string }>) {
  const followed = (kind: string, value: string) => list.some((f) => f.kind === kind && f.value === value);
  return {
    groups: (['theme', 'role', 'search', 'case'] as const)
      .map((kind) => ({
        kind,
        title: {
          theme: "Thema's",
          role: 'Rollen van de corporatie',
          search: 'Zoekopdrachten',
          case: 'Casussen',
        }[kind],
        items: list
          .filter((f) => f.kind === kind)
          .map((f) => ({
            id: f.id,
            label: f.label,
            href: followLink(f),
            kindLabel: FOLLOW_KIND_LABELS[f.kind],
          })),
      }))
      .filter((g) => g.items.length > 0),
    themeOptions: themes
      .filter((t) => !followed('theme', t.slug))
      .map((t) => ({ value: t.slug, label: t.name })),
    roleOptions: CORPORATION_ROLES.filter((r) => !followed('role', r)).map((r) => ({
      value: r,
      label: CORPORATION_ROLE_LABELS[r],
    })),
  };
}

/** A notification as GET /api/meldingen answers it. */
export function notificationApiModel(n: NotificationRow) {
  return {
    id: n.id,
    kind: n.kind,
    message: n.message,
    reason: n.reason || null,
    link: n.url,
    read: n.readAt !== null,
    createdAt: new Date(n.createdAt).toISOString(),
  };
}

/** The settings page: the e-mail choice and, per kind, "standaard" (follows it) or a channel. */
export function settingsPageModel(s: NotificationSettings) {
  return {
    emailOptions: EMAIL_FREQUENCIES.map((value) => ({
      value,
      label: EMAIL_FREQUENCY_LABELS[value],
      checked: s.email === value,
    })),
    kinds: (Object.keys(KIND_LABELS) as NotificationKind[]).map((kind) => {
      const standard = CHANNEL_LABELS[channelFor({ email: s.email, channels: {} }, kind)];
      return {
        name: `kanaal_${kind}`,
        label: KIND_LABELS[kind],
        options: [
          {
            value: 'standaard',
            label: `Standaard (nu: ${standard.toLowerCase()})`,
            selected: !s.channels[kind],
          },
          ...CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c], selected: s.channels[kind] === c })),
        ],
      };
    }),
  };
}

/** The settings form → what is stored ("standaard" is not stored: it follows the e-mail choice). */
export function settingsFromForm(body: Record<string, unknown>): NotificationSettings {
  const channels: NotificationSettings['channels'] = {};
  for (const kind of Object.keys(KIND_LABELS) as NotificationKind[]) {
    const chosen = body[`kanaal_${kind}`];
    if (typeof chosen === 'string' && (CHANNELS as readonly string[]).includes(chosen))
      channels[kind] = chosen as Channel;
  }
  return { email: body.email as EmailFrequency, channels };
}

/** Beheer → E-mail: mails not (yet) sent, with their attempts and last error. */
export function mailOutboxModel(data: { pending: MailOutboxRow[]; sentLastWeek: number }) {
  return {
    sentLastWeek: data.sentLastWeek,
    pending: data.pending.map((m) => ({
      recipient: m.recipient,
      subject: m.subject,
      attempts: m.attempts,
      lastError: m.lastError,
      nextAttemptAt: new Date(m.nextAttemptAt),
      createdAt: new Date(m.createdAt),
    })),
  };
}
