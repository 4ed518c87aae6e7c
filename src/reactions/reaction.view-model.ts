import { renderMarkdown } from '../cases/markdown';
import { can, type CaseRef, type Viewer } from '../policy';
import type { ReactionRow } from './reactions.queries';

export interface ReactionItem {
  id: number;
  /** shown: the text; deleted / withheld: a placeholder that keeps the thread together. */
  state: 'shown' | 'deleted' | 'withheld';
  authorName: string;
  organizationName: string;
  createdAt: Date;
  edited: boolean;
  html: string;
  helpful: boolean;
  linkedCase: { id: number; title: string } | null;
  /** Hidden by the kerngroep: the reason, for the writer and the kerngroep (who still see the text). */
  hiddenReason: string | null;
  can: {
    edit: boolean;
    delete: boolean;
    markHelpful: boolean;
    report: boolean;
    hide: boolean;
    reply: boolean;
  };
  replies: ReactionItem[];
}

/**
 * The conversation under a case as the viewer may see it: threads (a reaction with its replies)
 * oldest first. Deleted reactions and reactions the kerngroep hid leave a placeholder only where
 * replies hang under them; the writer (and the kerngroep) see a hidden reaction with its reason.
 */
export function conversationView(rows: ReactionRow[], viewer: Viewer, record: CaseRef, now = new Date()) {
  const moderator = can(viewer, 'reaction:moderate');
  const mayReact = can(viewer, 'reaction:create', record);
  const item = (r: ReactionRow): ReactionItem | null => {
    const ref = { authorId: r.authorId, status: r.status, createdAt: new Date(r.createdAt) };
    const seesHidden = r.status === 'hidden' && (r.authorId === viewer.id || moderator);
    const state =
      r.status === 'active' || seesHidden ? 'shown' : r.status === 'deleted' ? 'deleted' : 'withheld';
    return {
      id: r.id,
      state,
      authorName: state === 'shown' ? r.authorName : '',
      organizationName: state === 'shown' ? r.organizationName : '',
      createdAt: r.createdAt,
      edited: r.edited,
      html: state === 'shown' ? renderMarkdown(r.body) : '',
      helpful: r.helpful && r.status === 'active',
      linkedCase:
        state === 'shown' && r.linkedCaseId ? { id: r.linkedCaseId, title: r.linkedCaseTitle ?? '' } : null,
      hiddenReason: seesHidden ? r.hiddenReason : null,
      can: {
        edit: mayReact && can(viewer, 'reaction:edit', ref, now),
        delete: can(viewer, 'reaction:delete', ref),
        markHelpful: can(viewer, 'reaction:mark-helpful', record, ref),
        report: mayReact && can(viewer, 'reaction:report', ref),
        hide: moderator && r.status === 'active',
        reply: mayReact && r.parentId === null && r.status === 'active',
      },
      replies: [],
    };
  };
  const threads: ReactionItem[] = [];
  const byId = new Map<number, ReactionItem>();
  const pending: Array<[ReactionRow, ReactionItem]> = [];
  for (const r of rows) {
    const it = item(r);
    if (!it) continue;
    if (r.parentId === null) {
      threads.push(it);
      byId.set(r.id, it);
    } else pending.push([r, it]);
  }
  for (const [r, it] of pending) if (it.state === 'shown') byId.get(r.parentId!)?.replies.push(it);
  const visible = threads.filter((t) => t.state === 'shown' || t.replies.length > 0);
  const shownCount = visible.reduce((n, t) => n + (t.state === 'shown' ? 1 : 0) + t.replies.length, 0);
  return {
    threads: visible,
    count: shownCount,
    answered: rows.some((r) => r.helpful && r.status === 'active'),
    canReact: mayReact,
  };
}
export type ConversationView = ReturnType<typeof conversationView>;

/** A reaction as the API gives it: names, never e-mail addresses; hidden and deleted ones left out. */
export function apiReaction(r: ReactionRow) {
  return {
    id: r.id,
    parentId: r.parentId,
    authorName: r.authorName,
    organizationName: r.organizationName,
    body: r.body,
    html: renderMarkdown(r.body),
    helpful: r.helpful,
    edited: r.edited,
    linkedCase: r.linkedCaseId
      ? { id: r.linkedCaseId, title: r.linkedCaseTitle, url: `/casussen/${r.linkedCaseId}` }
      : null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
