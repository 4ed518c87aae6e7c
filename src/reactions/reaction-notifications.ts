import type { NewNotification, NotificationKind } from '../notifications/notifications.service';

/** What happened in a conversation, as far as who-gets-what needs to know. */
export interface ReactionEvent {
  reactionId: number;
  caseId: number;
  caseTitle: string;
  caseAuthorId: number;
  writerId: number;
  writerName: string;
  /** Set for a reply: the writer of the reaction replied to. */
  parentAuthorId?: number;
  /** Members who chose to follow this case's conversation. */
  followerIds: number[];
}

/**
 * Who gets a notification for a new reaction or reply, and which one: the writer of the reaction
 * replied to ("reageerde op uw reactie"), the case's author, and followers; never the writer
 * themself, each member once (the most personal message wins). The one place this is decided:
 * members' notification settings plug in through `wants`.
 */
export function reactionRecipients(
  e: ReactionEvent,
  wants: (userId: number, kind: NotificationKind) => boolean = () => true,
): NewNotification[] {
  const url = `/casussen/${e.caseId}#reactie-${e.reactionId}`;
  const eventKey = `reaction:${e.reactionId}`;
  const out = new Map<number, NewNotification>();
  const add = (userId: number | undefined, kind: NotificationKind, message: string, reason?: string) => {
    if (userId === undefined || userId === e.writerId || out.has(userId) || !wants(userId, kind)) return;
    out.set(userId, { userId, kind, message, url, eventKey, reason });
  };
  add(e.parentAuthorId, 'reaction_reply', `${e.writerName} reageerde op uw reactie bij "${e.caseTitle}".`);
  add(e.caseAuthorId, 'reaction', `${e.writerName} dacht mee over uw casus "${e.caseTitle}".`);
  for (const id of e.followerIds)
    add(
      id,
      'reaction_followed',
      `${e.writerName} reageerde bij "${e.caseTitle}", een casus die u volgt.`,
      `Casus: ${e.caseTitle}`,
    );
  return [...out.values()];
}
